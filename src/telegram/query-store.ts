/**
 * A small in-memory LRU of query texts too long for Telegram's 64-byte callback data. Buttons then
 * carry a short key instead of the query. Keys start with a prefix chosen at random when the
 * process starts, so no two processes (nor two lives of one) hand out the same key. With a backing
 * (the bot's state), keys are also saved, so buttons keep working after a restart and whichever
 * instance receives the click; without one, an old button's key is simply unknown after a restart
 * (the bot answers "this list has expired") instead of pointing at somebody else's query.
 *
 * Encoding a button stays synchronous: `put` answers from memory and starts the save; whoever
 * sends the message awaits {@link QueryStore.settle} first, so a key is stored before anyone can
 * click it. Decoding awaits {@link QueryStore.load} for a key this process has not seen.
 */
import { randomBytes } from 'node:crypto';

/**
 * Where keys outlive the process (the bot's state: ./query-keys.ts on SQLite, the PostgreSQL
 * store's table). One text may be saved under several keys (one per process that met it); every
 * key stays valid until it goes unused for the backing's keep time.
 */
export interface QueryKeyBacking {
  /** Remembers `key` for `text` (or marks it used again). */
  save(key: string, text: string): Promise<void>;
  /** The text saved under `key`, if any. */
  textFor(key: string): Promise<string | undefined>;
}

export class QueryStore {
  private readonly entries = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  private readonly prefix: string;
  private counter = 0;
  /** Saves started by `put` and not finished yet. */
  private readonly saving = new Set<Promise<void>>();
  /** The first save that failed since the last `settle` (a StorageError, a lost connection). */
  private failure: unknown;

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
    const key = this.prefix + (this.counter++).toString(36);
    if (this.backing) this.startSave(this.backing, key, text);
    this.touch(key, text);
    this.byText.set(text, key);
    this.evict();
    return key;
  }

  private startSave(backing: QueryKeyBacking, key: string, text: string): void {
    const save: Promise<void> = backing.save(key, text).then(
      () => {
        this.saving.delete(save);
      },
      (error: unknown) => {
        this.saving.delete(save);
        this.failure ??= error;
        // Not saved, so not handed out again: the next put of the text tries afresh.
        this.entries.delete(key);
        if (this.byText.get(text) === key) this.byText.delete(text);
      },
    );
    this.saving.add(save);
  }

  private evict(): void {
    while (this.entries.size > this.capacity) {
      const [oldKey, oldText] = this.entries.entries().next().value as [string, string];
      this.entries.delete(oldKey);
      if (this.byText.get(oldText) === oldKey) this.byText.delete(oldText);
    }
  }

  /** How many queries are remembered. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Waits until every key handed out so far is saved; rejects with the first failed save (a
   * StorageError), so a message whose buttons could not be saved is not sent as if they were.
   */
  async settle(): Promise<void> {
    await Promise.all([...this.saving]);
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
  }

  /** The text remembered under `key` in this process, or undefined (see {@link QueryStore.load}). */
  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) this.touch(key, text);
    return text;
  }

  /** Brings a key this process has not seen (a restart, another instance) from the backing into memory. */
  async load(key: string): Promise<void> {
    if (this.entries.has(key) || !this.backing) return;
    const text = await this.backing.textFor(key);
    if (text === undefined) return;
    this.touch(key, text);
    if (!this.byText.has(text)) this.byText.set(text, key);
    this.evict();
  }

  private touch(key: string, text: string): void {
    this.entries.delete(key);
    this.entries.set(key, text);
  }
}
