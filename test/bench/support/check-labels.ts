/**
 * The bench's label-validity target alone, without extracting anything: for every labelled corpus, the problems
 * with its labels (fresh sets: files that are not what the selection rule picks, evidence offsets that are not a
 * 1–300 character span of the source). Labelling an unseen set must not run the extractor on it (issue 7: the set
 * is scored once, after its labels are committed), so this is how a labeller checks the labels while writing them.
 *
 *   npx tsx test/bench/support/check-labels.ts    # label problems per corpus; exit 1 when there is one
 *
 * A label file whose files are not the rule's picks gets a problem that lists the picks (paths only).
 */
import { labelledCorpora } from './extraction-corpora.js';

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
