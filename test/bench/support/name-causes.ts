/**
 * Where each sub-processor-name miss of the develop sets sits in its document, for a cause table (issue 7):
 * reads a bench JSON (`extraction.bench.ts --quick --json`), keeps the `subprocessors_named` mismatches of the
 * develop corpora only (role 'tune' minus the validation sets; never a 'fresh' set), and prints per FN/FP name
 * the line it first occurs on and the nearest preceding lead-in (the last line that is not a list item or table row).
 *
 *   npx tsx test/bench/support/name-causes.ts OUT.json [--validation ota-fresh10,ota-fresh11,ota-fresh12]
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseName, OTA_DOCS } from './extraction-corpora.js';

const file = process.argv[2];
const vi = process.argv.indexOf('--validation');
const validation = new Set((vi > 0 ? process.argv[vi + 1] : 'ota-fresh10,ota-fresh11,ota-fresh12').split(','));
const bench = JSON.parse(readFileSync(file, 'utf8')) as { corpora: { name: string; role: string; mismatches: string[] }[] };
const short = (s: string, n = 220) => (s.length > n ? s.slice(0, n) + '…' : s);
let fnTotal = 0;
let fpTotal = 0;
for (const c of bench.corpora) {
  if (c.role !== 'tune' || validation.has(c.name)) continue;
  for (const m of c.mismatches) {
    const hit = /^(.*?) subprocessors_named: predicted (\[.*\]), label (\[.*\])$/.exec(m);
    if (!hit) continue;
    const [, doc, predRaw, labelRaw] = hit;
    const pred = JSON.parse(predRaw) as string[];
    const label = JSON.parse(labelRaw) as string[];
    const pn = new Set(pred.map(normaliseName));
    const ln = new Set(label.map(normaliseName));
    let text = '';
    try {
      text = readFileSync(join(OTA_DOCS, doc), 'utf8');
    } catch {
      text = '';
    }
    const lines = text.split('\n');
    const where = (name: string) => {
      const bare = name.replace(/,? (Inc|LLC|Ltd|Limited|GmbH|S\.A|B\.V|Corp|Corporation)\.?$/i, '');
      const i = lines.findIndex((l) => l.toLowerCase().includes(bare.toLowerCase()));
      if (i < 0) return '  (not found verbatim)';
      let j = i - 1;
      while (j >= 0 && (/^\s*([-*+]|\d+\.|\|)/.test(lines[j]) || lines[j].trim() === '')) j--;
      const lead = j >= 0 && j !== i ? `\n      lead: ${short(lines[j].trim())}` : '';
      return `\n      line ${i}: ${short(lines[i].trim(), 300)}${lead}`;
    };
    for (const n of label.filter((x) => !pn.has(normaliseName(x)))) {
      fnTotal++;
      console.log(`FN ${c.name} | ${doc} | ${n}${where(n)}`);
    }
    for (const n of pred.filter((x) => !ln.has(normaliseName(x)))) {
      fpTotal++;
      console.log(`FP ${c.name} | ${doc} | ${n}${where(n)}`);
    }
  }
}
console.log(`develop names: FN ${fnTotal}, FP ${fpTotal}`);
