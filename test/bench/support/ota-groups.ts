/**
 * Which honesty group each OTA document belongs to (xread rules): 'develop' (hand-labelled or in a tuning set),
 * 'validation' (ota-fresh10/11/12: sums only), 'unseen' (role 'fresh' sets: nothing may be printed) or 'unlabelled'
 * (in no set). Shared by guard-diff.ts and fact-audit-sample.ts so both hide the same documents.
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRESH_SETS, OTA_DIR, pickOf, VALIDATION_SETS } from './extraction-corpora.js';

export type OtaGroup = 'develop' | 'validation' | 'unseen' | 'unlabelled';

export function otaGroups(): { groupOf: (file: string) => OtaGroup } {
  const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string; sha256: string; chars?: number }[] };
  const labelled = (JSON.parse(readFileSync(join(OTA_DIR, 'labels.json'), 'utf8')) as { file: string }[]).map((l) => l.file);
  const group = new Map<string, OtaGroup>(labelled.map((f) => [f, 'develop']));
  for (const set of FRESH_SETS) {
    const picks = pickOf(set.rule, index.documents, labelled);
    const g: OtaGroup = set.role === 'fresh' ? 'unseen' : VALIDATION_SETS.has(set.name) ? 'validation' : 'develop';
    for (const f of picks) group.set(f, g);
    labelled.push(...picks);
  }
  return { groupOf: (file) => group.get(file) ?? 'unlabelled' };
}
