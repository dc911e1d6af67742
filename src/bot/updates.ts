/**
 * What arrives from Telegram (or from whoever reaches the webhook) is checked before any handler
 * sees it. telegraf trusts the shape of an update: an update with only `update_id` makes its
 * `ctx.updateType` throw, a `text` that is not a string breaks command matching, and either error
 * used to escape as an unhandled rejection. Here an update is accepted only when the fields the
 * bot's handlers read have the types the Bot API documents; anything else is ignored (and, on the
 * webhook, still acknowledged when it carries an update id, so Telegram does not send it again).
 *
 * Each accepted update also gets its *chat key*: updates with the same key are handled one after
 * the other, in order; updates with different keys run concurrently (see ./runner.ts).
 */
import type { Update } from 'telegraf/types';

/** The verdict on one incoming body. */
export type Checked =
  | { ok: true; update: Update; key: string; type: string }
  | { ok: false; reason: string /** The update id, when the body had a usable one. */; updateId?: number };

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}
function optional(value: unknown, test: (v: unknown) => boolean): boolean {
  return value === undefined || test(value);
}
const isString = (v: unknown) => typeof v === 'string';
const isBool = (v: unknown) => typeof v === 'boolean';

function validUser(value: unknown): boolean {
  return (
    isObj(value) &&
    isInt(value.id) &&
    optional(value.first_name, isString) &&
    optional(value.language_code, isString) &&
    optional(value.username, isString) &&
    optional(value.is_bot, isBool)
  );
}
function validChat(value: unknown): boolean {
  return isObj(value) && isInt(value.id) && isString(value.type);
}
function validEntities(value: unknown): boolean {
  return Array.isArray(value) && value.every((e) => isObj(e) && isString(e.type) && isInt(e.offset) && isInt(e.length));
}

/** The fields of a message the handlers (and telegraf's matchers) read. */
function messageProblem(value: unknown): string | undefined {
  if (!isObj(value)) return 'not an object';
  if (!isInt(value.message_id)) return 'message_id';
  if (!validChat(value.chat)) return 'chat';
  if (!optional(value.from, validUser)) return 'from';
  if (!optional(value.sender_chat, validChat)) return 'sender_chat';
  if (!optional(value.text, isString)) return 'text';
  if (!optional(value.caption, isString)) return 'caption';
  if (!optional(value.entities, validEntities)) return 'entities';
  if (!optional(value.caption_entities, validEntities)) return 'caption_entities';
  if (!optional(value.message_thread_id, isInt)) return 'message_thread_id';
  if (!optional(value.is_topic_message, isBool)) return 'is_topic_message';
  if (!optional(value.migrate_to_chat_id, isInt)) return 'migrate_to_chat_id';
  if (!optional(value.migrate_from_chat_id, isInt)) return 'migrate_from_chat_id';
  if (!optional(value.new_chat_members, (v) => Array.isArray(v) && v.every(validUser))) return 'new_chat_members';
  return undefined;
}

const MESSAGE_TYPES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'edited_business_message',
] as const;
/** Updates about a chat: keyed by that chat. */
const CHAT_TYPES = [
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'message_reaction',
  'message_reaction_count',
  'chat_boost',
  'removed_chat_boost',
] as const;
/** Updates about a user, with no chat: keyed by that user. */
const USER_TYPES = ['inline_query', 'chosen_inline_result', 'shipping_query', 'pre_checkout_query', 'purchased_paid_media'] as const;
const OTHER_TYPES = ['poll', 'poll_answer', 'business_connection', 'deleted_business_messages'] as const;
const KNOWN = new Set<string>([...MESSAGE_TYPES, 'callback_query', ...CHAT_TYPES, ...USER_TYPES, ...OTHER_TYPES]);

/** Checks one incoming body; never throws. */
export function checkUpdate(body: unknown): Checked {
  if (!isObj(body)) return { ok: false, reason: body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}` };
  const updateId = body.update_id;
  if (!isInt(updateId) || updateId < 0) return { ok: false, reason: 'no update_id' };
  const types = Object.keys(body).filter((key) => KNOWN.has(key));
  // telegraf takes the first object-valued key as the update's type: exactly one known key, no extras.
  const objectKeys = Object.keys(body).filter((key) => key !== 'update_id' && typeof body[key] === 'object');
  if (types.length !== 1 || objectKeys.length !== 1 || objectKeys[0] !== types[0]) {
    return { ok: false, reason: types.length === 0 ? 'no known update type' : 'ambiguous update type', updateId };
  }
  const type = types[0];
  const value = body[type];
  if (!isObj(value)) return { ok: false, reason: `${type} is not an object`, updateId };
  const update = body as unknown as Update;
  const fail = (field: string): Checked => ({ ok: false, reason: `${type}.${field} has the wrong type`, updateId });

  if ((MESSAGE_TYPES as readonly string[]).includes(type)) {
    const problem = messageProblem(value);
    if (problem) return fail(problem);
    return { ok: true, update, type, key: `chat:${(value.chat as Obj).id as number}` };
  }
  if (type === 'callback_query') {
    if (!isString(value.id)) return fail('id');
    if (!validUser(value.from)) return fail('from');
    if (!optional(value.data, isString)) return fail('data');
    if (!optional(value.inline_message_id, isString)) return fail('inline_message_id');
    if (!optional(value.chat_instance, isString)) return fail('chat_instance');
    if (value.message !== undefined) {
      // An inaccessible message (Bot API 7.0) is only chat, message_id and date 0.
      const m = value.message;
      if (!isObj(m) || !isInt(m.message_id) || !validChat(m.chat)) return fail('message');
      if (m.date !== 0 && messageProblem(m) !== undefined) return fail(`message.${messageProblem(m)}`);
      return { ok: true, update, type, key: `chat:${(m.chat as Obj).id as number}` };
    }
    return { ok: true, update, type, key: `user:${(value.from as Obj).id as number}` };
  }
  if ((CHAT_TYPES as readonly string[]).includes(type)) {
    if (!validChat(value.chat)) return fail('chat');
    if (!optional(value.from, validUser)) return fail('from');
    return { ok: true, update, type, key: `chat:${(value.chat as Obj).id as number}` };
  }
  if ((USER_TYPES as readonly string[]).includes(type)) {
    if (!validUser(value.from)) return fail('from');
    if (type === 'inline_query' && (!isString(value.id) || !isString(value.query) || !optional(value.offset, isString)))
      return fail('query');
    if (type === 'chosen_inline_result' && (!isString(value.result_id) || !isString(value.query))) return fail('result_id');
    return { ok: true, update, type, key: `user:${(value.from as Obj).id as number}` };
  }
  // Polls and business connections: the bot has no handler for them; one shared key suffices.
  return { ok: true, update, type, key: type };
}
