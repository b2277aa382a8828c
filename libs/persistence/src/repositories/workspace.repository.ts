import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError, MruMap, slugify } from '@custody/domain';
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

/** Workspaces whose lookups are kept (twice each: by id and by slug). */
const KEPT_WORKSPACES = 512;

/** A workspace's URL slug from its name (the domain's one slug, with its own fallback). */
export const workspaceSlug = (name: string): string => slugify(name, { fallback: 'workspace' });

/** Workspaces and their API keys. Keys are returned once, at creation, and stored only as hashes. */
export class WorkspaceRepository {
  private readonly keys: ApiKeyRepository;

  /**
   * Workspaces by id and by slug, as found: a workspace is never renamed or deleted, so a found one stays
   * right, and each API request's route check (`:ws`) need not wait for the database (in embedded mode, for
   * a scoring run's transaction on the one session). Only found ones: a missing one is asked each time.
   */
  private readonly found = new MruMap<string, Workspace>(KEPT_WORKSPACES);

  /** `keys`: the process's key repository, so a revocation through either clears the same verified keys. */
  constructor(private readonly ds: DataSource, keys?: ApiKeyRepository) {
    this.keys = keys ?? new ApiKeyRepository(ds);
  }

  private remember(w: Workspace): Workspace {
    this.found.set(`id:${w.id}`, w).set(`slug:${w.slug}`, w);
    return w;
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
    const kept = this.found.get(`slug:${slug}`);
    if (kept) return kept;
    const row = await this.ds.getRepository(WorkspaceEntity).findOneBy({ slug });
    return row ? this.remember(toWorkspace(row)) : undefined;
  }

  async findById(id: string): Promise<Workspace | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const kept = this.found.get(`id:${id.toLowerCase()}`);
    if (kept) return kept;
    const row = await this.ds.getRepository(WorkspaceEntity).findOneBy({ id });
    return row ? this.remember(toWorkspace(row)) : undefined;
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
