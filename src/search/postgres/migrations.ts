/**
 * The PostgreSQL schema as numbered migrations, applied in order at start-up by ./pool.ts.
 * Never edit a migration that has shipped: add a new one.
 *
 * `articles.seq` orders articles the way the SQLite snapshot's rowids do (`dayBase(date)` plus the
 * article's place in that day: pages in file-name order, articles in page order), so a larger seq
 * is a newer article and both engines break ties alike. `words` holds the jieba tokens of the
 * compact fields, weighted (A title, B kicker/subtitle/regions, C keywords, D authors); `grams`
 * the character bigrams of the whole text with their positions, the recall net for words jieba
 * cuts differently (phrase queries `'电商'`, `'跨境' <-> '境电' <-> '电商'`). Both are built in Node
 * (./tsvector.ts), never by PostgreSQL's parser, so indexing and querying cut text identically.
 * `article_seen` is never pruned: an article removed and added again keeps its first-seen time.
 */

export type Migration = { version: number; description: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles with full-text vectors, page file state, first-seen times, index state',
    sql: `
      CREATE TABLE articles (
        id          text     PRIMARY KEY,
        seq         bigint   NOT NULL,
        file        text     NOT NULL,
        position    integer  NOT NULL,
        date        text     NOT NULL,
        kind        text     NOT NULL,
        title       text     NOT NULL,
        summary     text     NOT NULL,
        regions     text[]   NOT NULL,
        author_keys text[]   NOT NULL,
        record      jsonb    NOT NULL,
        words       tsvector NOT NULL,
        grams       tsvector NOT NULL
      );
      CREATE INDEX articles_by_seq ON articles (seq);
      CREATE INDEX articles_by_file ON articles (file, position);
      CREATE INDEX articles_by_date ON articles (date);
      CREATE INDEX articles_words ON articles USING gin (words);
      CREATE INDEX articles_grams ON articles USING gin (grams);
      CREATE INDEX articles_regions ON articles USING gin (regions);
      CREATE INDEX articles_authors ON articles USING gin (author_keys);
      CREATE TABLE page_files (
        file     text   PRIMARY KEY,
        size     bigint NOT NULL,
        mtime    bigint NOT NULL,
        hash     text   NOT NULL,
        date     text,
        articles integer NOT NULL
      );
      CREATE TABLE article_seen (
        id         text   PRIMARY KEY,
        first_seen bigint NOT NULL
      );
      CREATE INDEX article_seen_in_order ON article_seen (first_seen, id);
      CREATE TABLE index_state (
        key   text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'the bigram vectors in a RUM index ordered by seq, where the server has the rum extension',
    // Optional: without the extension (not installed, or a role that may not create it, as on
    // many managed services) the engine walks the GIN index in windows of time (./newest.ts).
    // Installed later, the same two statements add it by hand (as a superuser).
    sql: `
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
          CREATE EXTENSION IF NOT EXISTS rum;
          CREATE INDEX articles_grams_ordered ON articles USING rum (grams rum_tsvector_addon_ops, seq) WITH (attach = 'seq', to = 'grams');
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'no rum extension for this role: full-text lookups use the GIN index';
      END $$;
    `,
  },
];

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
