/**
 * How well the extractor's document kind (`identifyDocument` → classify) reads the OTA corpus: a confusion table of
 * the kind it gives each of the 740 documents against the type Open Terms Archive recorded (the file name), mapped
 * to the extractor's kinds by {@link KIND_OF_TYPE}. The kind feeds calibration features and the bench's per-kind
 * report, so a misread kind is a wrong feature.
 *
 *   npx tsx test/bench/support/document-kinds.ts [--list] [--json OUT]
 *
 * `--list` prints each misread document's path, kind and title, except documents of the validation sets and the
 * unseen sets (their paths are only counted, so running it reveals nothing of them).
 * It also sets the kind against the labels' doc_type: per document of the develop sets (a table), and for the
 * validation sets only how many agree; the unseen sets' labels are not read.
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind } from '@custody/domain';
import { analyseText, loadDocument } from '@custody/extraction';
import { identifyDocument } from '../../../libs/extraction/src/text/document-info.js';
import { FRESH_SETS, OTA_DIR, OTA_DOCS, pickOf, ROOT, UNSEEN_ROLES, VALIDATION_SETS } from './extraction-corpora.js';

/**
 * The extractor's kind for each OTA document type. Terms-like contracts a user accepts (developer, commercial,
 * seller and partner terms, acceptable-use rules) are `terms`; controller/processor agreements are `dpa`; policies
 * that are neither a privacy notice nor terms of use (law-enforcement guidelines, cookie/trackers policies,
 * community and brand guidelines, copyright procedures, imprints) are `other`.
 */
export const KIND_OF_TYPE: Record<string, DocumentKind> = {
  'Privacy Policy': 'privacy_policy',
  'Parent Organization Privacy Policy': 'privacy_policy',
  'Terms of Service': 'terms',
  'Parent Organization Terms': 'terms',
  'Commercial Terms': 'terms',
  'Developer Terms': 'terms',
  'Acceptable Use Policy': 'terms',
  'Marketplace Sellers Conditions': 'terms',
  'Premium Partner Conditions': 'terms',
  'Data Processor Agreement': 'dpa',
  'Data Controller Agreement': 'dpa',
};
const kindOfType = (type: string): DocumentKind => KIND_OF_TYPE[type] ?? 'other';
const KINDS: DocumentKind[] = ['baa', 'dpa', 'contract', 'privacy_policy', 'terms', 'other'];

const args = process.argv.slice(2);
const list = args.includes('--list');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string; sha256: string; chars?: number }[] };

// Validation (ota-fresh10..12) and the unseen sets: counted, never listed.
const hidden = new Set<string>();
const labelled = (JSON.parse(readFileSync(join(OTA_DIR, 'labels.json'), 'utf8')) as { file: string }[]).map((l) => l.file);
for (const set of FRESH_SETS) {
  const picks = pickOf(set.rule, index.documents, labelled);
  if (UNSEEN_ROLES.has(set.role) || VALIDATION_SETS.has(set.name)) for (const p of picks) hidden.add(p);
  labelled.push(...picks);
}

const table = new Map<string, number>();
const byType = new Map<string, Map<DocumentKind, number>>();
const misread: { path: string; kind: DocumentKind; expected: DocumentKind; title?: string }[] = [];
const kinds: Record<string, DocumentKind> = {};
let hiddenMisread = 0;
for (const d of index.documents) {
  const type = d.path.slice(d.path.indexOf('/') + 1).replace(/\.md$/, '');
  const doc = await loadDocument(readFileSync(join(OTA_DOCS, d.path)), d.path);
  const id = identifyDocument(analyseText(doc.text, doc.sections && doc.sections.length > 0 ? doc.sections : undefined));
  const expected = kindOfType(type);
  kinds[d.path] = id.kind;
  table.set(`${expected}|${id.kind}`, (table.get(`${expected}|${id.kind}`) ?? 0) + 1);
  const t = byType.get(type) ?? new Map<DocumentKind, number>();
  t.set(id.kind, (t.get(id.kind) ?? 0) + 1);
  byType.set(type, t);
  if (id.kind !== expected) {
    if (hidden.has(d.path)) hiddenMisread++;
    else misread.push({ path: d.path, kind: id.kind, expected, title: id.title });
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const right = KINDS.reduce((n, k) => n + (table.get(`${k}|${k}`) ?? 0), 0);
console.log(`${index.documents.length} OTA documents: classify() agrees with the recorded type on ${right} (${((100 * right) / index.documents.length).toFixed(1)} %)`);
console.log(`rows: recorded type mapped to a kind; columns: classify()\n${pad('', 15)}${KINDS.map((k) => pad(k, 15)).join('')}`);
for (const e of KINDS) {
  const row = KINDS.map((k) => table.get(`${e}|${k}`) ?? 0);
  if (row.some((n) => n > 0)) console.log(`${pad(e, 15)}${row.map((n) => pad(n, 15)).join('')}`);
}
console.log('\nper recorded type (→ expected kind): classify() counts');
for (const [type, m] of [...byType.entries()].sort((a, b) => [...b[1].values()].reduce((x, y) => x + y) - [...a[1].values()].reduce((x, y) => x + y)))
  console.log(`  ${type} → ${kindOfType(type)}: ${[...m.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`\nmisread: ${misread.length + hiddenMisread} (${hiddenMisread} in validation/unseen sets, not listed)`);
if (list) for (const m of misread) console.log(`  ${m.path}: ${m.kind} (expected ${m.expected}); title ${JSON.stringify(m.title ?? null)}`);

// Against the labels' doc_type (the labelling conventions' reading of the document, e.g. a cookie policy labelled a
// privacy policy): develop sets as a table, validation as a count, unseen sets not read.
const labelTable = new Map<string, number>();
const validation = { agree: 0, all: 0 };
for (const set of FRESH_SETS) {
  if (UNSEEN_ROLES.has(set.role)) continue;
  const labels = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'ota-labels', set.file), 'utf8')) as { file: string; doc_type: string }[];
  for (const l of labels) {
    const kind = kinds[l.file];
    if (!kind) continue;
    if (VALIDATION_SETS.has(set.name)) {
      validation.all++;
      if (kind === l.doc_type) validation.agree++;
    } else labelTable.set(`${l.doc_type}|${kind}`, (labelTable.get(`${l.doc_type}|${kind}`) ?? 0) + 1);
  }
}
const labelTotal = [...labelTable.values()].reduce((x, y) => x + y, 0);
const labelRight = [...labelTable.entries()].filter(([k]) => k.split('|')[0] === k.split('|')[1]).reduce((n, [, v]) => n + v, 0);
console.log(`
develop labels: classify() agrees with doc_type on ${labelRight} of ${labelTotal}; validation: ${validation.agree} of ${validation.all}`);
for (const [k, n] of [...labelTable.entries()].sort()) console.log(`  doc_type ${k.replace('|', ' → ')}: ${n}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(kinds, null, 1) + '\n');
