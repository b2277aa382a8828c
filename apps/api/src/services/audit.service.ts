import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, LENSES, NotFoundError, type AuditReport, type Graph, type Lens } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import {
  composeReport, evaluateGraph, loadAnalyzedDocuments, loadCorrections, loadTriage, PERSISTENCE, projectDocuments,
} from '@custody/pipeline';

export function parseLens(value: unknown): Lens | undefined {
  if (value === undefined || value === '') return undefined;
  if (!LENSES.includes(value as Lens)) throw new InvalidInputError(`unknown lens "${String(value)}"; expected one of ${LENSES.join(', ')}`);
  return value as Lens;
}

export function parseAsOf(value: unknown): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new InvalidInputError(`asOf "${String(value)}" is not a date`);
  return d;
}

/** Reads a workspace's audit: the stored projection and findings now, or a replay of the event store as of a moment. */
@Injectable()
export class AuditService {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence) {}

  async graph(workspaceId: string, asOf?: Date): Promise<Graph> {
    if (asOf) {
      const docs = await loadAnalyzedDocuments(this.db, workspaceId, asOf);
      return projectDocuments(docs, { asOf: asOf.toISOString(), corrections: await loadCorrections(this.db, workspaceId, asOf) }).graph;
    }
    const stored = await this.db.projections.graph(workspaceId);
    if (stored) return stored.graph;
    return projectDocuments([], { asOf: new Date().toISOString() }).graph;
  }

  async report(workspaceId: string, opts: { lens?: Lens; asOf?: Date } = {}): Promise<AuditReport> {
    const workspace = await this.db.workspaces.findById(workspaceId);
    if (!workspace) throw new NotFoundError('workspace', workspaceId);
    const graph = await this.graph(workspaceId, opts.asOf);
    if (graph.practice.name === 'Practice') graph.practice.name = workspace.name;
    const lens = opts.lens ?? graph.practice.lenses[0] ?? 'default';
    const evaluation = evaluateGraph(graph, { lens, now: opts.asOf ?? new Date(graph.asOf), triage: await loadTriage(this.db, workspaceId) });
    const documents = await loadAnalyzedDocuments(this.db, workspaceId, opts.asOf);
    return composeReport({ workspace: { id: workspace.id, name: workspace.name }, graph, evaluation, documents, lens });
  }
}
