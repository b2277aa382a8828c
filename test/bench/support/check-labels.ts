/**
 * The bench's label-validity target alone, without extracting anything: for every labelled corpus, the problems
 * with its labels (fresh sets: files that are not what the selection rule picks, evidence offsets that are not a
 * 1–300 character span of the source). Labelling an unseen set must not run the extractor on it (issue 7: the set
 * is scored once, after its labels are committed), so this is how a labeller checks the labels while writing them.
 *
 *   npx tsx test/bench/support/check-labels.ts                    # label problems per corpus; exit 1 when there is one
 *   npx tsx test/bench/support/check-labels.ts --picks ota-fresh11  # the files a set's rule picks (paths only), to label
 *
 * A label file whose files are not the rule's picks gets a problem that lists the picks (paths only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from './extraction-corpora.js';
import { FRESH_SETS, labelledCorpora, OTA_DIR, pickOf } from './extraction-corpora.js';

const picksAt = process.argv.indexOf('--picks');
if (picksAt >= 0) {
  const name = process.argv[picksAt + 1];
  if (!FRESH_SETS.some((s) => s.name === name)) {
    console.error(`--picks: no set named ${name ?? '(none)'}; sets: ${FRESH_SETS.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
  const index = (JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string; sha256: string; chars?: number }[] }).documents;
  const labelsFile = join(OTA_DIR, 'labels.json');
  const labelled = existsSync(labelsFile) ? (JSON.parse(readFileSync(labelsFile, 'utf8')) as Label[]).map((l) => l.file) : [];
  for (const set of FRESH_SETS) {
    const picks = pickOf(set.rule, index, labelled);
    if (set.name === name) {
      for (const p of picks) console.log(p);
      process.exit(0);
    }
    labelled.push(...picks);
  }
}

const notes: string[] = [];
const corpora = labelledCorpora(notes);
let problems = 0;
for (const note of notes) console.log(`note: ${note}`);
for (const c of corpora) {
  if (!c.labelProblems) continue;
  problems += c.labelProblems.length;
  console.log(`${c.name}: ${c.labels.length} documents, ${c.labelProblems.length} label problems`);
  for (const p of c.labelProblems) console.log(`  ${p}`);
}
process.exit(problems === 0 ? 0 : 1);
