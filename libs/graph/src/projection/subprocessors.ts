import { PRACTICE_ID } from '@custody/domain';
import type { Evidence } from '@custody/domain';
import { categoriesAtLeast, categoriesOf, categoryCount, hasCategory, withCategories, type Categories } from './categories.js';
import type { FlowTable } from './flow-table.js';
import { settingEvidenceFor } from './setting-changes.js';
import type { SystemDraft, SystemRegistry } from './system-registry.js';
import type { VendorResolver } from './types.js';

const RECORDING_MODES = new Set(['always', 'per_session']);
/**
 * "Sensitive" for sub-processor reach: sensitivity ≥ 0.6, i.e. the domain's SENSITIVE_CATEGORIES plus
 * treatment plans, claims and insurance ids. Claims matter here more than anywhere — a clearinghouse's
 * analytics sub-processor is exactly how claims end up in enforcement databases (seeds/003).
 */
const SUBPROCESSOR_MIN_SENSITIVITY = 0.6;
const IMPLIED_NOTETAKER_DATA = categoriesOf(['session_recording', 'session_transcript']);

/**
 * The settings the stages after setting changes read (implied notetaker flows, named sub-processors): a change
 * to any other key reaches only its system's own record, which the setting replay relies on (setting-replay.ts).
 * Keep in step with every `settings.` read below.
 */
export const SETTINGS_READ_AFTER_CHANGES: readonly string[] = ['recording', 'subprocessors'];

/**
 * Whether a system draws anything from the stages after setting changes because of its own settings or
 * contracts: an implied notetaker flow (a recording notetaker) or sub-processor edges (names it lists). A new
 * config's system that does neither, and that no lookup finds, is left alone by those stages (config-replay.ts).
 */
export function readByLaterStages(s: SystemDraft): boolean {
  if (s.role === 'ai_notetaker' && RECORDING_MODES.has(String(s.settings.recording))) return true;
  let named = false;
  namedSubprocessors(s, () => (named = true));
  return named;
}

/**
 * Whether the implied notetaker flow of `s` (if it gets one) would cite the system's whole evidence, for want of
 * evidence for its recording setting: then any change to `s` reaches that flow.
 */
export function impliedFlowCitesAllEvidence(s: SystemDraft): boolean {
  return s.role === 'ai_notetaker' && RECORDING_MODES.has(String(s.settings.recording)) && settingEvidenceFor(s, 'recording').length === 0;
}

/**
 * A notetaker whose settings say it records (`always` or `per_session`) receives the session even when the
 * manifest forgot to say so: add practice → notetaker carrying the recording and its transcript, citing the
 * settings line. Skipped when the practice or a clinician already sends it anything, or another system sends
 * it the session recording.
 */
export function addImpliedNotetakerFlows(registry: SystemRegistry, flows: FlowTable): void {
  for (const s of registry.all()) {
    if (s.role !== 'ai_notetaker' || !RECORDING_MODES.has(String(s.settings.recording))) continue;
    // Fed already: by the practice side, or with the session itself by another system (a platform's built-in
    // assistant records through the platform, not straight from the practice).
    const fed = flows.inbound(s.id).some((f) => f.from === PRACTICE_ID || registry.get(f.from)?.role === 'clinician' || hasCategory(f.data, 'session_recording'));
    if (fed) continue;
    const recordingEvidence = settingEvidenceFor(s, 'recording');
    flows.add({
      from: PRACTICE_ID,
      to: s.id,
      data: IMPLIED_NOTETAKER_DATA,
      // The settings prove recording happens, not how it travels: claim no transport we cannot cite.
      transport: 'unknown',
      purpose: `session recording (settings: recording ${String(s.settings.recording)})`,
      evidence: recordingEvidence.length ? [...recordingEvidence] : [...s.evidence],
      origin: 'implied',
      source: `implied:${s.id}`,
    });
  }
}

/**
 * The sub-processor names a system brings, with the evidence for each, told to `each` in order: settings first,
 * then its contracts. Told, not returned as a list: a fleet asks for every install on every round.
 */
function namedSubprocessors(s: SystemDraft, each: (name: string, evidence: Evidence[], fromSettings: boolean) => void): void {
  const fromSettings = s.settings.subprocessors;
  if (Array.isArray(fromSettings)) {
    let evidence: Evidence[] | undefined;
    for (const name of fromSettings) if (typeof name === 'string' && name.trim()) each(name.trim(), (evidence ??= settingEvidenceFor(s, 'subprocessors')), true);
  }
  for (const c of s.contracts) {
    if (c.via) continue; // another vendor's BAA binding this one names that vendor's sub-processors, not ours
    const fact = c.facts.subprocessors_named;
    for (const name of fact?.value ?? []) if (name.trim()) each(name.trim(), fact!.evidence, false);
  }
}

/** One name a system's expansion passed, and its evidence: the contract fact's (shared), or undefined for the system's own settings evidence. */
interface NameStep {
  name: string;
  evidence: Evidence[] | undefined;
}

/**
 * The names an expansion round passes for a system, per class of systems that name the same: the same
 * `settings.subprocessors` value (the fleet parser's list, shared and frozen per install class), the same
 * contracts (each by identity, so the same facts) and the same names expanded before (ExpandedNames' shared
 * lists). Those are all namedSubprocessors and the filter read, so a member passes the class's names, in the
 * class's order, with the same evidence but for its own settings evidence, and ends with the same list. Only
 * classes ending on a shared list are kept (a Set past SHORT_NAMES is one system's own), and only within one round.
 */
class NamePlans {
  private readonly bySetting = new Map<unknown, NamePlan[]>();

  /** The plan of a system with these inputs, when one was kept. */
  of(s: SystemDraft, before: readonly string[] | Set<string>): NamePlan | undefined {
    if (before instanceof Set) return undefined;
    const plans = this.bySetting.get(s.settings.subprocessors);
    if (plans) for (const plan of plans) if (plan.before === before && sameItems(plan.contracts, s.contracts)) return plan;
    return undefined;
  }

  /** Keeps what a system starting from `before` passed (`steps`), ending on `after`. */
  keep(s: SystemDraft, before: readonly string[] | Set<string>, steps: NameStep[], after: readonly string[] | Set<string>): void {
    if (before instanceof Set || after instanceof Set) return;
    const key = s.settings.subprocessors;
    let plans = this.bySetting.get(key);
    if (!plans) this.bySetting.set(key, (plans = []));
    // Systems that each name their own (an agency's manifest): a handful kept per value, then no more plans.
    if (plans.length < MAX_PLANS) plans.push({ before, contracts: [...s.contracts], steps, after });
  }
}

interface NamePlan {
  before: readonly string[];
  contracts: readonly object[];
  steps: readonly NameStep[];
  after: readonly string[];
}

const MAX_PLANS = 64;

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The names already expanded, per system id: a short list (a fleet install names two to five, and 100,000
 * installs made as many Sets), a Set past {@link SHORT_NAMES}. The short lists are shared and never edited: a
 * list plus one name is one list whichever system reaches it ({@link ExpandedNames.extended}), as a fleet's
 * 100,000 installs name a handful of distinct sequences, and a list per install (grown by a push to 17 slots)
 * lived through the whole projection.
 */
export class ExpandedNames {
  readonly byId = new Map<string, readonly string[] | Set<string>>();
  /**
   * Per system id, how many contracts it had when its names were last read. Between the rounds of attaching
   * and expanding, a system's settings do not change and its contracts only grow: with no new contract it
   * names nothing new, and a fleet's second round read every install's names again to find none.
   */
  readonly contractsRead = new Map<string, number>();
  private readonly longer = new Map<readonly string[], Map<string, readonly string[]>>();

  /** The shared list of `list`'s names then `name`. */
  extended(list: readonly string[], name: string): readonly string[] {
    let next = this.longer.get(list);
    if (next === undefined) this.longer.set(list, (next = new Map()));
    let out = next.get(name);
    if (out === undefined) next.set(name, (out = [...list, name]));
    return out;
  }
}
const SHORT_NAMES = 16;
const NO_NAMES: readonly string[] = [];

/**
 * Turn named sub-processors into systems and vendor → sub-processor edges (data filled in later by
 * {@link fillSubprocessorData}). Returns whether anything new appeared, so the caller can retry attaching
 * contracts that may now name a sub-processor system. `done` remembers, per system id, the names already
 * expanded: a fleet asks this for every install and name on every round, and a `system + name` key string per
 * pair was built each time just to be found again.
 */
export function expandSubprocessors(registry: SystemRegistry, flows: FlowTable, resolveVendor: VendorResolver | undefined, done: ExpandedNames, classPlans = true): boolean {
  let grew = false;
  // The system a name resolves to, per name: every install of a fleet names the same few sub-processors, and
  // the answer only changes when a system is added here (the registry is not changed otherwise meanwhile).
  const resolved = new Map<string, SystemDraft>();
  const resolve = (name: string): SystemDraft => {
    let target = resolved.get(name);
    if (target) return target;
    const known = resolveVendor?.(name);
    target = [...registry.findByName(known?.name ?? name), ...registry.findByName(name)].find((t) => !t.group);
    if (!target) {
      target = registry.addByName(known?.name ?? name, known?.role ?? 'other', []);
      resolved.clear();
    }
    resolved.set(name, target);
    return target;
  };
  // What a system names is a function of its settings' list, its contracts and the names expanded for it
  // before: a fleet's installs of one class share all three (the parser's list, the vendor's contracts, the same
  // shared list of names), so the names that pass are worked out once per class and each member only adds its
  // evidence (see NamePlans).
  const plans = classPlans ? new NamePlans() : undefined;
  const expand = (s: SystemDraft, name: string, evidence: Evidence[]) => {
    const target = resolve(name);
    if (target.id === s.id || target.id === PRACTICE_ID) return;
    target.evidence.push(...evidence);
    const existing = flows.find(s.id, target.id);
    if (existing) existing.evidence.push(...evidence);
    else flows.add({ from: s.id, to: target.id, data: 0, transport: 'unknown', purpose: 'sub-processing', evidence: [...evidence], origin: 'subprocessor', source: `subprocessor:${s.id}` });
  };
  for (const s of registry.all()) {
    if (done.contractsRead.get(s.id) === s.contracts.length) continue;
    done.contractsRead.set(s.id, s.contracts.length);
    let doneOf = done.byId.get(s.id) ?? NO_NAMES;
    const plan = plans?.of(s, doneOf);
    if (plan) {
      if (!plan.steps.length) continue;
      done.byId.set(s.id, plan.after);
      grew = true;
      let settingsEvidence: Evidence[] | undefined;
      for (const step of plan.steps) expand(s, step.name, step.evidence ?? (settingsEvidence ??= settingEvidenceFor(s, 'subprocessors')));
      continue;
    }
    const start = doneOf;
    const steps: NameStep[] = [];
    namedSubprocessors(s, (name, evidence, fromSettings) => {
      if (doneOf instanceof Set ? doneOf.has(name) : doneOf.includes(name)) return;
      else if (doneOf instanceof Set) doneOf.add(name);
      else if (doneOf.length < SHORT_NAMES) done.byId.set(s.id, (doneOf = done.extended(doneOf, name)));
      else done.byId.set(s.id, (doneOf = new Set([...doneOf, name])));
      grew = true;
      steps.push({ name, evidence: fromSettings ? undefined : evidence });
      expand(s, name, evidence);
    });
    plans?.keep(s, start, steps, doneOf);
  }
  return grew;
}

/**
 * Give each inferred sub-processor edge the categories its vendor holds (declared `holds` ∪ inbound flows)
 * that are sensitive (see SUBPROCESSOR_MIN_SENSITIVITY) — or, when the vendor holds nothing sensitive (an SMS service), everything it holds,
 * since that is still PHI passing on. Iterated to a fixpoint so chains (notetaker → LLM → its own
 * sub-processor) fill in whatever the order; data only grows, so it terminates. Edges still empty are
 * dropped with a warning: nothing shows PHI reaching that vendor.
 */
export function fillSubprocessorData(registry: SystemRegistry, flows: FlowTable, warnings: string[]): void {
  const inferred = flows.all().filter((f) => f.origin === 'subprocessor');
  for (let pass = 0, changed = true; changed && pass <= inferred.length + 1; pass++) {
    changed = false;
    // What the vendor holds (its `holds`, then its inbound flows' data), in that order, so a category outside
    // the taxonomy keeps its place (see Categories); a fleet names sub-processors per install (100,000 such
    // edges, each pass), where these are bitmasks and this is a few ORs.
    for (const f of inferred) {
      let held: Categories = withCategories(0, registry.get(f.from)?.holds ?? 0);
      for (const i of flows.inbound(f.from)) held = withCategories(held, i.data);
      const sensitive = categoriesAtLeast(held, SUBPROCESSOR_MIN_SENSITIVITY);
      const before = categoryCount(f.data);
      f.data = withCategories(f.data, categoryCount(sensitive) ? sensitive : held);
      if (categoryCount(f.data) !== before) changed = true;
    }
  }
  for (const f of inferred) {
    if (categoryCount(f.data)) continue;
    flows.remove(f);
    warnings.push(`${f.from} names sub-processor ${f.to}, but no PHI is known to reach ${f.from}; no flow added`);
  }
}
