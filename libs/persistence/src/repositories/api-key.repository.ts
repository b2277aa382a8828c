import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { InvalidInputError, KEY_ROLES, NotFoundError, type KeyRole } from '@custody/domain';
import { IsNull, type DataSource } from 'typeorm';
import { ApiKeyEntity, WorkspaceEntity } from '../entities/index.js';
import { VerifiedKeyCache } from './verified-keys.js';

/** A key as listed: never the key or its hash, only the prefix it starts with. */
export interface ApiKeyInfo {
  id: string;
  workspaceId: string;
  workspaceSlug?: string;
  name: string;
  prefix: string;
  role: KeyRole;
  createdAt: string;
  expiresAt?: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

/** Who a valid key is. */
export interface KeyIdentity {
  keyId: string;
  workspaceId: string;
  role: KeyRole;
}

/** A key's last use is written at most this often, so authentication is not a write per request. */
const LAST_USED_GRANULARITY_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const toInfo = (r: ApiKeyEntity, slug?: string): ApiKeyInfo => ({
  id: r.id, workspaceId: r.workspaceId, ...(slug ? { workspaceSlug: slug } : {}), name: r.name, prefix: r.prefix, role: r.role as KeyRole,
  createdAt: new Date(r.createdAt).toISOString(),
  ...(r.expiresAt ? { expiresAt: new Date(r.expiresAt).toISOString() } : {}),
  ...(r.lastUsedAt ? { lastUsedAt: new Date(r.lastUsedAt).toISOString() } : {}),
  ...(r.revokedAt ? { revokedAt: new Date(r.revokedAt).toISOString() } : {}),
});

/** API keys: created once (the key is returned then and stored only as its sha256), listed, revoked, expired. */
export class ApiKeyRepository {
  /** `verified`: keys already checked (verified-keys.ts); without one, every authentication reads the row. */
  constructor(private readonly ds: DataSource, private readonly verified = new VerifiedKeyCache(0)) {}

  async create(workspaceId: string, opts: { name?: string; role?: KeyRole; expiresAt?: Date } = {}): Promise<{ id: string; key: string; info: ApiKeyInfo }> {
    const role = opts.role ?? 'owner';
    if (!KEY_ROLES.includes(role)) throw new InvalidInputError(`unknown role "${role}"; expected one of ${KEY_ROLES.join(', ')}`);
    if (opts.expiresAt && !(opts.expiresAt.getTime() > Date.now())) throw new InvalidInputError('a key\'s expiry must be in the future');
    const key = `cust_${randomBytes(24).toString('base64url')}`;
    const id = randomUUID();
    const row = await this.ds.getRepository(ApiKeyEntity).save({
      id, workspaceId, name: opts.name ?? 'default', hash: hashKey(key), prefix: key.slice(0, 9), revokedAt: null, role, expiresAt: opts.expiresAt ?? null, lastUsedAt: null,
    });
    return { id, key, info: toInfo(row) };
  }

  /**
   * Who a key is, or undefined for unknown, revoked and expired keys. Records the key's last use (at most
   * once a minute per key).
   */
  async authenticate(key: string, now = new Date()): Promise<KeyIdentity | undefined> {
    if (!key || key.length > 200) return undefined;
    const hash = hashKey(key);
    const at = now.getTime();
    const known = this.verified.get(hash, at);
    if (known) {
      // The last use is informational: written in the background, so a cached answer never waits on the database.
      if (known.lastUsedAt === undefined || at - known.lastUsedAt > LAST_USED_GRANULARITY_MS) {
        known.lastUsedAt = at;
        void this.ds.getRepository(ApiKeyEntity).update({ id: known.keyId }, { lastUsedAt: now }).catch(() => undefined);
      }
      return { keyId: known.keyId, workspaceId: known.workspaceId, role: known.role };
    }
    const mark = this.verified.mark();
    const repo = this.ds.getRepository(ApiKeyEntity);
    const row = await repo.findOneBy({ hash });
    if (!row || row.revokedAt || (row.expiresAt && new Date(row.expiresAt) <= now)) return undefined;
    let lastUsedAt = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : undefined;
    if (lastUsedAt === undefined || at - lastUsedAt > LAST_USED_GRANULARITY_MS) {
      await repo.update({ id: row.id }, { lastUsedAt: now });
      lastUsedAt = at;
    }
    const role = row.role as KeyRole;
    this.verified.keep(hash, { keyId: row.id, workspaceId: row.workspaceId, role, expiresAt: row.expiresAt ? new Date(row.expiresAt).getTime() : undefined, lastUsedAt, verifiedAt: at }, mark);
    return { keyId: row.id, workspaceId: row.workspaceId, role };
  }

  /** Keys of one workspace, or of all, oldest first. */
  async list(workspaceId?: string): Promise<ApiKeyInfo[]> {
    const rows = await this.ds.getRepository(ApiKeyEntity).find({ where: workspaceId ? { workspaceId } : {}, order: { createdAt: 'ASC' } });
    const slugs = new Map((await this.ds.getRepository(WorkspaceEntity).find()).map((w) => [w.id, w.slug]));
    return rows.map((r) => toInfo(r, slugs.get(r.workspaceId)));
  }

  /** Revokes a key by its id; an unknown or malformed id is a `NotFoundError` naming it. */
  async revoke(id: string): Promise<ApiKeyInfo> {
    if (!UUID.test(id)) throw new NotFoundError('API key', id);
    const repo = this.ds.getRepository(ApiKeyEntity);
    const row = await repo.findOneBy({ id });
    if (!row) throw new NotFoundError('API key', id);
    await repo.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    // At once in this process: the key's next request reads its row and is refused.
    this.verified.forget(id);
    return toInfo((await repo.findOneByOrFail({ id })));
  }
}
