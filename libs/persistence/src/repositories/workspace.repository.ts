import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError, slugify } from '@custody/domain';
import type { DataSource } from 'typeorm';
import { WorkspaceEntity } from '../entities/index.js';
import { ApiKeyRepository } from './api-key.repository.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

const toWorkspace = (w: WorkspaceEntity): Workspace => ({ id: w.id, slug: w.slug, name: w.name, createdAt: new Date(w.createdAt).toISOString() });

/** A workspace's URL slug from its name (the domain's one slug, with its own fallback). */
export const workspaceSlug = (name: string): string => slugify(name, { fallback: 'workspace' });

/** Workspaces and their API keys. Keys are returned once, at creation, and stored only as hashes. */
export class WorkspaceRepository {
  private readonly keys: ApiKeyRepository;

  constructor(private readonly ds: DataSource) {
    this.keys = new ApiKeyRepository(ds);
  }

  async create(name: string, slug = workspaceSlug(name)): Promise<Workspace> {
    if (!name.trim()) throw new InvalidInputError('a workspace needs a name');
    if (await this.findBySlug(slug)) throw new ConflictError(`workspace "${slug}" already exists`, { slug });
    const row = await this.ds.getRepository(WorkspaceEntity).save({ id: randomUUID(), slug, name: name.trim() });
    return toWorkspace(row);
  }

  async ensure(name: string, slug = workspaceSlug(name)): Promise<{ workspace: Workspace; created: boolean }> {
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

  /** An owner key (see {@link ApiKeyRepository.create} for roles and expiry). */
  async createApiKey(workspaceId: string, name = 'default'): Promise<{ id: string; key: string }> {
    const { id, key } = await this.keys.create(workspaceId, { name });
    return { id, key };
  }

  /** The workspace a key grants access to, or undefined for unknown, revoked or expired keys. */
  async workspaceForKey(key: string): Promise<string | undefined> {
    return (await this.keys.authenticate(key))?.workspaceId;
  }

  async revokeApiKey(id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
