/**
 * Editors add pages from the chat: a chat listed in ADMIN_CHAT_IDS sends a page file (`.txt`, any
 * encoding the reader knows) as a document. The bot downloads it (getFile), refuses what is too
 * large, not text or a copy of a page it has, stores it in PAGES_DIR under a dated name, and
 * answers with what the splitter found: the articles, their regions, and a line per problem. The
 * running index picks the page up as any new page file (the refresh is asked for at once).
 * Anyone else sending a document is refused politely.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, type Context } from 'telegraf';
import { pageDateOf } from '../../pages/page-date.ts';
import { decodePage, listPageFiles } from '../../pages/read.ts';
import { todayIn } from '../../search/query-parse.ts';
import { prepareArticles } from '../../search/prepare.ts';
import type { BotDeps } from '../deps.ts';
import { escapeHtml } from '../../telegram/html.ts';
import { replyHtml } from '../respond.ts';
import { inGroup, tr } from '../../telegram/reply.ts';

export interface UploadOptions {
  /** Chats whose documents are taken as page files. */
  adminChatIds: readonly number[];
  pagesDir: string;
  /** Largest page file accepted, in bytes. */
  maxBytes: number;
  /** Told after a page was stored (the index then picks it up). */
  onPageSaved?: (file: string) => void;
}

/** Articles listed in the answer; a page with more says how many more. */
const LISTED_ARTICLES = 20;

/** A file name safe to keep: letters, digits, Chinese, dot, dash, underscore. */
function safeName(name: string): string {
  const base = name
    .replace(/\.txt$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 60);
  return `${base || 'page'}.txt`;
}

/** The page file already holding these exact bytes, if any (only files of the same size are read). */
function duplicateOf(pagesDir: string, bytes: Buffer): string | undefined {
  if (!existsSync(pagesDir)) return undefined;
  const hash = createHash('sha256').update(bytes).digest('hex');
  for (const file of listPageFiles(pagesDir)) {
    const path = join(pagesDir, file);
    if (statSync(path).size !== bytes.length) continue;
    if (createHash('sha256').update(readFileSync(path)).digest('hex') === hash) return file;
  }
  return undefined;
}

/** A dated name not yet taken: `2024-03-05_原名.txt`, `2024-03-05_原名-2.txt` … */
function freeName(pagesDir: string, date: string, original: string): string {
  const name = `${date}_${safeName(original)}`;
  for (let n = 2, candidate = name; ; candidate = name.replace(/\.txt$/, `-${n++}.txt`)) {
    if (!existsSync(join(pagesDir, candidate))) return candidate;
  }
}

/** Handles documents: stores an editor's page file, or refuses. */
export function uploadHandlers(deps: BotDeps, options: UploadOptions | undefined): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('document', async (ctx) => {
    const t = tr(ctx);
    const chatId = ctx.chat?.id;
    if (!options || chatId === undefined || !options.adminChatIds.includes(chatId)) {
      // Groups share files all day: only a private chat is told that pages are not taken from it.
      return inGroup(ctx) ? undefined : replyHtml(ctx, escapeHtml(t.uploadRefused));
    }
    const document = ctx.message.document;
    const original = document.file_name ?? 'page.txt';
    if (!/\.txt$/i.test(original)) return replyHtml(ctx, escapeHtml(t.uploadNotText(original)));
    if ((document.file_size ?? 0) > options.maxBytes)
      return replyHtml(ctx, escapeHtml(t.uploadTooLarge(Math.round(options.maxBytes / 1024))));

    // The link holds the bot token: it is fetched, never logged or shown (errors are logged without it).
    let bytes: Buffer;
    try {
      const response = await fetch(await ctx.telegram.getFileLink(document.file_id));
      if (!response.ok) throw new Error(`download answered ${response.status}`);
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      deps.logger.warn(
        { chatId, reason: error instanceof Error ? error.message.replace(/bot\d+:[\w-]+/g, 'bot<token>') : 'unknown' },
        'page upload download failed',
      );
      return replyHtml(ctx, escapeHtml(t.uploadFailed));
    }
    if (bytes.length > options.maxBytes) return replyHtml(ctx, escapeHtml(t.uploadTooLarge(Math.round(options.maxBytes / 1024))));
    const decoded = decodePage(bytes);
    if (!decoded.ok) return replyHtml(ctx, escapeHtml(t.uploadUnreadable(decoded.reason)));
    const duplicate = duplicateOf(options.pagesDir, bytes);
    if (duplicate) return replyHtml(ctx, escapeHtml(t.uploadDuplicate(duplicate)));

    const date = pageDateOf(decoded.text.split('\n')) ?? todayIn(deps.timeZone);
    const file = freeName(options.pagesDir, date, original);
    const articles = prepareArticles({ file, date, text: decoded.text });
    const problems: string[] = [];
    const headlined = articles.filter((a) => a.kind !== 'fragment');
    if (headlined.length === 0) problems.push(t.uploadNoArticles);
    const fragments = articles.length - headlined.length;
    if (fragments > 0) problems.push(t.uploadFragments(fragments));
    const placeless = headlined.filter((a) => a.regions.length === 0).length;
    if (placeless > 0) problems.push(t.uploadPlaceless(placeless));
    writeFileSync(join(options.pagesDir, file), bytes);
    deps.logger.info({ chatId, file, articles: articles.length }, 'page uploaded');
    options.onPageSaved?.(file);

    const lines = [t.uploadSaved(file, decoded.encoding, headlined.length)];
    headlined.slice(0, LISTED_ARTICLES).forEach((a, i) => {
      lines.push(`${i + 1}. ${a.title}${a.regions.length ? `（${a.regions.slice(0, 2).join('、')}）` : ''}`);
    });
    if (headlined.length > LISTED_ARTICLES) lines.push(t.uploadMore(headlined.length - LISTED_ARTICLES));
    if (problems.length > 0) lines.push('', ...problems.map((p) => `⚠ ${p}`));
    await replyHtml(ctx, escapeHtml(lines.join('\n')));
  });
  return composer;
}
