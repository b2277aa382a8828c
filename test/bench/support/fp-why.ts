/**
 * One develop document's answer to one fact with its evidence and confidence (after calibration and uncalibrated),
 * for a cause table of false positives (issue 7). For develop documents only (never a 'fresh' or validation set's).
 *   npx tsx test/bench/support/fp-why.ts "Svc/Doc.md" fact
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, extractFacts, loadDocument } from '@custody/extraction';
import { OTA_DOCS } from './extraction-corpora.js';

type Quote = { start?: number; end?: number; quote?: string; text?: string };
type Answer = { value: unknown; confidence: number; evidence: Quote[]; review?: unknown[]; [k: string]: unknown };
const [doc, fact] = process.argv.slice(2);
const bytes = readFileSync(join(OTA_DOCS, doc));
const res = (await extractDocument(bytes, doc)) as unknown as { facts: Record<string, Answer>; document?: unknown };
const f = res.facts[fact];
console.log('document', JSON.stringify(res.document));
console.log('calibrated', JSON.stringify(f.value), f.confidence);
for (const e of f.evidence) console.log('  ev:', JSON.stringify(e).slice(0, 700));
const loaded = await loadDocument(bytes, doc);
const raw = extractFacts(loaded.text, { sections: loaded.sections, ...(loaded.links ? { links: loaded.links } : {}), uncalibrated: true })
  .facts as unknown as Record<string, Answer>;
const r = raw[fact];
console.log('uncalibrated', JSON.stringify(r.value), r.confidence);
for (const e of r.evidence) console.log('  ev:', JSON.stringify(e).slice(0, 700));
if (f.review) for (const c of f.review.slice(0, 6)) console.log('  review:', JSON.stringify(c).slice(0, 400));
