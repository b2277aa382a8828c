import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError } from '@custody/domain';
import type { DataSource } from 'typeorm';
import { ApiKeyEntity, WorkspaceEntity } from '../entities/index.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

const toWorkspace = (w: WorkspaceEntity): Workspace => ({ id: w.id, slug: w.slug, name: w.name, createdAt: new Date(w.createdAt).toISOString() });

export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workspace';
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Workspaces and their API keys. Keys are returned once, at creation, and stored only as hashes. */
export class WorkspaceRepository {
  constructor(private readonly ds: DataSource) {}

  async create(name: string, slug = slugify(name)): Promise<Workspace> {
    if (!name.trim()) throw new InvalidInputError('a workspace needs a name');
    if (await this.findBySlug(slug)) throw new ConflictError(`workspace "${slug}" already exists`, { slug });
    const row = await this.ds.getRepository(WorkspaceEntity).save({ id: randomUUID(), slug, name: name.trim() });
    return toWorkspace(row);
  }

  async ensure(name: string, slug = slugify(name)): Promise<{ workspace: Workspace; created: boolean }> {
    const found = await this.findBySlug(slug);
    if (found) return { workspace: found, created: false };
    return { workspace: await this.create(name, slug), created: true };
  }

  async findBySlug(slug: string): Promise<Workspace | undefined> {
    const row = await this.ds.getRepository(WorkspaceEntity).findOneBy({ slug });
    return row ? toWorkspace(row) : undefined;
  }

  async findById(id: string): Promise<Workspace | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = await this.ds.getRepository(WorkspaceEntity).findOneBy({ id });
    return row ? toWorkspace(row) : undefined;
  }

  /** Accepts a workspace id or slug. */
  async resolve(idOrSlug: string): Promise<Workspace | undefined> {
    return (await this.findById(idOrSlug)) ?? (await this.findBySlug(idOrSlug));
  }

  async list(): Promise<Workspace[]> {
    return (await this.ds.getRepository(WorkspaceEntity).find({ order: { createdAt: 'ASC' } })).map(toWorkspace);
  }

  async createApiKey(workspaceId: string, name = 'default'): Promise<{ id: string; key: string }> {
    const key = `cust_${randomBytes(24).toString('base64url')}`;
    const id = randomUUID();
    await this.ds.getRepository(ApiKeyEntity).save({ id, workspaceId, name, hash: hashKey(key), prefix: key.slice(0, 9), revokedAt: null });
    return { id, key };
  }

  /** The workspace a key grants access to, or undefined for unknown or revoked keys. */
  async workspaceForKey(key: string): Promise<string | undefined> {
    if (!key || key.length > 200) return undefined;
    const row = await this.ds.getRepository(ApiKeyEntity).findOneBy({ hash: hashKey(key) });
    return row && !row.revokedAt ? row.workspaceId : undefined;
  }

  async revokeApiKey(id: string): Promise<void> {
    await this.ds.getRepository(ApiKeyEntity).update({ id }, { revokedAt: new Date() });
  }
}
