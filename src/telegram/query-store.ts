/**
 * A small in-memory LRU of query texts too long for Telegram's 64-byte callback data. Buttons then
 * carry a short key instead of the query. With a backing (the bot database), keys are also saved,
 * so buttons keep working after a restart; without one, keys start with a prefix chosen at random
 * when the process starts, so an old button's key is simply unknown after a restart (the bot
 * answers "this list has expired") instead of pointing at somebody else's query.
 */
import { randomBytes } from 'node:crypto';

/** Where keys outlive the process (the bot database: ./query-keys.ts). */
export interface QueryKeyBacking {
  save(key: string, text: string): void;
  textFor(key: string): string | undefined;
  keyFor(text: string): string | undefined;
}

export class QueryStore {
  private readonly entries = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  private readonly prefix: string;
  private counter = 0;

  /** @param capacity how many queries to remember; the least recently used is forgotten first. */
  constructor(
    private readonly capacity: number = 2000,
    private readonly backing?: QueryKeyBacking,
  ) {
    // Four base-36 letters: about 1.7 million prefixes, enough to tell restarts apart.
    this.prefix = (randomBytes(4).readUInt32BE(0) % 36 ** 4).toString(36).padStart(4, '0');
  }

  /** Stores `text` (or finds it already stored) and returns its key: lowercase letters and digits. */
  put(text: string): string {
    const known = this.byText.get(text);
    if (known !== undefined) {
      this.touch(known, text);
      return known;
    }
    const key = this.backing?.keyFor(text) ?? this.prefix + (this.counter++).toString(36);
    this.backing?.save(key, text);
    this.touch(key, text);
    this.byText.set(text, key);
    while (this.entries.size > this.capacity) {
      const [oldKey, oldText] = this.entries.entries().next().value as [string, string];
      this.entries.delete(oldKey);
      this.byText.delete(oldText);
    }
    return key;
  }

  /** How many queries are remembered. */
  get size(): number {
    return this.entries.size;
  }

  /** The text stored under `key`, or undefined when it was forgotten or never existed. */
  get(key: string): string | undefined {
    const text = this.entries.get(key) ?? this.backing?.textFor(key);
    if (text !== undefined) {
      this.touch(key, text);
      this.byText.set(text, key);
    }
    return text;
  }

  private touch(key: string, text: string): void {
    this.entries.delete(key);
    this.entries.set(key, text);
  }
}
