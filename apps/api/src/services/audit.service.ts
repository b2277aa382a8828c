import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError, LENSES, NotFoundError, defaultLens, type AuditReport, type Graph, type Lens } from '@custody/domain';
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
 * Reads a workspace's audit. "Now" (no `asOf`, the workspace's own lens) is the stored read model the score
 * job writes — projection, findings, score, rule errors — so a live read runs no rule and agrees with
 * `/findings` and `/score`. Only a moment in the past (`asOf`, replayed from the event store), another lens
 * or a what-if evaluate on read; those are kept in a small cache keyed by the latest change, so a dashboard
 * asking for /audit and /graph of one moment evaluates once.
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
    if (!opts.asOf) {
      const stored = await this.stored(workspaceId, opts.lens);
      if (stored) return stored;
    }
    // "Now" reads that fall through (another lens, nothing scored yet) are evaluated at the current time, and
    // contract expiry goes by the day: the day is in the key.
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

  /**
   * The live audit composed from the read model, or undefined when it cannot answer: another lens was asked
   * for, or the workspace has no scoring under a known lens yet (a new workspace before its first score job,
   * or a row stored before lenses were kept, which the start-up re-score replaces). While a newer projection
   * waits for its score job, the previous scoring is served with the newer graph; the score job's
   * `ExposureScored` event tells readers to fetch again.
   */
  private async stored(workspaceId: string, lens?: Lens): Promise<AuditReport | undefined> {
    const workspace = await this.db.workspaces.findById(workspaceId);
    if (!workspace) throw new NotFoundError('workspace', workspaceId);
    const scoring = await this.db.projections.score(workspaceId);
    if (!scoring?.lens || (lens && lens !== scoring.lens)) return undefined;
    const projection = await this.db.projections.graph(workspaceId);
    if (!projection) return undefined;
    const findings = await this.db.projections.openFindings(workspaceId);
    const documents = await loadAnalyzedDocuments(this.db, workspaceId);
    return composeReport({
      workspace: { id: workspace.id, name: workspace.name },
      graph: projection.graph,
      evaluation: { findings, score: scoring.score, ruleErrors: scoring.ruleErrors },
      documents,
      lens: scoring.lens,
      generatedAt: scoring.evaluatedAt,
    });
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
