/**
 * Who may send an in-flight digest. Every delivery row carries an `owner` (the instance that
 * recorded or took it over) and a `lease_until` (epoch ms). The owner renews the lease with every
 * confirmed message; another instance takes the row over only once the lease has run out, or,
 * on SQLite, once the owner's process is gone.
 *
 * Why a lease column and not a row lock held while sending: a digest takes seconds to minutes to
 * send (Telegram's per-chat pacing, retries after 429), and a lock lives in an open transaction on
 * one connection: 120 digests in parallel would need 120 connections held open, and a lock says
 * nothing once the transaction ends. A lease is a short write per message, survives any number of
 * parallel digests on a small pool, and its expiry is the death certificate of an instance that
 * cannot write one. The claim itself is a short transaction: on PostgreSQL `FOR UPDATE SKIP
 * LOCKED` over the stale rows, so two instances claiming at once split the rows between them
 * instead of queueing on each other; on SQLite an immediate (write-locked) transaction.
 *
 * The price is the one message in flight when an instance dies: the new owner cannot know whether
 * Telegram accepted it, and sends it again (see ./run.ts). A lease shorter than the longest single
 * send (with its retries) would add a second such duplicate; the default is far above it.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** How long a claim lasts without a confirmed message (default of both stores). */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** A fresh owner id for one store instance: host, process id and a random tail. */
export function newOwnerId(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

/**
 * True when `owner` names a process on this host that no longer runs. On SQLite every owner is on
 * this host (the database is a local file), so a restarted bot need not wait out its dead
 * predecessor's lease; on a server database owners on other hosts are judged by the lease alone.
 */
export function ownerIsGone(owner: string): boolean {
  const [host, pidText] = owner.split('/');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Whether `me` may take a delivery held by `owner` until `leaseUntil`, at `now`. */
export function mayClaim(row: { owner: string | null; leaseUntil: number | null }, me: string, now: number, localOwners: boolean): boolean {
  if (row.owner === null || row.owner === me) return true;
  if ((row.leaseUntil ?? 0) <= now) return true;
  return localOwners && ownerIsGone(row.owner);
}
