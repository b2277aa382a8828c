/**
 * Facts of every OTA document, to see exactly what a change to the extractor flips (issue 7: read every flip).
 *
 *   npx tsx test/bench/support/facts-snapshot.ts dump /tmp/base.json       # every document's facts and quotes
 *   npx tsx test/bench/support/facts-snapshot.ts diff /tmp/base.json /tmp/branch.json
 *
 *   npx tsx test/bench/support/facts-snapshot.ts list /tmp/base.json <fact>  # what a fact asserts, to read for false positives
 *
 * `diff` prints one line per changed (document, fact) with both values and the branch's quote, except for the
 * documents of services in the unseen sets (role `fresh` in FRESH_SETS): those are only counted, so nobody reads
 * them. The unseen services are computed from the selection rules, without opening the unseen label files.
 * `list` prints every assertion of one fact (value and quote) on the documents outside the unseen services, to
 * read the unlabelled documents' answers for false positives (precision before recall).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_NAMES } from '@custody/domain';
import { extractDocument } from '@custody/extraction';
import type { Label } from './extraction-corpora.js';
import { FRESH_SETS, OTA_DIR, OTA_DOCS, pickOf } from './extraction-corpora.js';

type IndexDoc = { path: string; sha256: string; chars?: number };
type Snapshot = Record<string, Record<string, { value: unknown; quote?: string }>>;

const index = (JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: IndexDoc[] }).documents;
const filesOf = (file: string): string[] => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Label[]).map((l) => l.file) : []);

/** Services of the unseen sets (role `fresh`), from the rules in the order the bench chains them (no label file is opened). */
function unseenServices(): Set<string> {
  const labelled = filesOf(join(OTA_DIR, 'labels.json'));
  const unseen: string[] = [];
  for (const set of FRESH_SETS) {
    const picked = pickOf(set.rule, index, labelled);
    if (set.role === 'fresh') unseen.push(...picked);
    labelled.push(...picked);
  }
  return new Set(unseen.map((f) => f.split('/')[0]));
}

async function dump(out: string): Promise<void> {
  const snap: Snapshot = {};
  for (const d of index) {
    const result = await extractDocument(readFileSync(join(OTA_DOCS, d.path)), d.path);
    snap[d.path] = Object.fromEntries(FACT_NAMES.map((f) => [f, { value: result.facts[f].value, quote: result.facts[f].evidence[0]?.quote }]));
  }
  writeFileSync(out, JSON.stringify(snap));
  console.log(`${Object.keys(snap).length} documents written to ${out}`);
}

function diff(baseFile: string, branchFile: string): void {
  const base = JSON.parse(readFileSync(baseFile, 'utf8')) as Snapshot;
  const branch = JSON.parse(readFileSync(branchFile, 'utf8')) as Snapshot;
  const hidden = unseenServices();
  let hiddenFlips = 0;
  const perFact: Record<string, number> = {};
  for (const file of Object.keys(branch).sort()) {
    for (const f of FACT_NAMES) {
      const a = JSON.stringify(base[file]?.[f]?.value ?? null);
      const b = JSON.stringify(branch[file][f].value ?? null);
      if (a === b) continue;
      perFact[f] = (perFact[f] ?? 0) + 1;
      if (hidden.has(file.split('/')[0])) {
        hiddenFlips++;
        continue;
      }
      const q = branch[file][f].quote ?? base[file]?.[f]?.quote ?? '';
      console.log(`${file} ${f}: ${a} -> ${b}\n    "${q.replace(/\s+/g, ' ').slice(0, 300)}"`);
    }
  }
  console.log(`flips per fact: ${JSON.stringify(perFact)}; ${hiddenFlips} in unseen services (not shown)`);
}

function list(snapFile: string, fact: string): void {
  const snap = JSON.parse(readFileSync(snapFile, 'utf8')) as Snapshot;
  const hidden = unseenServices();
  let shown = 0;
  for (const file of Object.keys(snap).sort()) {
    if (hidden.has(file.split('/')[0])) continue;
    const v = snap[file][fact];
    if (!v || v.value === null || v.value === 'unspecified' || (Array.isArray(v.value) && v.value.length === 0)) continue;
    shown++;
    console.log(`${file}: ${JSON.stringify(v.value)}\n    "${(v.quote ?? '').replace(/\s+/g, ' ').slice(0, 300)}"`);
  }
  console.log(`${shown} documents assert ${fact} (unseen services left out)`);
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'dump' && a) await dump(a);
else if (mode === 'diff' && a && b) diff(a, b);
else if (mode === 'list' && a && b) list(a, b);
else {
  console.error('usage: facts-snapshot.ts dump <out.json> | diff <base.json> <branch.json> | list <snapshot.json> <fact>');
  process.exit(2);
}
