import { defaultLens, type AuditDocument, type AuditReport, type FactCorrection, type Finding, type Graph, type Lens, type Score } from '@custody/domain';
import { projectGraphIncremental, type ProjectionMemo } from '@custody/graph';
import { lookupVendor, type VendorEntry } from '@custody/integrations';
import { DEFAULT_RULE_SETTINGS, REGISTRY, runAudit, type RuleSettings, type TriageMap } from '@custody/rules';
import { SETTING_CHANGE_KEY as SETTING_CHANGE_PATH, type DocumentAnalysis } from './analyze-document.js';

/** The resolver key of the builtin vendor catalogue (no `vendors` given). */
const BUILTIN_VENDORS = Symbol('builtin vendor catalogue');
/** Per catalogue list, the key it was given at its length then (see {@link resolverKeyOf}). */
const CATALOGUE_KEYS = new WeakMap<readonly VendorEntry[], { length: number; key: object }>();

/**
 * The resolver key of a catalogue: the list, as long as it keeps its length. lookupVendor indexes a list grown
 * in place afresh (length is its change signal), so a grown list answers otherwise and must not let the next
 * projection replay this one's (the setting replay would keep names the grown catalogue now resolves).
 */
function resolverKeyOf(vendors: readonly VendorEntry[] | undefined): unknown {
  if (!vendors) return BUILTIN_VENDORS;
  let known = CATALOGUE_KEYS.get(vendors);
  if (known?.length !== vendors.length) CATALOGUE_KEYS.set(vendors, (known = { length: vendors.length, key: {} }));
  return known.key;
}

/** A stored or in-memory document with its analysis, as the projection reads it (the report's fields plus the analysis). */
export interface AnalyzedDocument extends Pick<AuditDocument, 'id' | 'file' | 'type' | 'status' | 'reason' | 'format'> {
  analysis?: DocumentAnalysis;
  /** Content hash: orders the projection's inputs, so the graph does not depend on arrival order or ids. */
  sha256?: string;
  /** When it was received (ISO); the newest manifest wins. */
  receivedAt?: string;
}

export interface Evaluation {
  findings: Finding[];
  score: Score;
  ruleErrors: { ruleId: string; message: string }[];
}

/**
 * Projects analysed documents into the PHI flow graph (pure; same input → same graph). With `memo` (an earlier
 * projection's), unchanged records are reused and `changes` says which records differ from that projection's.
 */
export function projectDocuments(
  docs: AnalyzedDocument[],
  opts: { asOf: string; corrections?: Record<string, FactCorrection[]>; links?: Record<string, string>; vendors?: VendorEntry[]; practiceName?: string; memo?: ProjectionMemo },
) {
  // The newest manifest wins (a re-uploaded custody.yaml replaces the old one); without times, the last given.
  const manifests = docs.filter((d) => d.analysis?.type === 'manifest');
  const manifestDoc = manifests.reduce<AnalyzedDocument | undefined>((newest, d) => (!newest || (d.receivedAt ?? '') >= (newest.receivedAt ?? '') ? d : newest), undefined);
  return projectGraphIncremental({
    manifest: manifestDoc && manifestDoc.analysis?.type === 'manifest'
      ? { ...manifestDoc.analysis.manifest, documentId: manifestDoc.id, file: manifestDoc.file }
      : undefined,
    contracts: docs.flatMap((d) => (d.analysis?.type === 'contract' ? [{ documentId: d.id, file: d.file, sha256: d.sha256, result: d.analysis.extraction }] : [])),
    configs: docs.flatMap((d) =>
      d.analysis && (d.analysis.type === 'integration_config' || d.analysis.type === 'fleet_export')
        ? [{ documentId: d.id, file: d.file, sha256: d.sha256, result: d.analysis.parse }]
        : [],
    ),
    corrections: opts.corrections,
    links: opts.links,
    settingChanges: docs.flatMap((d) =>
      d.analysis?.type === 'setting_change'
        ? [{
            documentId: d.id, file: d.file, at: d.analysis.change.at, system: d.analysis.change.system, settings: d.analysis.change.settings,
            evidence: [{ quote: JSON.stringify(d.analysis.change.settings), line: 1, path: `${SETTING_CHANGE_PATH}.settings` }],
          }]
        : [],
    ),
    asOf: opts.asOf,
    resolveVendor: (hostOrName: string) => lookupVendor(hostOrName, opts.vendors),
    // A new resolver per call, answering from the same catalogue: the key lets the next projection build on this one.
    resolverKey: resolverKeyOf(opts.vendors),
    practiceName: opts.practiceName,
  }, opts.memo);
}

/** What {@link projectDocuments} is told besides the documents. */
export type ProjectOptions = Parameters<typeof projectDocuments>[1];

/**
 * The documents as the report reads them, once the graph is projected: a contract keeps its extraction (the
 * report lists its facts), a manifest's or config's parse is dropped. The graph holds what the audit needs of
 * them, and the parse of a large manifest or fleet export would otherwise stay alive through the rules and
 * the render (at 100,000 systems: ~150 MB of a manifest's systems and flows). Same report either way.
 */
export function reportDocuments(docs: readonly AnalyzedDocument[]): AnalyzedDocument[] {
  return docs.map((d) => (d.analysis && d.analysis.type !== 'contract' ? { ...d, analysis: undefined } : d));
}

/**
 * Analyses each item and projects the documents, in a frame of its own: the full list (with every parse) is
 * this call's alone and is garbage once it returns; what outlives it is the graph and the documents as the
 * report reads them (reportDocuments). Dropping parses from a copy in the caller's frame frees nothing, since
 * a suspended async frame keeps the list it analysed into reachable (a register left from the last `await`).
 * `analysed` is told when analysis ends, before the projection (the audit bench times the two apart).
 */
export async function analyseAndProject<T>(
  items: Iterable<T>,
  analyse: (item: T, index: number) => Promise<AnalyzedDocument>,
  opts: ProjectOptions & { analysed?: () => void },
): Promise<{ graph: Graph; documents: AnalyzedDocument[] }> {
  const docs: AnalyzedDocument[] = [];
  let i = 0;
  for (const item of items) docs.push(await analyse(item, i++));
  opts.analysed?.();
  const { analysed: _, ...projectOpts } = opts;
  const { graph } = projectDocuments(docs, projectOpts);
  return { graph, documents: reportDocuments(docs) };
}

/**
 * Runs every rule over the graph at the evaluation time `now` and scores the findings under a lens. Triage (by stable finding id) is
 * applied before scoring, because mitigated and false-positive findings leave the score.
 */
export function evaluateGraph(graph: Graph, opts: { lens?: Lens; settings?: RuleSettings; now: Date; triage?: TriageMap }): Evaluation {
  const lens = opts.lens ?? defaultLens(graph.practice);
  // "Now" is an input: the scoring job's, the reader's or time travel's moment, never a stamp in the graph.
  const ctx = { graph, lens, settings: opts.settings ?? DEFAULT_RULE_SETTINGS, now: opts.now };
  // The same run-and-score what-if uses, so a what-if "before" and the audit agree.
  const { findings, score, errors } = runAudit(ctx, REGISTRY, opts.triage);
  return { findings, score, ruleErrors: errors };
}

/**
 * A vendor assessment of templates only (each assessed system's party a blank): no vendor was assessed, so the report
 * says its score rates no one. One named vendor among them makes it an assessment of that vendor as before.
 */
function onlyTemplates(systems: Graph['systems']): boolean {
  let any = false;
  for (const s of systems) {
    if (!s.assessed) continue;
    if (!s.template) return false;
    any = true;
  }
  return any;
}

/** Assembles the one report object every renderer, the API and `custody audit` share. */
export function composeReport(input: {
  workspace: { id: string; name: string };
  graph: Graph;
  evaluation: Evaluation;
  documents: AnalyzedDocument[];
  lens: Lens;
  generatedAt?: string;
}): AuditReport {
  const attached = new Map<string, string>();
  // A document belongs to the system it speaks for, not to the sub-processors its flow-down binds.
  for (const s of input.graph.systems) for (const c of s.contracts) if (!c.via) attached.set(c.documentId, s.id);
  const documents: AuditDocument[] = input.documents.map((d) => ({
    id: d.id,
    file: d.file,
    type: d.type,
    status: d.status,
    reason: d.reason,
    format: d.format,
    system: attached.get(d.id),
    ...(d.analysis?.type === 'contract' ? { info: d.analysis.extraction.document, facts: d.analysis.extraction.facts } : {}),
  }));
  return {
    workspace: input.workspace,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    lens: input.lens,
    practice: input.graph.practice,
    score: input.evaluation.score,
    systems: input.graph.systems,
    flows: input.graph.flows,
    findings: input.evaluation.findings,
    documents,
    ruleErrors: input.evaluation.ruleErrors,
    // A vendor assessment says so at the top (absent otherwise: an audit of declared systems is unchanged).
    ...(input.graph.systems.some((s) => s.assessed) ? { assessed: true as const } : {}),
    ...(onlyTemplates(input.graph.systems) ? { template: true as const } : {}),
  };
}
