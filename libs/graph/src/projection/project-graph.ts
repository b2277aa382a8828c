import { PRACTICE_ID } from '@custody/domain';
import type { ConsentDecl, Evidence, Graph, GraphIdentifierExposure, GraphRedaction, PracticeInfo, SystemDecl, Transport } from '@custody/domain';
import { categoriesOf } from './categories.js';
import { assessContractVendors, onlyThePractice } from './assessed-vendors.js';
import { attachContracts, prepareContracts } from './contracts.js';
import { finaliseWithMemo, type ProjectionChanges, type ProjectionMemo } from './finalise-memo.js';
import { FlowTable } from './flow-table.js';
import { inheritFlowdown } from './flowdown.js';
import { decideLegalBasis, type BaaMemo } from './legal-basis.js';
import { basename, sortCategories, stamp } from './normalise.js';
import { applySettingChanges } from './setting-changes.js';
import { replayNewConfig } from './config-replay.js';
import { replaySettingChanges } from './setting-replay.js';
import { addImpliedNotetakerFlows, expandSubprocessors, ExpandedNames, fillSubprocessorData } from './subprocessors.js';
import { SystemRegistry } from './system-registry.js';
import { inputOrder, type ConfigInput, type ProjectionInput, type ProjectionReport } from './types.js';

const DEFAULT_PRACTICE: PracticeInfo = { name: 'Practice', lenses: ['default'], records: {} };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Project a workspace's manifest, contracts and configs into its PHI flow graph.
 *
 * Pure and deterministic: inputs are sorted by document id, outputs by id, so the same documents in any
 * order give byte-identical JSON. Systems merge by id, shared host, then normalised name (the manifest
 * wins); contracts attach to systems; named sub-processors become systems and edges; every flow gets a
 * legal basis (see {@link decideLegalBasis}). Returns what could not be placed alongside the graph.
 */
export function projectGraphWithReport(input: ProjectionInput): ProjectionReport {
  const { graph, unattached, warnings } = projectGraphIncremental(input);
  return { graph, unattached, warnings };
}

/** A projection plus what the next one needs to reuse its unchanged records (see ProjectionMemo). */
export interface IncrementalProjection extends ProjectionReport {
  memo: ProjectionMemo;
  /** With a `prev` memo: the systems and flows whose records differ from that memo's. */
  changes?: ProjectionChanges;
}

/**
 * {@link projectGraphWithReport}, reusing the finished records of an earlier projection (`prev`) where their
 * drafts are unchanged, and reporting which records changed. The result is the same graph either way (the
 * property tests in libs/graph and libs/audit check it over random workspaces and event sequences).
 */
export function projectGraphIncremental(input: ProjectionInput, prev?: ProjectionMemo): IncrementalProjection {
  // Only setting changes differ (one install's drift): fold those systems again, not the workspace.
  // Or only a new config that can reach nothing the workspace had: add its systems and flows alone.
  const replayed = prev && (replaySettingChanges(input, prev) ?? replayNewConfig(input, prev));
  if (replayed) return replayed;
  const warnings: string[] = [];
  const registry = new SystemRegistry();
  const flows = new FlowTable();
  const m = input.manifest;
  const consents: ConsentDecl[] = [];

  const practice: PracticeInfo = m?.practice ?? { ...DEFAULT_PRACTICE, name: input.practiceName ?? DEFAULT_PRACTICE.name };
  registry.add({ id: PRACTICE_ID, name: practice.name, role: 'practice', evidence: m ? stamp(m.practiceEvidence, m.documentId, m.file) : [] }, true);
  if (m) {
    const ev = (list: Evidence[]) => stamp(list, m.documentId, m.file);
    for (const s of m.systems) {
      // One stamped list for both uses (the registry copies each): an agency's manifest declares 100,000 systems.
      const evidence = ev(s.evidence);
      registry.add(declWith(s, s.id, evidence), true, s.settingsEvidence ? ev([s.settingsEvidence]) : evidence);
    }
    for (const f of m.flows) {
      flows.add({
        from: f.from, to: f.to, data: categoriesOf(f.data), transport: f.transport, purpose: f.purpose, endpoint: f.endpoint,
        declaredBasis: f.legalBasis, evidence: ev(f.evidence), origin: 'manifest', source: m.documentId,
      });
    }
    for (const c of m.consents) {
      const { line: _line, ...consent } = c;
      consents.push({ ...consent, evidence: ev(c.evidence) });
    }
  }

  const redactions: GraphRedaction[] = [];
  const identifiers: GraphIdentifierExposure[] = [];
  // Where each config's warnings end, in config order: a replayed new config's go in at its place (config-replay.ts).
  const configEnds: number[] = [];
  for (const cfg of [...input.configs].sort(inputOrder)) {
    registry.origin = cfg.documentId;
    projectConfig(cfg, registry, flows, input, { consents, redactions, identifiers, warnings });
    configEnds.push(warnings.length);
  }
  registry.origin = undefined;

  const warningsBefore = warnings.length;
  const applied = applySettingChanges(registry, input.settingChanges ?? [], input.asOf, warnings);
  const warningsAfter = warnings.length;
  registry.trackAdded();
  addImpliedNotetakerFlows(registry, flows);

  // Attaching a contract can name new sub-processors, and a new sub-processor system can be what a still
  // unattached contract (its own DPA) speaks for: alternate until neither changes anything.
  let pending = prepareContracts(input.contracts, input.corrections ?? {}, warnings);
  // Contracts alone (no config, fleet export or manifest system): a vendor assessment (assessed-vendors.ts says why
  // only then). Decided before sub-processor expansion, which would make systems of the vendors' sub-processors.
  const assessing = onlyThePractice(registry, flows);
  if (assessing) pending = assessContractVendors(pending, registry, flows, input.resolveVendor, input.links);
  const assessed = assessing && registry.size > 1;
  const expanded = new ExpandedNames();
  for (let grew = true; grew; ) {
    const before = pending.length;
    pending = attachContracts(pending, registry, m?.documents ?? [], input.resolveVendor, input.links);
    grew = expandSubprocessors(registry, flows, input.resolveVendor, expanded) || pending.length < before;
  }
  fillSubprocessorData(registry, flows, warnings);
  inheritFlowdown(registry, flows, input.asOf, input.resolveVendor);

  const ingested = new Set(input.contracts.map((c) => basename(c.file)));
  for (const d of m?.documents ?? []) {
    if (!ingested.has(basename(d.file))) warnings.push(`${m!.file}:${d.line}: ${d.file} is listed for ${d.system} but was not ingested as a contract`);
  }
  for (const c of pending) {
    const linked = input.links?.[c.documentId];
    warnings.push(linked !== undefined ? `${c.file}: linked to ${linked}, which is not a system of this workspace` : `${c.file}: not attached to any system (names: ${c.names.join(', ') || 'none'})`);
  }

  const baaMemo: BaaMemo = new Map();
  const finished = finaliseWithMemo(registry.all(), flows, (f) => decideLegalBasis(f, registry.get(f.to), consents, input.asOf, (id) => registry.get(id), baaMemo), prev);
  const graph: Graph = {
    practice,
    // The practice first, then by id: the practice is every path's root and reads best at the top.
    systems: finished.systems,
    flows: finished.flows,
    consents: consents.map(graphConsent).sort(consentOrder),
    redactions: redactions.sort(redactionOrder),
    identifiers: identifiers.sort(identifierOrder),
    asOf: input.asOf,
  };
  finished.memo.graph = graph;
  const unattached = pending.map((c) => c.documentId).sort(cmp);
  finished.memo.replay = {
    input, applied, warningsBefore: warnings.slice(0, warningsBefore), warningsAfter: warnings.slice(warningsAfter), late: new Set(registry.addedSinceTracked()), unattached,
    configEnds, keys: registry.lookupKeys(), createdIn: registry.createdIn, assessed,
  };
  return { graph, unattached: [...unattached], warnings, memo: finished.memo, ...(prev ? { changes: finished.changes } : {}) };
}

/** A consent as the graph lists it, and the orders of the graph's consents, redactions and identifier exposures (also a replayed config's: config-replay.ts). */
export const graphConsent = (c: ConsentDecl): ConsentDecl => ({ ...c, data: sortCategories(c.data) });
export const consentKey = (c: ConsentDecl) => [c.to, c.purpose ?? '', c.expires ?? '', c.data.join()].join('\u0000');
export const consentOrder = (a: ConsentDecl, b: ConsentDecl) => cmp(consentKey(a), consentKey(b));
export const redactionOrder = (a: GraphRedaction, b: GraphRedaction) => cmp(a.documentId, b.documentId) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.path ?? '', b.path ?? '') || cmp(a.kind, b.kind);
export const identifierOrder = (a: GraphIdentifierExposure, b: GraphIdentifierExposure) => cmp(a.documentId, b.documentId) || cmp(a.field, b.field) || cmp(a.identifier, b.identifier);

/** {@link projectGraphWithReport} without the report: just the graph rules evaluate. */
export function projectGraph(input: ProjectionInput): Graph {
  return projectGraphWithReport(input).graph;
}

export interface Sinks {
  consents: ConsentDecl[];
  redactions: GraphRedaction[];
  identifiers: GraphIdentifierExposure[];
  warnings: string[];
}

/** Merge one parsed config into the graph; its local system ids are translated to canonical ones. */
export function projectConfig(cfg: ConfigInput, registry: SystemRegistry, flows: FlowTable, input: ProjectionInput, out: Sinks): void {
  const { documentId, file, result } = cfg;
  const local = new Map<string, string>();
  // A config the manifest lists under a system describes that system's own flows: the application the
  // parser could only call "Configured application" is that system. An integration engine's workflow or
  // channel (n8n, Node-RED, Mirth) that no entry places and no host puts at a vendor is the practice's own
  // automation (its staff built it, it runs their intake): what it sends out leaves the practice.
  const listed = input.manifest?.documents.find((d) => basename(d.file) === basename(file))?.system;
  const engines = engineNodes(result);
  const owner = listed ?? (engines.size > 0 ? PRACTICE_ID : undefined);
  const selves = owner !== undefined ? new Set([...configSelves(result), ...engines]) : new Set<string>();
  for (const decl of result.systems) {
    if (selves.has(decl.id) && (owner === PRACTICE_ID || registry.get(owner!))) {
      local.set(decl.id, owner!);
      continue;
    }
    const evidence = stamp(decl.evidence, documentId, file);
    // A destination the vendor catalogue knows by host is the declared system of that vendor, if there is one.
    const known = (decl.hosts ?? []).map((h) => input.resolveVendor?.(h)?.name).find((n) => n !== undefined);
    const declared = known !== undefined && !registry.get(decl.id) ? registry.findByName(known).find((t) => !t.group && t.id !== PRACTICE_ID) : undefined;
    local.set(decl.id, registry.add(declWith(decl, declared ? declared.id : decl.id, evidence), false, evidence).id);
  }
  const resolve = (id: string, evidence: Evidence[]): string => {
    const known = id === PRACTICE_ID ? id : (local.get(id) ?? registry.get(id)?.id);
    if (known) return known;
    // A flow to an endpoint the parser did not declare: keep the flow, invent the smallest honest node.
    const vendor = input.resolveVendor?.(id);
    const placeholder = registry.add({ id, name: vendor?.name ?? id, role: vendor?.role ?? 'other', evidence }, false);
    out.warnings.push(`${file}: flow endpoint "${id}" is not declared; added system "${placeholder.id}" (${placeholder.role})`);
    local.set(id, placeholder.id);
    return placeholder.id;
  };
  const targets = new Set<string>();
  for (const f of result.flows) {
    const evidence = stamp(f.evidence, documentId, file);
    const from = resolve(f.from, evidence);
    const to = resolve(f.to, evidence);
    if (from === to) continue;
    if (to !== PRACTICE_ID) targets.add(to);
    flows.add({ from, to, data: categoriesOf(f.data), transport: wellKnownTransport(f.transport, f.endpoint), purpose: f.purpose, endpoint: f.endpoint, evidence, origin: 'config', source: documentId });
  }
  for (const c of result.consents ?? []) {
    const to = local.get(c.to) ?? registry.get(c.to)?.id ?? registry.findByName(c.to)[0]?.id;
    if (!to) out.warnings.push(`${file}: consent to "${c.to}" names no known system; kept as given`);
    out.consents.push({ ...c, to: to ?? c.to, evidence: stamp(c.evidence, documentId, file) });
  }
  for (const r of result.redactions) {
    out.redactions.push({ documentId, file, kind: r.kind, ...(r.path !== undefined ? { path: r.path } : {}), ...(r.line !== undefined ? { line: r.line } : {}) });
  }
  // An identifier list belongs to the export's recipient when the config sends data to exactly one place.
  const recipient = targets.size === 1 ? [...targets][0] : undefined;
  for (const i of result.identifiers ?? []) {
    out.identifiers.push({ documentId, file, ...(recipient ? { system: recipient } : {}), field: i.field, identifier: i.identifier, evidence: stamp([i.evidence], documentId, file)[0] });
  }
  out.warnings.push(...(result.warnings ?? []).map((w) => `${file}: ${w}`));
}

/**
 * The fields of a declaration the registry reads, under `id` and with stamped `evidence`: built, not spread, as
 * V8 extends a spread copy slowly and a fleet or an agency's manifest adds 100,000 systems.
 */
function declWith(decl: SystemDecl, id: string, evidence: Evidence[]): SystemDecl {
  return { id, name: decl.name, role: decl.role, holds: decl.holds, settings: decl.settings, hosts: decl.hosts, evidence, group: decl.group };
}

/**
 * The systems a config declares for the application it configures: the parser's own node (`app-…`), or
 * else unnamed sources (no host, role `other`) that only send. Never a destination.
 */
/** The engine's own workflow or channel nodes (`settings.engine`) that no network host places at a vendor. */
function engineNodes(result: ConfigInput['result']): Set<string> {
  return new Set(result.systems.filter((s) => typeof s.settings?.engine === 'string' && !(s.hosts ?? []).some((h) => h.includes('.'))).map((s) => s.id));
}

function configSelves(result: ConfigInput['result']): Set<string> {
  const targets = new Set(result.flows.map((f) => f.to));
  const sources = new Set(result.flows.map((f) => f.from));
  const candidates = result.systems.filter((s) => s.role === 'other' && !(s.hosts ?? []).length && !targets.has(s.id));
  const apps = candidates.filter((s) => s.id.startsWith('app-'));
  return new Set((apps.length ? apps : candidates.filter((s) => sources.has(s.id))).map((s) => s.id));
}

/**
 * A bare `tcp` endpoint on a port that only speaks an encrypted protocol is that protocol: `host:22` is
 * SSH/SFTP and `host:443` is HTTPS, so neither is reported as unencrypted (nor kept apart from the declared
 * `sftp`/`https` flow it is). Any other port stays `tcp`: we claim no encryption we cannot see.
 */
export function wellKnownTransport(transport: Transport, endpoint: string | undefined): Transport {
  if (transport !== 'tcp' || !endpoint) return transport;
  const port = /:(\d{2,5})(?:[/?#]|$)/.exec(endpoint)?.[1];
  return port === '22' ? 'sftp' : port === '443' ? 'https' : transport;
}
