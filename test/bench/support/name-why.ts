/**
 * Why a name is or is not read in one OTA document: the sentences that mention it, whether each is a list item or
 * table row, its block's role (list-context.ts) and reason, and the extractor's answer and review candidates.
 * For develop documents only (never a 'fresh' set's).   npx tsx test/bench/support/name-why.ts "Svc/Doc.md" Name …
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText, extractDocument, loadDocument } from '@custody/extraction';
import { blockIndex } from '../../../libs/extraction/src/clauses/list-context.js';
import { OTA_DOCS } from './extraction-corpora.js';

const [doc, ...names] = process.argv.slice(2);
const bytes = readFileSync(join(OTA_DOCS, doc));
const loaded = await loadDocument(bytes, doc);
const a = analyseText(loaded.text, loaded.sections);
const entries = blockIndex(a.text, a.sentences);
const res = (await extractDocument(bytes, doc)) as unknown as { facts: Record<string, { value: unknown; review?: unknown }> };
const fact = res.facts.subprocessors_named;
console.log('answer', JSON.stringify(fact.value));
if (fact.review) console.log('review', JSON.stringify(fact.review).slice(0, Number(process.env.REVIEW_CHARS ?? 600)));
for (const n of names) {
  for (const s of a.sentences.filter((x) => x.view.toLowerCase().includes(n.toLowerCase())).slice(0, 3)) {
    const e = entries.get(s.index);
    const intro = e?.block.intro?.view.slice(-160);
    console.log(`\n[${n}] #${s.index} ${s.isHeading ? 'H ' : ''}${e ? e.block.kind + ' role=' + e.context.role + ' (' + e.context.reason + ')' : 'prose'}\n  ${s.view.slice(0, 240)}\n  intro: ${intro ?? '-'}\n  heading: ${s.heading ?? '-'}`);
  }
}
