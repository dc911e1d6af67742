/**
 * The digest sender: sends one stored message to one chat, paced by ./pacer.ts and retried by the
 * bot's one retry policy (../bot/api-retry.ts: 429 `retry_after`, 5xx and network errors with
 * backoff, `migrate_to_chat_id`). On top of that it acts on what a refusal means for the
 * subscriptions: 403 (bot blocked, removed from the group) or "chat not found" deactivates the
 * chat; a migrated group has its subscriptions moved to the new chat id.
 */
import { TelegramError } from 'telegraf';
import type { Logger } from '../log.ts';
import { withRetry, type CallApi, type RetryOptions } from '../telegram/api-retry.ts';
import { PacerAbortedError, SendPacer, type PacerLimits } from '../telegram/pacer.ts';
import { sleep } from '../telegram/sleep.ts';
import type { DigestStore, SendSlots, StoredMessage } from './store.ts';

/** Where a message goes: a chat and a forum topic (0 = none). */
export interface SendTarget {
  chatId: number;
  threadId: number;
}

/**
 * What happened to one message:
 * - `sent`: delivered; `chatId` is where it went (the new id after a group migrated);
 * - `blocked`: the chat refuses messages from the bot (403 or chat not found) and was deactivated;
 * - `rejected`: Telegram refused this message for good (e.g. 400 Bad Request) — do not resend it;
 * - `failed`: retries ran out (network, 5xx, long 429); worth trying again on a later run.
 */
export type SendOutcome =
  | { status: 'sent'; chatId: number; threadId: number }
  | { status: 'blocked' | 'rejected' | 'failed'; error: unknown };

/**
 * Sends one message; the function shape runDueDigests takes. Aborting `signal` (shutdown) gives up
 * waiting for a send slot or a retry — the outcome is then `failed`, so a later run sends it — but
 * never cuts a request already on its way to Telegram.
 */
export type SendMessage = (target: SendTarget, message: StoredMessage, signal?: AbortSignal) => Promise<SendOutcome>;

/** Options of {@link createDigestSender}. */
export interface DigestSenderOptions {
  /** Telegram's `callApi` (e.g. `bot.telegram.callApi.bind(bot.telegram)`), NOT already retry-wrapped. */
  callApi: CallApi;
  store: DigestStore;
  logger: Logger;
  limits?: PacerLimits;
  /** Passed to ../bot/api-retry.ts (attempts, backoff); the sender adds its own logging hooks. */
  retry?: Omit<RetryOptions, 'onChatMigrated' | 'onRetry'>;
  /** Clock for migration and deactivation records (default Date.now). */
  now?: () => number;
}

/** Builds the Bot API payload of a stored message. */
export function messagePayload(target: SendTarget, message: StoredMessage): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    chat_id: target.chatId,
    text: message.text,
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
  };
  if (target.threadId !== 0) payload.message_thread_id = target.threadId;
  if (message.buttons !== undefined && message.buttons.length > 0) payload.reply_markup = { inline_keyboard: message.buttons };
  return payload;
}

/** True when Telegram says the bot can no longer write to the chat. */
function chatGone(error: unknown): boolean {
  if (!(error instanceof TelegramError)) return false;
  if (error.code === 403) return true;
  return error.code === 400 && /chat not found|bot was kicked|group chat was (deleted|upgraded)/i.test(error.description);
}

/** True when a later run may succeed (the retry wrapper gave up on a transient error). */
function transient(error: unknown): boolean {
  if (!(error instanceof TelegramError)) return true;
  return error.code === 429 || error.code >= 500;
}

/** Waits for this message's slot in the instances' shared schedule; a stop gives the wait up. */
async function sharedSlot(slots: SendSlots, gapMs: number, signal: AbortSignal | undefined): Promise<void> {
  const { waitMs } = await slots.reserve(gapMs);
  if (waitMs > 0 && !(await sleep(waitMs, signal))) throw new PacerAbortedError();
}

/**
 * Creates the sender. The returned function never throws: every failure becomes an outcome, and
 * chat deactivation and migration are already recorded in the store when it resolves.
 */
export function createDigestSender(options: DigestSenderOptions): SendMessage {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const pacer = new SendPacer(options.limits);
  const call = withRetry(
    async (method, payload, callOptions) => {
      // Every attempt, retries included, waits for its slot: a retry is a message too.
      const chatId = Number(payload.chat_id);
      await pacer.acquire(chatId, callOptions?.signal);
      // Several instances share the token: the overall rate is held by the schedule they share.
      if (store.sendSlots !== undefined) await sharedSlot(store.sendSlots, pacer.globalGapMs, callOptions?.signal);
      try {
        // Without the signal: a request Telegram may already have must finish and be recorded.
        return await options.callApi(method, payload);
      } catch (error) {
        const retryAfter = error instanceof TelegramError ? error.parameters?.retry_after : undefined;
        if (retryAfter !== undefined) pacer.pause(chatId, retryAfter * 1000);
        throw error;
      }
    },
    {
      ...options.retry,
      onRetry: ({ method, attempt, delayMs, reason, error }) =>
        logger.warn({ method, attempt, delayMs: Math.round(delayMs), reason, err: error }, 'digest send retried'),
      onChatMigrated: async (from, to) => {
        logger.info({ from, to }, 'group moved to a supergroup; subscriptions follow it');
        await store.migrateChat(Number(from), to, now());
      },
    },
  );

  const send = async (target: SendTarget, message: StoredMessage, signal?: AbortSignal): Promise<SendOutcome> => {
    try {
      const result = (await call('sendMessage', messagePayload(target, message), signal ? { signal } : undefined)) as
        | { chat?: { id?: number } }
        | undefined;
      const chatId = result?.chat?.id ?? target.chatId;
      // After a migration the topic is gone (basic groups have none): the message went to the main chat.
      return chatId === target.chatId ? { status: 'sent', ...target } : { status: 'sent', chatId, threadId: 0 };
    } catch (error) {
      if (chatGone(error)) {
        logger.warn({ chatId: target.chatId, err: error }, 'chat refuses the bot; its subscriptions are deactivated');
        await store.deactivateChat(target.chatId, (error as TelegramError).description);
        return { status: 'blocked', error };
      }
      if (error instanceof PacerAbortedError || signal?.aborted) return { status: 'failed', error }; // shutting down
      if (transient(error)) {
        logger.warn({ chatId: target.chatId, err: error }, 'digest message not delivered; a later run retries');
        return { status: 'failed', error };
      }
      logger.error({ chatId: target.chatId, err: error }, 'Telegram rejected a digest message');
      return { status: 'rejected', error };
    }
  };
  return send;
}
