import type { Evidence } from '@custody/domain';
import { slugify, stamp } from './normalise.js';
import type { SystemDraft, SystemRegistry } from './system-registry.js';
import type { SettingChangeInput } from './types.js';

/**
 * Applies setting changes pushed by webhook (e.g. one fleet install turning training on) over the systems
 * configs and the manifest declared, oldest first, so the graph reflects the settings in force at `asOf`.
 * A change naming no known system is reported, never dropped silently.
 */
export function applySettingChanges(registry: SystemRegistry, changes: readonly SettingChangeInput[], asOf: string, warnings: string[]): void {
  const sorted = [...changes].filter((c) => c.at <= asOf).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.documentId < b.documentId ? -1 : 1));
  for (const c of sorted) {
    // Fleet installs are `install-<slug of install_id>` (libs/integrations' fleet parser).
    const target = registry.get(c.system) ?? registry.get(slugify(c.system)) ?? registry.get(`install-${slugify(c.system)}`) ?? registry.findByName(c.system)[0];
    if (!target) {
      warnings.push(`${c.file}: setting change for unknown system "${c.system}"`);
      continue;
    }
    const evidence: Evidence[] = stamp(c.evidence, c.documentId, c.file);
    target.settings = { ...target.settings, ...c.settings };
    const sources = (target.settingSources ??= { declared: target.settingsEvidence, changes: [] });
    sources.changes.unshift({ keys: Object.keys(c.settings), evidence });
    target.settingsEvidence = [...evidence, ...target.settingsEvidence];
    target.evidence.push(...evidence);
  }
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
