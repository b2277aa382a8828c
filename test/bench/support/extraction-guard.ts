/**
 * Correctness guard for extraction speed work: every OTA document (index.json) through `extractDocument`,
 * one JSON line per document with the whole result (fact values, confidences, evidence quotes and offsets,
 * review candidates). Run it on two checkouts and compare the files byte for byte:
 *
 *   npx tsx test/bench/support/extraction-guard.ts /tmp/facts-branch.jsonl
 *   (cd ../base && npx tsx test/bench/support/extraction-guard.ts /tmp/facts-base.jsonl)
 *   cmp /tmp/facts-base.jsonl /tmp/facts-branch.jsonl
 *
 * It prints only totals (documents, MB, CPU seconds for load + extract), never a document's facts, so running
 * it reveals nothing about the unseen sets; `--big` also times extractFacts over ~20 MB of the OTA texts (all
 * documents' texts joined) and adds that result to the file.
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, extractFacts, loadDocument } from '@custody/extraction';
import { OTA_DIR, OTA_DOCS } from './extraction-corpora.js';

const out = process.argv.slice(2).find((a) => !a.startsWith('--'));
const big = process.argv.includes('--big');
const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string }[] };
const lines: string[] = [];
const texts: string[] = [];
let bytesTotal = 0;
let cpuMicros = 0;
for (const d of index.documents) {
  const bytes = readFileSync(join(OTA_DOCS, d.path));
  bytesTotal += bytes.length;
  const c0 = process.cpuUsage();
  let line: string;
  try {
    line = JSON.stringify({ file: d.path, result: await extractDocument(bytes, d.path) });
  } catch (err) {
    line = JSON.stringify({ file: d.path, error: (err as Error).message });
  }
  const c = process.cpuUsage(c0);
  cpuMicros += c.user + c.system;
  lines.push(line);
  if (big) texts.push((await loadDocument(bytes, d.path)).text);
}
if (out) writeFileSync(out, lines.join('\n') + '\n');
const mb = bytesTotal / (1024 * 1024);
console.log(`${index.documents.length} documents, ${mb.toFixed(1)} MB, ${(cpuMicros / 1e6).toFixed(2)} s CPU = ${(mb / (cpuMicros / 1e6)).toFixed(2)} MB/s per core`);
if (big) {
  const unit = texts.join('\n\n');
  const text = unit.length >= 20 * 1024 * 1024 ? unit.slice(0, 20 * 1024 * 1024) : unit;
  const c0 = process.cpuUsage();
  const result = extractFacts(text);
  const c = process.cpuUsage(c0);
  // The long text's facts too: some readers take another path past a length (see LONG_TEXT in the readers).
  if (out) appendFileSync(out, JSON.stringify({ file: '(all OTA texts, first 20 MB)', result }) + '\n');
  const s = (c.user + c.system) / 1e6;
  const bmb = text.length / (1024 * 1024);
  console.log(`one ${bmb.toFixed(1)} MB text: ${s.toFixed(2)} s CPU = ${(bmb / s).toFixed(2)} MB/s per core`);
}
