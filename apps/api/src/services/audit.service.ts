import { Inject, Injectable } from '@nestjs/common';
import { defaultLens, InvalidInputError, LENSES, NotFoundError, type AuditReport, type Graph, type Lens } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { composeReport, evaluateGraph, loadAnalyzedDocuments, loadCorrections, loadDocumentLinks, loadTriage, projectDocuments, type AnalyzedDocument } from '@custody/audit';
import { PERSISTENCE, RUNTIME, type Runtime } from '@custody/pipeline';

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

/** How many evaluated audits to keep: the dashboard asks for /audit and /graph of the same moment together. */
const CACHE_SIZE = 8;

/**
 * Reads a workspace's audit: the stored projection now, or a replay of the event store as of a moment.
 * Rules and score run on each new state; an audit of a state already evaluated (same workspace, lens, moment
 * and latest change) is served from a small cache, so a dashboard refresh evaluates once.
 */
@Injectable()
export class AuditService {
  private readonly cache = new Map<string, Promise<AuditReport>>();

  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, @Inject(RUNTIME) private readonly runtime: Runtime) {}

  async graph(workspaceId: string, asOf?: Date, docs?: AnalyzedDocument[], practiceName?: string): Promise<Graph> {
    if (asOf) {
      const atThen = docs ?? (await loadAnalyzedDocuments(this.db, workspaceId, asOf));
      return projectDocuments(atThen, { asOf: asOf.toISOString(), corrections: await loadCorrections(this.db, workspaceId, asOf), links: await loadDocumentLinks(this.db, workspaceId, asOf), vendors: this.runtime.vendors, practiceName }).graph;
    }
    const stored = await this.db.projections.graph(workspaceId);
    if (stored) return stored.graph;
    return projectDocuments([], { asOf: new Date().toISOString(), practiceName }).graph;
  }

  async report(workspaceId: string, opts: { lens?: Lens; asOf?: Date } = {}): Promise<AuditReport> {
    // "Now" reads are evaluated at the current time, and contract expiry goes by the day: the day is in the key.
    const key = [workspaceId, opts.lens ?? '', opts.asOf?.toISOString() ?? `now:${new Date().toISOString().slice(0, 10)}`, await this.db.events.changeSeq(workspaceId)].join('|');
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.evaluate(workspaceId, opts);
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
      while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return pending;
  }

  private async evaluate(workspaceId: string, opts: { lens?: Lens; asOf?: Date }): Promise<AuditReport> {
    const workspace = await this.db.workspaces.findById(workspaceId);
    if (!workspace) throw new NotFoundError('workspace', workspaceId);
    const documents = await loadAnalyzedDocuments(this.db, workspaceId, opts.asOf);
    const graph = await this.graph(workspaceId, opts.asOf, documents, workspace.name);
    const lens = opts.lens ?? defaultLens(graph.practice);
    // Time travel applies the triage decisions recorded by then, as it replays documents and corrections.
    const evaluation = evaluateGraph(graph, { lens, now: opts.asOf ?? new Date(), triage: await loadTriage(this.db, workspaceId, opts.asOf) });
    return composeReport({ workspace: { id: workspace.id, name: workspace.name }, graph, evaluation, documents, lens });
  }
}
