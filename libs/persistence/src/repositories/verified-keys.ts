import { performance } from 'node:perf_hooks';
import { MruMap, type KeyRole } from '@custody/domain';

/** A key this process verified against its row: what authentication needs to answer again without a query. */
export interface VerifiedKey {
  keyId: string;
  workspaceId: string;
  role: KeyRole;
  /** The row's expiry (ms since the epoch): checked on every use, so a cached key still expires on time. */
  expiresAt?: number;
  /** When the row's last use was last written (ms since the epoch). */
  lastUsedAt?: number;
  /** When the row was read (ms since the epoch): an entry older than the cache's `ttlMs` is read again. */
  verifiedAt: number;
}

/** Keys kept: far more than the keys a practice or agency hands out; a flood of distinct keys only evicts. */
const KEPT = 1024;

/**
 * Verified API keys by hash, so a request does not wait for a database query to say who it is. In embedded
 * mode every query shares PGlite's one session, and while a scoring run holds it for a transaction the key
 * check of every request waited for it too.
 *
 * Security: only valid keys are kept (an unknown, revoked or expired key is asked of the database each time);
 * a revocation through this process drops the key at once (`forget`); an entry is re-read after `ttlMs`, which
 * bounds how long a revocation made by another process (production: another API replica, the CLI) goes
 * unseen. Embedded mode has no other Custody process that can revoke (the home is locked to one process; `keys
 * revoke` needs the server stopped), so it keeps entries longer — but not for long, since someone may still revoke
 * through the database socket itself; production keeps them for a tiny TTL (see runtime.ts).
 */
export class VerifiedKeyCache {
  // Each entry with when it was kept on the monotonic clock: a wall clock stepped back (NTP, by hand) must not
  // stretch the time a key is trusted without its row.
  private readonly byHash = new MruMap<string, { key: VerifiedKey; keptAt: number }>(KEPT);
  /** Revocations seen so far: a key read before one of them is not kept (its row may be the revoked key's). */
  private revocations = 0;

  /** `clock`: the monotonic clock in ms (a test's own). */
  constructor(readonly ttlMs: number, private readonly clock: () => number = () => performance.now()) {}

  /** A verified key still fresh at `now`, or undefined (not kept, too old, or expired: expired ones are dropped). */
  get(hash: string, now: number): VerifiedKey | undefined {
    if (this.ttlMs <= 0) return undefined;
    const entry = this.byHash.get(hash);
    if (!entry) return undefined;
    const age = this.clock() - entry.keptAt;
    const hit = entry.key;
    if (age < 0 || age > this.ttlMs || (hit.expiresAt !== undefined && hit.expiresAt <= now)) {
      this.byHash.delete(hash);
      return undefined;
    }
    return hit;
  }

  /** A mark to take before reading a key's row, for `keep`. */
  mark(): number {
    return this.revocations;
  }

  /** Keeps a key read after `mark` was taken, unless a revocation came in meanwhile (it may be this key's). */
  keep(hash: string, key: VerifiedKey, mark: number): void {
    if (this.ttlMs > 0 && mark === this.revocations) this.byHash.set(hash, { key, keptAt: this.clock() });
  }

  /** Drops a key by its id (a revocation): the next use reads its row and finds it revoked. */
  forget(keyId: string): void {
    this.revocations++;
    for (const hash of [...this.byHash.keys()]) if (this.byHash.peek(hash)?.key.keyId === keyId) this.byHash.delete(hash);
  }
}
