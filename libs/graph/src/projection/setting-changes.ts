import type { Evidence } from '@custody/domain';
import { slugify, stamp } from './normalise.js';
import type { SystemDraft, SystemRegistry } from './system-registry.js';
import type { SettingChangeInput } from './types.js';

/**
 * Applies setting changes pushed by webhook (e.g. one fleet install turning training on) over the systems
 * configs and the manifest declared, oldest first, so the graph reflects the settings in force at `asOf`.
 * A change naming no known system is reported, never dropped silently.
 */
export function applySettingChanges(registry: SystemRegistry, changes: readonly SettingChangeInput[], asOf: string, warnings: string[]): AppliedSettingChange[] {
  const applied: AppliedSettingChange[] = [];
  for (const c of settingChangesInForce(changes, asOf)) {
    const [id, slug, install] = settingTargetIds(c);
    const target = registry.get(id!) ?? registry.get(slug!) ?? registry.get(install!) ?? registry.findByName(c.system)[0];
    if (!target) {
      warnings.push(unknownTargetWarning(c));
      applied.push({ change: c });
      continue;
    }
    const evidence: Evidence[] = stamp(c.evidence, c.documentId, c.file);
    applySettingChange(target, c, evidence);
    applied.push({ change: c, target: target.id, evidence });
  }
  return applied;
}

/**
 * One change applied (by {@link applySettingChanges}, or by the setting replay of a later projection, which
 * must fold it exactly alike): its settings over the target's, its evidence cited by the target and first
 * among the evidence of the keys it sets.
 */
export function applySettingChange(target: SystemDraft, c: SettingChangeInput, evidence: Evidence[]): void {
  // The settings before any change are kept aside: a later projection that retracts or adds a change folds
  // them again from there (setting-replay.ts).
  const sources = (target.settingSources ??= { declared: target.settingsEvidence, declaredSettings: target.settings, changes: [] });
  target.settings = { ...target.settings, ...c.settings };
  sources.changes.unshift({ keys: Object.keys(c.settings), evidence });
  target.settingsEvidence = [...evidence, ...target.settingsEvidence];
  target.evidence.push(...evidence);
}

/** The changes applied, in the order they apply (oldest first; a change dated after `asOf` is not in force yet). */
export function settingChangesInForce(changes: readonly SettingChangeInput[], asOf: string): SettingChangeInput[] {
  return [...changes].filter((c) => c.at <= asOf).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.documentId < b.documentId ? -1 : 1));
}

/**
 * The ids a change may name its system by, in the order they are tried before its name: the id itself, its
 * slug, and the fleet install it is (`install-<slug of install_id>`, libs/integrations' fleet parser).
 */
export function settingTargetIds(c: SettingChangeInput): string[] {
  return [c.system, slugify(c.system), `install-${slugify(c.system)}`];
}

export const unknownTargetWarning = (c: SettingChangeInput) => `${c.file}: setting change for unknown system "${c.system}"`;

/** A change as one projection applied it: the system it reached (none: a warning) and the evidence it stamped there. */
export interface AppliedSettingChange {
  change: SettingChangeInput;
  target?: string;
  evidence?: Evidence[];
}

/**
 * The evidence for one setting of a system: the changes that set it (newest first), then the evidence of the
 * declared settings. A change to another setting (one install turning training on) is no evidence that the
 * install records sessions or names a sub-processor, and citing it there would make that edge, and every
 * finding about the sub-processor it reaches, change with it (issue 11: a setting change re-audits only what
 * it can affect).
 */
export function settingEvidenceFor(s: SystemDraft, key: string): Evidence[] {
  const sources = s.settingSources;
  if (!sources) return s.settingsEvidence;
  return [...sources.changes.flatMap((c) => (c.keys.includes(key) ? c.evidence : [])), ...sources.declared];
}
