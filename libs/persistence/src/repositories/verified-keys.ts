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
 * unseen. Embedded mode has no other process that can revoke (the home is locked to one process), so it keeps
 * entries longer; production keeps them for a tiny TTL (see Persistence.open).
 */
export class VerifiedKeyCache {
  private readonly byHash = new MruMap<string, VerifiedKey>(KEPT);
  /** Revocations seen so far: a key read before one of them is not kept (its row may be the revoked key's). */
  private revocations = 0;

  constructor(readonly ttlMs: number) {}

  /** A verified key still fresh at `now`, or undefined (not kept, too old, or expired: expired ones are dropped). */
  get(hash: string, now: number): VerifiedKey | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.byHash.get(hash);
    if (!hit) return undefined;
    if (now - hit.verifiedAt > this.ttlMs || (hit.expiresAt !== undefined && hit.expiresAt <= now)) {
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
    if (this.ttlMs > 0 && mark === this.revocations) this.byHash.set(hash, key);
  }

  /** Drops a key by its id (a revocation): the next use reads its row and finds it revoked. */
  forget(keyId: string): void {
    this.revocations++;
    for (const hash of [...this.byHash.keys()]) if (this.byHash.peek(hash)?.keyId === keyId) this.byHash.delete(hash);
  }
}
