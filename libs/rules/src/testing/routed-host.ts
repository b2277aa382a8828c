import type { DataCategory, Graph } from '@custody/domain';
import type { FactValues } from '../contracts.js';
import { GraphBuilder } from './graph-builder.js';

/**
 * A host bound through the records system's flow-down BAA (judicial orders only, plus `flowdown` facts), and, with
 * `dictation`, also fed by a dictation app whose own BAA leaves its sub-processors on their own terms; `installs`
 * adds fleet installs of that app; `ownTerms` gives the host click-through terms of its own with those facts;
 * `fromPractice` has the practice send the host those categories directly; `records` sets what the records system
 * holds and sends the host (progress notes and diagnoses); `onward` has the host pass what the records system sends it
 * on to its own backup service (Vault Backup), which has no BAA.
 */
export function routedHost(opts: { dictation?: boolean; installs?: number; ownTerms?: FactValues; flowdown?: FactValues; fromPractice?: DataCategory[]; records?: DataCategory[]; onward?: boolean } = {}): Graph {
  const sent: DataCategory[] = opts.records ?? ['progress_notes', 'diagnosis'];
  const b = new GraphBuilder()
    .system('records', 'ehr', { name: 'Ledgerline Records', holds: sent })
    .system('host', 'cloud_storage', { name: 'Nimbus Hosting' })
    .flow('records', 'host', sent)
    .baa('records', { law_enforcement_disclosure: 'judicial_process_only', subcontractor_flowdown: 'yes', subprocessors_named: ['Nimbus Hosting'], ...opts.flowdown });
  if (opts.fromPractice) b.flow('practice', 'host', opts.fromPractice);
  if (opts.ownTerms) b.contract('host', opts.ownTerms, { kind: 'terms' });
  if (opts.onward) b.system('backup', 'cloud_storage', { name: 'Vault Backup' }).flow('host', 'backup', sent);
  if (opts.dictation) {
    b.system('dictate', 'ai_notetaker', { name: 'Quillnote' }).flow('dictate', 'host', ['session_transcript']).baa('dictate', { subcontractor_flowdown: 'no' });
    for (let i = 1; i <= (opts.installs ?? 0); i++) b.system(`dictate-${i}`, 'ai_notetaker', { name: `Quillnote install Q-${i}` }).flow(`dictate-${i}`, 'host', ['session_recording']);
  }
  const g = b.build();
  for (let i = 1; i <= (opts.installs ?? 0); i++) g.systems.find((s) => s.id === `dictate-${i}`)!.group = { vendor: 'Quillnote', site: `Q-${i}` };
  const records = g.systems.find((s) => s.id === 'records')!;
  // As the projection marks it (inheritFlowdown): the records system's BAA, bound on the host through its flow-down.
  g.systems.find((s) => s.id === 'host')!.contracts.push({ ...records.contracts[0]!, via: { system: 'records', relation: 'flowdown' } });
  return g;
}
