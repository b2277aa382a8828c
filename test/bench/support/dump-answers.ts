/**
 * Prints one JSON line `{tag, file, facts}` per document with this checkout's answers (values, confidences, evidence
 * offsets into the source, review candidates): the snapshots fit-calibration.ts learns from. Copy it into a worktree
 * of an earlier commit (node_modules linked) and run it there on a tuning set the commit had not yet been tuned on:
 *   npx tsx dump-answers.ts ../shared/corpus/ota/docs files.json fresh4@e303ccf > test/fixtures/calibration-snapshots/…
 * The committed snapshots: check@ef9cb7c (ota-check first scored), fresh@7d2e490, fresh2@09c0f38, fresh3@d763a61
 * (first scored) and b57ca9e (last unseen), fresh4@e303ccf (first scored) and 695ebd0 (last unseen).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument } from '@custody/extraction';
const [docsDir, listFile, tag] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
for (const file of files) {
  const r = await extractDocument(readFileSync(join(docsDir, file)), file);
  const facts: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(r.facts)) facts[k] = { value: f.value, confidence: f.confidence, evidence: f.evidence.map((e) => ({ start: e.start, end: e.end })), review: (f as { review?: unknown[] }).review ?? [] };
  console.log(JSON.stringify({ tag, file, facts }));
}
