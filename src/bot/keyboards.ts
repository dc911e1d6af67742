/**
 * Inline keyboards under bot messages: open buttons and 上一页 / x/y / 下一页 under a result page,
 * way-out buttons under an empty one, region buttons for suggestions and the region tree. All
 * callback data goes through the codec in ./callback-data.ts.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { encodeCallback, MAX_PAGE, type CallbackAction } from '../telegram/callback-data.ts';
import type { Messages } from '../telegram/i18n.ts';
import type { ResultPage } from './query.ts';
import { rows } from '../telegram/reply.ts';
import type { QueryStore } from '../telegram/query-store.ts';

function button(text: string, action: CallbackAction, store: QueryStore): InlineKeyboardButton {
  return { text, callback_data: encodeCallback(action, store) };
}

/**
 * The keyboard of a result page. `openUrl`, when given, turns the open buttons into links (groups
 * use deep links into the private chat, so long articles do not flood the group). `subscribe`, the
 * one-tap subscribe button, goes on its own row between the open buttons and the paging row (after
 * the ways out on an empty page: subscribing is how to hear of the first article).
 */
export function resultKeyboard(
  view: ResultPage,
  t: Messages,
  store: QueryStore,
  openUrl?: (id: string) => string | undefined,
  subscribe?: InlineKeyboardButton,
): InlineKeyboardMarkup {
  const keyboard: InlineKeyboardButton[][] = [];
  if (view.total === 0) {
    for (const way of view.wayOut) {
      const label =
        way.kind === 'widen'
          ? t.widenTo(way.label)
          : way.kind === 'drop-word'
            ? t.dropWord(way.label)
            : way.kind === 'search-word'
              ? t.searchWord(way.label)
              : way.kind === 'all-time'
                ? t.allTime
                : t.tryRegion(way.label);
      keyboard.push([button(label, way.action, store)]);
    }
    if (subscribe) keyboard.push([subscribe]);
    return { inline_keyboard: keyboard };
  }
  const open = view.hits.map((hit, i): InlineKeyboardButton => {
    const text = String(view.page * view.pageSize + i + 1);
    const url = openUrl?.(hit.id);
    return url ? { text, url } : button(text, { kind: 'article', id: hit.id }, store);
  });
  if (open.length > 0) keyboard.push(open);
  if (subscribe) keyboard.push([subscribe]);
  const order = view.order === 'date' ? 'date' : undefined;
  // A search re-sorts in place: by relevance or newest first (a range alone is always by time).
  if (view.kind === 'search' && view.total > 1 && view.understood.words.length + (view.understood.phrases?.length ?? 0) > 0) {
    const other = order === 'date' ? undefined : ('date' as const);
    keyboard.push([
      button(
        other === 'date' ? t.byDate : t.byRelevance,
        { kind: 'search', query: view.source, page: 0, ...(other ? { order: other } : {}) },
        store,
      ),
    ]);
  }
  if (view.pages > 1) {
    const lastPage = Math.min(view.pages - 1, MAX_PAGE);
    const at = (page: number): CallbackAction =>
      view.kind === 'search'
        ? { kind: 'search', query: view.source, page, ...(order ? { order } : {}) }
        : { kind: view.kind, name: view.source, page };
    const nav: InlineKeyboardButton[] = [];
    if (view.page > 0) nav.push(button(t.prev, at(view.page - 1), store));
    nav.push(button(`${view.page + 1}/${view.pages}`, { kind: 'noop' }, store));
    if (view.page < lastPage) nav.push(button(t.next, at(view.page + 1), store));
    keyboard.push(nav);
  }
  return { inline_keyboard: keyboard };
}

/** One button per region name (suggestions, the region tree), three to a row. */
export function regionButtons(
  items: { name: string; label: string; action: 'region' | 'tree' }[],
  store: QueryStore,
): InlineKeyboardButton[][] {
  return rows(
    items.map((item) =>
      button(item.label, item.action === 'tree' ? { kind: 'tree', name: item.name } : { kind: 'region', name: item.name, page: 0 }, store),
    ),
    3,
  );
}
