import type { Finding, Graph, Score } from '@custody/domain';
import type { DataSource } from 'typeorm';
import { FindingEntity, FlowEdgeEntity, GraphProjectionEntity, ScoreEntity, SystemNodeEntity } from '../entities/index.js';
import type { EventStoreRepository, StoredEvent } from './event-store.repository.js';

export interface StoredProjection {
  version: number;
  eventSeq: number;
  graph: Graph;
  updatedAt: string;
}

/** The read models: graph projection, findings with history, and the score. Rebuilt from the event store by jobs. */
export class ProjectionRepository {
  constructor(private readonly ds: DataSource, private readonly events: EventStoreRepository) {}

  async graph(workspaceId: string): Promise<StoredProjection | undefined> {
    const row = await this.ds.getRepository(GraphProjectionEntity).findOneBy({ workspaceId });
    return row ? { version: row.version, eventSeq: Number(row.eventSeq), graph: row.graph as Graph, updatedAt: new Date(row.updatedAt).toISOString() } : undefined;
  }

  /**
   * Replaces the projection when it changed; returns the systems whose node or edges changed
   * (so scoring can focus) and the `GraphChanged` event, or `changed: false` when nothing moved.
   */
  async saveGraph(workspaceId: string, graph: Graph, eventSeq: number): Promise<{ changed: boolean; version: number; affected: string[]; event?: StoredEvent }> {
    return this.ds.transaction(async (m) => {
      const prev = await m.createQueryBuilder(GraphProjectionEntity, 'g').setLock('pessimistic_write').where('g.workspace_id = :workspaceId', { workspaceId }).getOne();
      const prevGraph = prev?.graph as Graph | undefined;
      const affected = diffSystems(prevGraph, graph);
      if (prev && affected.length === 0 && JSON.stringify(prevGraph) === JSON.stringify(graph)) {
        if (Number(prev.eventSeq) < eventSeq) await m.update(GraphProjectionEntity, { workspaceId }, { eventSeq: String(eventSeq) });
        return { changed: false, version: prev.version, affected: [] };
      }
      const version = (prev?.version ?? 0) + 1;
      await m.save(GraphProjectionEntity, { workspaceId, version, eventSeq: String(eventSeq), graph, updatedAt: new Date() });
      await m.delete(SystemNodeEntity, { workspaceId });
      await m.delete(FlowEdgeEntity, { workspaceId });
      if (graph.systems.length) await m.insert(SystemNodeEntity, graph.systems.map((s) => ({ workspaceId, id: s.id, name: s.name, role: s.role, data: s })));
      if (graph.flows.length) await m.insert(FlowEdgeEntity, graph.flows.map((f) => ({ workspaceId, id: f.id, fromId: f.from, toId: f.to, data: f })));
      const event = await this.events.append(m, workspaceId, 'GraphChanged', { version, affected, systems: graph.systems.length, flows: graph.flows.length });
      return { changed: true, version, affected, event };
    });
  }

  /** Stores a scoring run: findings upserted with first/last seen, vanished ones resolved, and the score. */
  async saveScoring(workspaceId: string, graphVersion: number, findings: Finding[], score: Score):
    Promise<{ appeared: string[]; resolved: string[]; event: StoredEvent }> {
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const existing = await m.findBy(FindingEntity, { workspaceId });
      const open = new Map(existing.filter((f) => !f.resolvedAt).map((f) => [f.id, f]));
      const appeared: string[] = [];
      for (const f of findings) {
        const prev = existing.find((e) => e.id === f.id);
        if (!prev || prev.resolvedAt) appeared.push(f.id);
        await m.save(FindingEntity, { workspaceId, id: f.id, kind: f.kind, severity: f.severity, data: f, firstSeenAt: prev && !prev.resolvedAt ? prev.firstSeenAt : now, lastSeenAt: now, resolvedAt: null });
        open.delete(f.id);
      }
      const resolved = [...open.keys()];
      if (resolved.length) await m.createQueryBuilder().update(FindingEntity).set({ resolvedAt: now }).where('workspace_id = :workspaceId AND id IN (:...resolved)', { workspaceId, resolved }).execute();
      await m.save(ScoreEntity, { workspaceId, total: score.total, data: score, graphVersion, computedAt: now });
      const event = await this.events.append(m, workspaceId, 'ExposureScored', { graphVersion, total: score.total, findings: findings.length, appeared, resolved });
      return { appeared, resolved, event };
    });
  }

  async findings(workspaceId: string, includeResolved = false): Promise<(Finding & { firstSeenAt: string; lastSeenAt: string; resolvedAt?: string })[]> {
    const rows = await this.ds.getRepository(FindingEntity).find({ where: { workspaceId }, order: { id: 'ASC' } });
    return rows.filter((r) => includeResolved || !r.resolvedAt).map((r) => ({
      ...(r.data as Finding), firstSeenAt: new Date(r.firstSeenAt).toISOString(), lastSeenAt: new Date(r.lastSeenAt).toISOString(),
      resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : undefined,
    }));
  }

  async score(workspaceId: string): Promise<{ score: Score; graphVersion: number; computedAt: string } | undefined> {
    const row = await this.ds.getRepository(ScoreEntity).findOneBy({ workspaceId });
    return row ? { score: row.data as Score, graphVersion: row.graphVersion, computedAt: new Date(row.computedAt).toISOString() } : undefined;
  }
}

/** Systems whose own data or any touching flow differs between two graphs. */
export function diffSystems(prev: Graph | undefined, next: Graph): string[] {
  const key = (g: Graph | undefined) => {
    const m = new Map<string, string>();
    for (const s of g?.systems ?? []) m.set(s.id, JSON.stringify(s));
    for (const f of g?.flows ?? []) for (const id of [f.from, f.to]) m.set(id, (m.get(id) ?? '') + JSON.stringify(f));
    return m;
  };
  const a = key(prev);
  const b = key(next);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
}
