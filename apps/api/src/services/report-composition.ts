/**
 * How an audit report is composed, apart from how it is cached and served (audit.service.ts): from the stored
 * read model the score job writes (the live view under its own lens), or evaluated on read from documents
 * replayed at a moment (the past, another lens, nothing scored yet). Kept apart because these are the report's
 * sources and their rules of agreement with /findings and /score, while the service's concern is which reads
 * share one composition and which thread runs it.
 */
import { NotFoundError, defaultLens, type AuditReport, type Graph, type Lens } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { composeReport, evaluateGraph, loadAnalyzedDocuments, loadCorrections, loadDocumentLinks, loadTriage, projectDocuments, reportDocuments, type AnalyzedDocument, type ProjectionInputCache } from '@custody/audit';
import type { Runtime } from '@custody/pipeline';

/** What a report is composed from: the database, the runtime's vendor catalogue, the documents' opened inputs. */
export interface ReportSources {
  db: Persistence;
  runtime: Runtime;
  /** Documents' projection inputs already opened (the process's one cache; see AuditService's constructor). */
  inputs: ProjectionInputCache;
}

/** The graph at `asOf` (documents replayed, or `docs` when already loaded), or the stored projection's now. */
export async function graphAt(src: ReportSources, workspaceId: string, asOf?: Date, docs?: AnalyzedDocument[], practiceName?: string): Promise<Graph> {
  if (asOf) {
    const atThen = docs ?? (await loadAnalyzedDocuments(src.db, workspaceId, asOf, src.inputs));
    return projectDocuments(atThen, { asOf: asOf.toISOString(), corrections: await loadCorrections(src.db, workspaceId, asOf), links: await loadDocumentLinks(src.db, workspaceId, asOf), vendors: src.runtime.vendors, practiceName }).graph;
  }
  const stored = await src.db.projections.graph(workspaceId);
  if (stored) return stored.graph;
  return projectDocuments([], { asOf: new Date().toISOString(), practiceName }).graph;
}

/**
 * The live audit composed from the read model, or undefined when it cannot answer: another lens was asked
 * for, or the workspace has no scoring under a known lens yet (a new workspace before its first score job,
 * or a row stored before lenses were kept, which the start-up re-score replaces). While a newer projection
 * waits for its score job, the previous scoring is served with the newer graph; the score job's
 * `ExposureScored` event tells readers to fetch again.
 */
export async function storedReport(src: ReportSources, workspaceId: string, lens?: Lens): Promise<AuditReport | undefined> {
  const workspace = await src.db.workspaces.findById(workspaceId);
  if (!workspace) throw new NotFoundError('workspace', workspaceId);
  const scoring = await src.db.projections.score(workspaceId);
  if (!scoring?.lens || (lens && lens !== scoring.lens)) return undefined;
  const projection = await src.db.projections.graph(workspaceId);
  if (!projection) return undefined;
  const findings = await src.db.projections.openFindings(workspaceId);
  const documents = await loadAnalyzedDocuments(src.db, workspaceId, undefined, src.inputs);
  return composeReport({
    workspace: { id: workspace.id, name: workspace.name },
    graph: projection.graph,
    evaluation: { findings, score: scoring.score, ruleErrors: scoring.ruleErrors },
    documents,
    lens: scoring.lens,
    generatedAt: scoring.evaluatedAt,
  });
}

/** The audit evaluated now: the rules run on the graph of the moment under the lens asked for. */
export async function evaluatedReport(src: ReportSources, workspaceId: string, opts: { lens?: Lens; asOf?: Date }): Promise<AuditReport> {
  const workspace = await src.db.workspaces.findById(workspaceId);
  if (!workspace) throw new NotFoundError('workspace', workspaceId);
  const { graph, documents } = await projected(src, workspaceId, workspace.name, opts.asOf);
  const lens = opts.lens ?? defaultLens(graph.practice);
  // Time travel applies the triage decisions recorded by then, as it replays documents and corrections.
  const evaluation = evaluateGraph(graph, { lens, now: opts.asOf ?? new Date(), triage: await loadTriage(src.db, workspaceId, opts.asOf) });
  return composeReport({ workspace: { id: workspace.id, name: workspace.name }, graph, evaluation, documents, lens });
}

/**
 * The graph of the moment and the documents as the report reads them (reportDocuments: contracts keep their
 * extraction), in a frame of its own as analyseAndProject does: the loaded list with every manifest's and
 * config's parse is this call's alone, garbage before the rules run, rather than held by the suspended frame of
 * evaluatedReport through the rules and the report (a manifest over the input cache's entry bound is cached nowhere else).
 */
async function projected(src: ReportSources, workspaceId: string, practiceName: string, asOf?: Date): Promise<{ graph: Graph; documents: AnalyzedDocument[] }> {
  const loaded = await loadAnalyzedDocuments(src.db, workspaceId, asOf, src.inputs);
  const graph = await graphAt(src, workspaceId, asOf, loaded, practiceName);
  return { graph, documents: reportDocuments(loaded) };
}
