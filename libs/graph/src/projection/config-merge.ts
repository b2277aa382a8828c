import { PRACTICE_ID, type SystemDecl } from '@custody/domain';
import { withCategories } from './categories.js';
import { sameValue } from './finalise-memo.js';
import { FlowTable, type FlowDraft } from './flow-table.js';
import { projectConfig, type Sinks } from './project-graph.js';
import type { Entry, SettingReplay } from './setting-replay.js';
import { readByLaterStages } from './subprocessors.js';
import { SystemRegistry, type SystemDraft } from './system-registry.js';
import { inputOrder, type ConfigInput, type ProjectionInput } from './types.js';

/** A new config projected on its own (config-replay.ts): into the practice and copies of the systems it merges into (`seeded`). */
export interface ConfigProbe {
  probe: SystemRegistry;
  asked: { ids: Set<string>; names: Set<string>; hosts: Set<string> };
  flows: FlowTable;
  sinks: Sinks;
  /** Per earlier system the config merges into, its draft after the merge (the probe's copy). */
  seeded: ReadonlyMap<string, SystemDraft>;
}

export function probeConfig(cfg: ConfigInput, input: ProjectionInput, practice: SystemDraft, seeds: readonly Entry[] = []): ConfigProbe {
  const probe = new SystemRegistry();
  probe.add({ id: PRACTICE_ID, name: practice.name, role: practice.role, evidence: [] }, true);
  const seeded = new Map(seeds.map((e) => [e.draft.id, probe.seed(e.draft)]));
  const asked = (probe.asked = { ids: new Set<string>(), names: new Set<string>(), hosts: new Set<string>() });
  const flows = new FlowTable();
  const sinks: Sinks = { consents: [], redactions: [], identifiers: [], warnings: [] };
  projectConfig(cfg, probe, flows, input, sinks);
  probe.asked = undefined;
  return { probe, asked, flows, sinks, seeded };
}

/**
 * The earlier systems (by id) a new config may merge into as the full projection would whatever its place
 * among the configs, or undefined. The config stage is a fold in config order, so each such system X must be
 * one the fold treats alike either way:
 *
 * - made before the configs (the manifest) or by a config (not by a later stage: a named sub-processor), no
 *   fleet install (those never merge by id), no setting change applied to it, drawing nothing from the later
 *   stages (readByLaterStages);
 * - every declaration of the config with X's id brings no fleet group, the role X has or `other` (the first
 *   specific role wins), and for a setting X has the value X has (the first config's value wins);
 * - when the config sorts before the config that made X, it makes X in the full projection: then no other
 *   config sorts between the two (one could have looked X up, and missed), the config alone makes X under the
 *   very name X has (not as a placeholder for a flow endpoint), the other did not make X as a placeholder
 *   (the placeholder's warning would go), it declares X with no host the vendor catalogue knows, and no other system of the creator has one (its lookup
 *   by the vendor's name would now find X). `made` lists those systems, which the config now makes.
 */
export function mergeTargets(ids: readonly string[], cfg: ConfigInput, r: SettingReplay, lookup: (id: string) => Entry | undefined, alone: ConfigProbe): { targets: Entry[]; made: string[] } | undefined {
  const targets: Entry[] = [];
  const made: string[] = [];
  const placeholder = (warnings: readonly string[], id: string) => warnings.some((w) => w.includes(`added system "${id}"`));
  for (const id of ids) {
    const e = lookup(id);
    if (!e || r.late.has(id)) return undefined;
    const x = e.draft;
    // Categories outside the taxonomy are a list in arrival order (categories.ts), which merging edits in place.
    if (x.group || x.settingSources || typeof x.holds !== 'number' || readByLaterStages(x)) return undefined;
    // A system an earlier config added as a flow endpoint's placeholder: its warning names the role the system had then,
    // which a specific role declared by a config sorting before it changes (the property spec's seed -138703730).
    if (placeholder(r.warningsBefore, id) && cfg.result.systems.some((d) => d.id === id && d.role !== 'other')) return undefined;
    // Declarations merged in by host or name are checked once projected (config-replay.ts: mergedIntoSeeds).
    if (cfg.result.systems.some((d) => d.id === id && !declAgrees(d, x))) return undefined;
    if (!x.fromManifest) {
      const creator = r.createdIn.get(id);
      const by = creator === undefined ? undefined : r.input.configs.find((c) => c.documentId === creator);
      if (!by) return undefined;
      if (inputOrder(cfg, by) < 0) {
        if (r.input.configs.some((c) => inputOrder(cfg, c) < 0 && inputOrder(c, by) < 0)) return undefined;
        const own = alone.probe.get(id);
        // Its role and settings as the config alone leaves them, declarations merged in by host included: coming first,
        // they win (the property spec's seed 3087529266: another id's declaration with X's host brought a differing retention).
        if (!own || own.name !== x.name || !declAgrees(own, x)) return undefined;
        if (placeholder(alone.sinks.warnings, id) || placeholder(r.warningsBefore, id)) return undefined;
        // Coming first, its declaration is not found by id, so a host the catalogue knows sends it to the system
        // with the vendor's name (projectConfig), which an earlier config or the manifest may have: alone it has none.
        if (cfg.result.systems.some((d) => d.id === id && d.hosts?.some((h) => r.input.resolveVendor?.(h) !== undefined))) return undefined;
        // Made first now, X is there when the creator's own systems look a host's vendor up by name: one of them that
        // missed X before (declared ahead of X) would now merge into it (the property spec's seed -744417004).
        if (by.result.systems.some((d) => d.id !== id && d.hosts?.some((h) => r.input.resolveVendor?.(h) !== undefined))) return undefined;
        made.push(id);
      }
    }
    targets.push(e);
  }
  return { targets, made };
}

/**
 * A declaration merged into earlier system X leaves X as the full projection has it whichever comes first: no fleet
 * group, X's role or `other` (the first specific role wins), X's value for every setting both have (the first wins).
 */
export function declAgrees(d: Pick<SystemDecl, 'group' | 'role' | 'settings'>, x: SystemDraft): boolean {
  return !d.group && (d.role === 'other' || d.role === x.role) && settingsAgree(d.settings, x.settings);
}

/** Every setting both declare has the same value in both. */
function settingsAgree(a: Record<string, unknown> | undefined, b: Record<string, unknown>): boolean {
  for (const k in a ?? {}) if (Object.hasOwn(b, k) && !sameValue(a![k], b[k])) return false;
  return true;
}

/**
 * The earlier flow `old` (a pair's only one) with the new config's flow `add` merged in, as the flow table
 * merges them, when the result is the same whichever comes first: `old` is declared (not inferred by a later
 * stage), and the two agree where the first one's value wins (transport and endpoint unless unknown, purpose);
 * their categories are all the taxonomy's (others keep their arrival order).
 * Every flow merged into `old` agreed with it, so each still merges whichever order they come in. Undefined
 * otherwise. A new object: `old` is the earlier memo's.
 */
export function mergedFlow(old: FlowDraft, add: FlowDraft): FlowDraft | undefined {
  if ((old.origin !== 'config' && old.origin !== 'manifest') || typeof old.data !== 'number' || typeof add.data !== 'number') return undefined;
  const agree = <T>(a: T | undefined, b: T | undefined, unknown?: T) => a === b || a === undefined || b === undefined || a === unknown || b === unknown;
  if (!agree(old.transport, add.transport, 'unknown') || !agree(old.endpoint, add.endpoint) || !agree(old.purpose, add.purpose) || add.declaredBasis !== undefined) return undefined;
  return {
    ...old, data: withCategories(old.data, add.data), evidence: [...old.evidence, ...add.evidence], transport: old.transport === 'unknown' ? add.transport : old.transport,
    endpoint: old.endpoint ?? add.endpoint, purpose: old.purpose ?? add.purpose,
  };
}
