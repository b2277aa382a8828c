import { DATA_CATEGORY_SENSITIVITY, PRACTICE_ID } from '@custody/domain';
import type { DataCategory, Evidence } from '@custody/domain';
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
    const fed = flows.into(s.id).some((f) => f.from === PRACTICE_ID || registry.get(f.from)?.role === 'clinician' || f.data.has('session_recording'));
    if (fed) continue;
    const recordingEvidence = settingEvidenceFor(s, 'recording');
    flows.add({
      from: PRACTICE_ID,
      to: s.id,
      data: new Set<DataCategory>(['session_recording', 'session_transcript']),
      // The settings prove recording happens, not how it travels: claim no transport we cannot cite.
      transport: 'unknown',
      purpose: `session recording (settings: recording ${String(s.settings.recording)})`,
      evidence: recordingEvidence.length ? [...recordingEvidence] : [...s.evidence],
      origin: 'implied',
      source: `implied:${s.id}`,
    });
  }
}

/** The sub-processor names a system brings, with the evidence for each: settings first, then its contracts. */
function namedSubprocessors(s: SystemDraft): { name: string; evidence: Evidence[] }[] {
  const out: { name: string; evidence: Evidence[] }[] = [];
  const fromSettings = s.settings.subprocessors;
  if (Array.isArray(fromSettings)) {
    const evidence = settingEvidenceFor(s, 'subprocessors');
    for (const name of fromSettings) if (typeof name === 'string' && name.trim()) out.push({ name: name.trim(), evidence });
  }
  for (const c of s.contracts) {
    if (c.via) continue; // another vendor's BAA binding this one names that vendor's sub-processors, not ours
    const fact = c.facts.subprocessors_named;
    for (const name of fact?.value ?? []) if (name.trim()) out.push({ name: name.trim(), evidence: fact.evidence });
  }
  return out;
}

/**
 * Turn named sub-processors into systems and vendor → sub-processor edges (data filled in later by
 * {@link fillSubprocessorData}). Returns whether anything new appeared, so the caller can retry attaching
 * contracts that may now name a sub-processor system. `done` remembers, per system id, the names already
 * expanded: a fleet asks this for every install and name on every round, and a `system + name` key string per
 * pair was built each time just to be found again.
 */
export function expandSubprocessors(registry: SystemRegistry, flows: FlowTable, resolveVendor: VendorResolver | undefined, done: Map<string, Set<string>>): boolean {
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
  for (const s of registry.all()) {
    let doneOf = done.get(s.id);
    for (const { name, evidence } of namedSubprocessors(s)) {
      if (doneOf === undefined) done.set(s.id, (doneOf = new Set()));
      else if (doneOf.has(name)) continue;
      doneOf.add(name);
      grew = true;
      const target = resolve(name);
      if (target.id === s.id || target.id === PRACTICE_ID) continue;
      target.evidence.push(...evidence);
      const existing = flows.find(s.id, target.id);
      if (existing) existing.evidence.push(...evidence);
      else flows.add({ from: s.id, to: target.id, data: new Set(), transport: 'unknown', purpose: 'sub-processing', evidence: [...evidence], origin: 'subprocessor', source: `subprocessor:${s.id}` });
    }
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
    for (const f of inferred) {
      const held = new Set<DataCategory>(registry.get(f.from)?.holds ?? []);
      for (const inbound of flows.into(f.from)) for (const c of inbound.data) held.add(c);
      const sensitive = [...held].filter((c) => DATA_CATEGORY_SENSITIVITY[c] >= SUBPROCESSOR_MIN_SENSITIVITY);
      for (const c of sensitive.length ? sensitive : held) {
        if (!f.data.has(c)) {
          f.data.add(c);
          changed = true;
        }
      }
    }
  }
  for (const f of inferred) {
    if (f.data.size) continue;
    flows.remove(f);
    warnings.push(`${f.from} names sub-processor ${f.to}, but no PHI is known to reach ${f.from}; no flow added`);
  }
}
