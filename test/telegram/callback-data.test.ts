import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_DATA_MAX_BYTES,
  decodeCallback,
  decodeCallbackLoading,
  encodeCallback,
  tryEncodeCallback,
  type CallbackAction,
} from '../../src/telegram/callback-data.ts';
import { decodeDeepLink, encodeDeepLink } from '../../src/bot/deep-link.ts';
import { QueryStore } from '../../src/telegram/query-store.ts';
import { openDatabase } from '../../src/digest/db.ts';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('callback data codec', () => {
  const store = new QueryStore();
  const actions: CallbackAction[] = [
    { kind: 'search', query: '营商环境', page: 0 },
    { kind: 'search', query: '邵阳市 营商环境 优化 提升 服务 企业 发展', page: 12 },
    { kind: 'search', query: 'a:b|c 1:2', page: 999 },
    { kind: 'region', name: '湘西土家族苗族自治州', page: 3 },
    { kind: 'tree', name: '' },
    { kind: 'tree', name: '邵阳市' },
    { kind: 'article', id: 'a1B2_c3-d4' },
    { kind: 'noop' },
  ];

  it('round-trips every action within 64 bytes', () => {
    for (const action of actions) {
      const data = encodeCallback(action, store);
      expect(bytes(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(decodeCallback(data, store)).toEqual(action);
    }
  });

  it('keeps a query too long for 64 bytes under a short key', () => {
    const query = '长沙市天心区红色物业基层治理网格化管理社区服务';
    const data = encodeCallback({ kind: 'search', query, page: 1 }, store);
    expect(data).toMatch(/^S1:[a-z0-9]+$/);
    expect(decodeCallback(data, store)).toEqual({ kind: 'search', query, page: 1 });
  });

  it('keeps long-query buttons working across a restart when the keys are saved in the bot database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xiangwen-keys-'));
    try {
      const query = '很长的查询'.repeat(5);
      const first = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')));
      const before = new QueryStore(2000, first.queryKeys);
      const data = encodeCallback({ kind: 'search', query, page: 2 }, before);
      await before.settle();
      await first.close();
      const second = new SqliteDigestStore(openDatabase(join(dir, 'bot.db')));
      const restarted = new QueryStore(2000, second.queryKeys);
      expect(await decodeCallbackLoading(data, restarted)).toEqual({ kind: 'search', query, page: 2 });
      expect(encodeCallback({ kind: 'search', query, page: 2 }, restarted)).toBe(data);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats a key from another process (a restart) as expired when keys are kept in memory only', () => {
    const before = new QueryStore();
    const data = encodeCallback({ kind: 'search', query: '很长的查询'.repeat(5), page: 0 }, before);
    expect(decodeCallback(data, new QueryStore())).toBeNull();
  });

  it('forgets the least recently used query beyond its capacity', () => {
    const small = new QueryStore(2);
    const a = small.put('甲'.repeat(30));
    small.put('乙'.repeat(30));
    small.get(a);
    small.put('丙'.repeat(30));
    expect(small.get(a)).toBe('甲'.repeat(30));
    expect(small.size).toBe(2);
  });

  it('rejects forged, malformed and oversized data', () => {
    const forged = [
      '',
      'zzz',
      's:营商',
      's01:营商',
      's1000:营商',
      's1: 营商',
      'a:../../etc',
      'a1:abc',
      'x:1',
      'S0:nokey',
      't1:邵阳',
      's1:\u0000',
      '🙂'.repeat(17),
      `s0:${'汉'.repeat(30)}`,
    ];
    for (const data of forged) expect(decodeCallback(data, store), data).toBeNull();
  });

  it('refuses to encode what it could not decode', () => {
    expect(() => encodeCallback({ kind: 'article', id: 'bad id' }, store)).toThrow(RangeError);
    expect(() => encodeCallback({ kind: 'search', query: 'x', page: -1 }, store)).toThrow(RangeError);
  });
});

describe("the digest's buttons in the same codec", () => {
  it('round-trips removing a subscription and the one-tap subscribe buttons, in the wire form old buttons carry', () => {
    expect(encodeCallback({ kind: 'unsubscribe', id: 42 })).toBe('u:42');
    expect(encodeCallback({ kind: 'subscribe-region', name: '邵阳市' })).toBe('+r:邵阳市');
    expect(encodeCallback({ kind: 'subscribe-search', query: ' 邵阳 营商环境 ' })).toBe('+k:邵阳 营商环境');
    for (const data of ['u:42', '+r:邵阳市', '+k:邵阳 营商环境']) expect(encodeCallback(decodeCallback(data)!)).toBe(data);
    expect(decodeCallback('+k:邵阳 营商环境')).toEqual({ kind: 'subscribe-search', query: '邵阳 营商环境' });
  });

  it('declines subscribe texts that do not fit, and forged ones', () => {
    expect(tryEncodeCallback({ kind: 'subscribe-search', query: '很长'.repeat(20) })).toBeUndefined();
    expect(() => encodeCallback({ kind: 'subscribe-region', name: '很长'.repeat(20) })).toThrow(RangeError);
    for (const bad of ['u:', 'u:x', 'u:1234567890123', '+r:', '+x:邵阳', '+k: 邵阳', '+k:a\u0000b'])
      expect(decodeCallback(bad), bad).toBeNull();
  });

  it('needs no query store for actions that carry no long text', () => {
    expect(encodeCallback({ kind: 'article', id: 'abc_123' })).toBe('a:abc_123');
    expect(() => encodeCallback({ kind: 'search', query: '很长的查询'.repeat(5), page: 0 })).toThrow(RangeError);
    expect(decodeCallback('S0:abcdef')).toBeNull();
  });
});

describe('deep links', () => {
  it('round-trips queries and article ids in the allowed alphabet', () => {
    for (const link of [
      { kind: 'search' as const, query: '营商环境 邵阳' },
      { kind: 'article' as const, id: 'abc_123' },
      { kind: 'help' as const },
    ]) {
      const payload = encodeDeepLink(link);
      expect(payload).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(decodeDeepLink(payload!)).toEqual(link);
    }
  });

  it('declines queries that do not fit and payloads that are not ours', () => {
    expect(encodeDeepLink({ kind: 'search', query: '很长'.repeat(20) })).toBeUndefined();
    for (const bad of ['', 'q_', 'q_!!', `q_${Buffer.from([0xff, 0xfe]).toString('base64url')}`, 'x_1', 'a b']) {
      expect(decodeDeepLink(bad), bad).toBeUndefined();
    }
  });
});
