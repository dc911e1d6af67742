/**
 * The bot's state on PostgreSQL as numbered migrations, applied in order by the engine's runner
 * (../../search/postgres/pool.ts `migrate`) with a ledger table of their own, `state_migrations`,
 * so they never mix with the engine's versions. Never edit a migration that has shipped: add one.
 *
 * The same tables as the SQLite schema (../db.ts), in PostgreSQL's types: chat ids are bigint
 * (supergroup ids pass 2^31), instants bigint epoch ms, flags boolean, a digest's article ids and
 * messages jsonb. `deliveries.owner` and `lease_until` are the claim of an in-flight digest
 * (../claims.ts). First-seen times are the engine's `article_seen` table: one ledger for both.
 */
import type { Migration } from '../../search/postgres/migrations.ts';

/** The table that records which of these migrations are applied. */
export const STATE_LEDGER = 'state_migrations';

export const STATE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'chats, subscriptions, digest deliveries with claims, paging keys',
    sql: `
      CREATE TABLE chats (
        chat_id      bigint  PRIMARY KEY,
        language     text    NOT NULL DEFAULT 'zh',
        active       boolean NOT NULL DEFAULT true,
        inactive_why text,
        created_at   bigint  NOT NULL
      );
      CREATE TABLE subscriptions (
        id         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        chat_id    bigint  NOT NULL REFERENCES chats (chat_id) ON UPDATE CASCADE ON DELETE CASCADE,
        thread_id  bigint  NOT NULL DEFAULT 0,
        region     text    NOT NULL DEFAULT '',
        keywords   text    NOT NULL DEFAULT '',
        time       text    NOT NULL,
        active     boolean NOT NULL DEFAULT true,
        created_at bigint  NOT NULL,
        CHECK (region <> '' OR keywords <> ''),
        UNIQUE (chat_id, region, keywords)
      );
      CREATE INDEX subscriptions_by_time ON subscriptions (active, time);
      CREATE TABLE deliveries (
        chat_id     bigint  NOT NULL REFERENCES chats (chat_id) ON UPDATE CASCADE ON DELETE CASCADE,
        thread_id   bigint  NOT NULL,
        time        text    NOT NULL,
        period      text    NOT NULL,
        status      text    NOT NULL CHECK (status IN ('in_flight', 'sent', 'empty', 'abandoned')),
        cutoff      bigint  NOT NULL,
        article_ids jsonb   NOT NULL,
        parts       jsonb   NOT NULL,
        parts_sent  integer NOT NULL DEFAULT 0,
        started_at  bigint  NOT NULL,
        sent_at     bigint,
        owner       text,
        lease_until bigint,
        PRIMARY KEY (chat_id, thread_id, time, period)
      );
      CREATE INDEX deliveries_in_flight ON deliveries (started_at) WHERE status = 'in_flight';
      CREATE TABLE query_keys (
        key     text   PRIMARY KEY,
        text    text   NOT NULL,
        used_at bigint NOT NULL
      );
      CREATE INDEX query_keys_by_use ON query_keys (used_at);
    `,
  },
  {
    version: 2,
    description: "the token's send schedule, shared by every instance",
    sql: `
      CREATE TABLE send_schedule (
        id      smallint         PRIMARY KEY CHECK (id = 1),
        next_at double precision NOT NULL
      );
      INSERT INTO send_schedule (id, next_at) VALUES (1, 0);
    `,
  },
];
