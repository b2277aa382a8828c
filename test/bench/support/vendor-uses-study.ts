/**
 * Study of the `vendorUses` names feature (calibration/vendor-uses.ts) on develop documents only (never a validation or
 * unseen set's): every name the extractor reads (asserted or withheld below the threshold) whose sentence casts it as
 * the vendor's own tool, whether the labels list it, and its calibrated confidence.
 *   npx tsx test/bench/support/vendor-uses-study.ts [--unlabelled]   (--unlabelled: unlabelled OTA documents instead)
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText, extractDocument, loadDocument } from '@custody/extraction';
import { vendorUsesNameIn } from '../../../libs/extraction/src/calibration/vendor-uses.js';
import { FRESH_SETS, labelledCorpora, normaliseName, OTA_DIR, OTA_DOCS, pickOf, VALIDATION_SETS } from './extraction-corpora.js';

const unlabelled = process.argv.includes('--unlabelled');
type Doc = { file: string; label?: string[] };
const docs: Doc[] = [];
if (!unlabelled) {
  for (const c of labelledCorpora([], { skipUnseen: true })) {
    if (!c.name.startsWith('ota-') || VALIDATION_SETS.has(c.name) || FRESH_SETS.some((s) => s.name === c.name && s.role === 'fresh')) continue;
    for (const l of c.labels) docs.push({ file: l.file, label: (l.facts.subprocessors_named as string[] | undefined) ?? [] });
  }
} else {
  const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string; sha256: string }[] };
  const labelled = (JSON.parse(readFileSync(join(OTA_DIR, 'labels.json'), 'utf8')) as { file: string }[]).map((l) => l.file);
  const taken = new Set(labelled);
  for (const set of FRESH_SETS) for (const f of pickOf(set.rule, index.documents, labelled)) (taken.add(f), labelled.push(f));
  for (const d of index.documents) if (!taken.has(d.path)) docs.push({ file: d.path });
}
let right = 0;
let wrong = 0;
for (const d of docs) {
  const bytes = readFileSync(join(OTA_DOCS, d.file));
  const res = (await extractDocument(bytes, d.file)) as unknown as { facts: { subprocessors_named: { value: string[]; review?: { value: unknown; reason: string }[] } } };
  const f = res.facts.subprocessors_named;
  const withheld = (f.review ?? []).filter((r) => r.reason.includes('calibrated confidence below')).flatMap((r) => r.value as string[]);
  const cands = [...(Array.isArray(f.value) ? f.value : []).map((n) => ({ n, kept: true })), ...withheld.map((n) => ({ n, kept: false }))];
  if (cands.length === 0) continue;
  const loaded = await loadDocument(bytes, d.file);
  const a = analyseText(loaded.text, loaded.sections);
  const labelSet = new Set((d.label ?? []).map(normaliseName));
  for (const { n, kept } of cands) {
    const s = a.sentences.find((x) => vendorUsesNameIn(x.view, n));
    if (!s) continue;
    const ok = labelSet.has(normaliseName(n));
    if (d.label) ok ? right++ : wrong++;
    console.log(`${d.label ? (ok ? 'RIGHT' : 'WRONG') : '?'} ${kept ? 'kept    ' : 'withheld'} ${d.file} :: ${n}\n    ${s.view.slice(0, 260)}`);
  }
}
if (!unlabelled) console.log(`develop: ${right} right, ${wrong} wrong`);
