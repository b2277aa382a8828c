/**
 * Prints one JSON line `{tag, file, facts}` per document with this checkout's answers (values, confidences, evidence
 * offsets into the source, review candidates): the snapshots fit-calibration.ts learns from. Copy it into a worktree
 * of an earlier commit (node_modules linked) and run it there on a tuning set the commit had not yet been tuned on:
 *   npx tsx dump-answers.ts ../shared/corpus/ota/docs files.json fresh4@e303ccf [--uncalibrated] > test/fixtures/calibration-snapshots/…
 * `--uncalibrated` (for commits that already calibrate, 3da2b18 and later): the readings' own answers before the
 * calibration withholds any, which is what a fit must learn from (a calibrated snapshot would hide exactly the
 * answers the old model withheld); evidence is moved from the text's offsets to the source's.
 * The committed snapshots: check@ef9cb7c (ota-check first scored), fresh@7d2e490, fresh2@09c0f38, fresh3@d763a61
 * (first scored) and b57ca9e (last unseen), fresh4@e303ccf (first scored) and 695ebd0 (last unseen); fresh5@5d8841b,
 * fresh6@614efd6, fresh7@0d555ba, fresh8@0d555ba (first scored, before calibration), fresh9@8857187, fresh10@8857187,
 * fresh11@b2a1298, fresh12@b2a1298 (first scored; --uncalibrated); last unseen, --uncalibrated: fresh5..7@b2a1298 (the
 * parent of ef91b89, where they became tuning sets) and fresh8..12@1f0b17e (the parent of 86f9a62). fresh13..16, all
 * --uncalibrated: @1f0b17e (first scored) and @1dcde5d (last unseen, the extractor on main when they became tuning sets).
 * fresh17..27, all --uncalibrated, at the commit named in freshNN-first-figures.json ("extractor") and at the last
 * unseen one named in fresh-sets.ts: fresh17@bd034e1, fresh18@0e35bcc, fresh19..20@1dcde5d, fresh21..22@3c74a5e,
 * fresh23@fb9cebd, fresh24@7e110da, fresh25@e2e617b, fresh26@945d0e7, fresh27@0d066c6 (first scored); fresh17..20@3c74a5e,
 * fresh21@e2e617b, fresh22..23@0d066c6, fresh24..25@b23b180, fresh26..27@226aa14 (last unseen). All snapshots were
 * made in detached worktrees of those commits with this file copied in, the file list in the labels' order (re-running
 * it for fresh12@1f0b17e, and on 2026-12-06 for fresh16@1dcde5d, gives the committed file byte for byte).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, extractFacts, loadDocument } from '@custody/extraction';
const [docsDir, listFile, tag] = process.argv.slice(2);
const uncalibrated = process.argv.includes('--uncalibrated');
const files = JSON.parse(readFileSync(listFile, 'utf8')) as string[];
type Quote = { start?: number; end?: number };
type Answer = { value: unknown; confidence: number; evidence: Quote[]; review?: unknown[] };
for (const file of files) {
  const bytes = readFileSync(join(docsDir, file));
  let answers: Record<string, Answer>;
  if (uncalibrated) {
    const doc = await loadDocument(bytes, file);
    const raw = extractFacts(doc.text, { sections: doc.sections, ...(doc.links ? { links: doc.links } : {}), uncalibrated: true }).facts as unknown as Record<string, Answer>;
    // sourceIndex[i] is the source offset of text character i.
    const src = (at?: number) => (at === undefined || !doc.sourceIndex ? at : doc.sourceIndex[Math.min(at, doc.sourceIndex.length - 1)]);
    answers = Object.fromEntries(Object.entries(raw).map(([k, f]) => [k, { ...f, evidence: f.evidence.map((e) => ({ start: src(e.start), end: src(e.end) })) }]));
  } else answers = (await extractDocument(bytes, file)).facts as unknown as Record<string, Answer>;
  const facts: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(answers)) facts[k] = { value: f.value, confidence: f.confidence, evidence: f.evidence.map((e) => ({ start: e.start, end: e.end })), review: f.review ?? [] };
  console.log(JSON.stringify({ tag, file, facts }));
}
