/**
 * Per-document facts over every OTA document (index.json), to compare an extractor change against its base:
 *
 *   npx tsx test/bench/support/facts-snapshot.ts dump OUT.json [FACT ...]   # values of FACT (all facts if none) per document
 *   npx tsx test/bench/support/facts-snapshot.ts diff BASE.json BRANCH.json   # the documents whose values differ
 *
 * Run `dump` in a worktree of the base and in the branch, then `diff`: every flip is printed for a person to judge
 * (a name gained or lost, a value changed). Documents of the unseen labelled sets (role `fresh` in
 * extraction-corpora.ts) are never printed: their flips are only counted, so nobody tunes on them.
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactName } from '@custody/domain';
import { FACT_NAMES } from '@custody/domain';
import { extractDocument } from '@custody/extraction';
import { labelledCorpora, OTA_DIR, OTA_DOCS } from './extraction-corpora.js';

type Snapshot = Record<string, Partial<Record<FactName, unknown>>>;

async function dump(out: string, facts: FactName[]): Promise<void> {
  const index = JSON.parse(readFileSync(join(OTA_DIR, 'index.json'), 'utf8')) as { documents: { path: string }[] };
  const snap: Snapshot = {};
  for (const d of index.documents) {
    const result = await extractDocument(readFileSync(join(OTA_DOCS, d.path)), d.path);
    snap[d.path] = Object.fromEntries(facts.map((f) => [f, (result.facts[f] as { value: unknown }).value]));
  }
  writeFileSync(out, JSON.stringify(snap, null, 1));
  console.log(`${Object.keys(snap).length} documents → ${out}`);
}

/** What changed in one fact of one document, in words: names gained and lost, or the old and new value. */
function flip(a: unknown, b: unknown): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (Array.isArray(a) || Array.isArray(b)) {
    const before = new Set((a as string[] | null) ?? []);
    const after = new Set((b as string[] | null) ?? []);
    const gained = [...after].filter((x) => !before.has(x));
    const lost = [...before].filter((x) => !after.has(x));
    if (gained.length === 0 && lost.length === 0) return undefined;
    return [gained.length ? `+ ${JSON.stringify(gained)}` : '', lost.length ? `- ${JSON.stringify(lost)}` : ''].filter(Boolean).join('  ');
  }
  return `${JSON.stringify(a)} → ${JSON.stringify(b)}`;
}

function diff(baseFile: string, branchFile: string): void {
  const base = JSON.parse(readFileSync(baseFile, 'utf8')) as Snapshot;
  const branch = JSON.parse(readFileSync(branchFile, 'utf8')) as Snapshot;
  const unseen = new Set(labelledCorpora().filter((c) => c.role === 'fresh').flatMap((c) => c.labels.map((l) => l.file)));
  let docs = 0;
  let hidden = 0;
  const perFact = new Map<string, number>();
  for (const path of Object.keys(base)) {
    const lines: string[] = [];
    for (const f of FACT_NAMES) {
      if (!(f in base[path]) && !(f in (branch[path] ?? {}))) continue;
      const d = flip(base[path][f], branch[path]?.[f]);
      if (!d) continue;
      lines.push(`  ${f}: ${d}`);
      perFact.set(f, (perFact.get(f) ?? 0) + 1);
    }
    if (lines.length === 0) continue;
    docs++;
    if (unseen.has(path)) {
      hidden++;
      continue;
    }
    console.log(path);
    for (const l of lines) console.log(l);
  }
  console.log(`\n${docs} documents changed (${hidden} of them in unseen sets, not shown); flips per fact: ${[...perFact].map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`);
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'dump' && args[0]) await dump(args[0], (args.slice(1).length ? args.slice(1) : FACT_NAMES) as FactName[]);
else if (cmd === 'diff' && args[0] && args[1]) diff(args[0], args[1]);
else {
  console.error('usage: facts-snapshot.ts dump OUT.json [FACT ...] | diff BASE.json BRANCH.json');
  process.exit(2);
}
