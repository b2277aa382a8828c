/**
 * Precision sample of the `subprocessors_named` names asserted on UNLABELLED OTA documents (never validation or unseen
 * ones: ota-groups.ts decides, as for guard-diff.ts and fact-audit-sample.ts), one name at a time with the sentence it
 * was read from, to judge by hand whether each is a third party receiving the users' data (README conventions).
 *
 * The sample is the first N (document, name) pairs in an order fixed by a seeded hash of the pair, not by the run: given
 * a second guard output, both runs are ordered the same way, so the pairs they share keep their places and each run's
 * sample is its own first N. Every pair of either sample is printed once, marked base / branch / both, so one judging
 * pass gives the precision of each run.
 *   npx tsx test/bench/support/name-audit-sample.ts BASE.jsonl [BRANCH.jsonl] [--seed 3030] [--names 40] [--per-doc 2]
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OTA_DOCS } from './extraction-corpora.js';
import { otaGroups } from './ota-groups.js';

type Evidence = { quote?: string; start?: number; end?: number };
type Answer = { value: unknown; evidence?: Evidence[] };
type Line = { file: string; result?: { facts: Record<string, Answer> } };
type Pair = { file: string; name: string; key: string };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const [basePath, branchPath] = positional;
if (!basePath) throw new Error('usage: name-audit-sample.ts BASE.jsonl [BRANCH.jsonl] [--seed N] [--names N] [--per-doc N]');
const seed = arg('seed', '3030');
const n = Number(arg('names', '40'));
// At most this many names of one document: a table of eighty sub-processors would otherwise fill the sample.
const perDoc = Number(arg('per-doc', '2'));

const read = (p: string) => new Map(readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line).map((l) => [l.file, l]));
const { groupOf } = otaGroups();
const texts = new Map<string, string>();
const textOf = (f: string) => texts.get(f) ?? (texts.set(f, readFileSync(join(OTA_DOCS, f), 'utf8')), texts.get(f)!);
const rank = (file: string, name: string) => createHash('sha256').update(`${seed}\u0000${file}\u0000${name.toLowerCase()}`).digest('hex');

/** The run's names on unlabelled documents, in the seeded order, first `n`. */
function sampleOf(run: Map<string, Line>): Pair[] {
  const pairs: Pair[] = [];
  for (const [file, line] of run) {
    if (groupOf(file) !== 'unlabelled') continue;
    const v = line.result?.facts.subprocessors_named?.value;
    if (Array.isArray(v)) for (const name of v as string[]) pairs.push({ file, name, key: rank(file, name) });
  }
  const count = new Map<string, number>();
  return pairs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((p) => {
      const k = (count.get(p.file) ?? 0) + 1;
      count.set(p.file, k);
      return k <= perDoc;
    })
    .slice(0, n);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');
/** The quote the name was read from (the first evidence holding it, else its first place in the text), with context. */
function where(file: string, name: string, a: Answer | undefined): string {
  const text = textOf(file);
  const lower = name.toLowerCase();
  const e = (a?.evidence ?? []).find((x) => x.quote?.toLowerCase().includes(lower));
  // Evidence offsets are the loaded text's, not the file's: the quote is found in the file by its words.
  const q = e?.quote ? text.indexOf(e.quote) : -1;
  let at = q >= 0 ? q + e!.quote!.toLowerCase().indexOf(lower) : -1;
  if (at < 0) at = text.toLowerCase().indexOf(lower);
  if (at < 0) return flat(e?.quote ?? '(not found in the text)');
  return flat(`…${text.slice(Math.max(0, at - 260), at)}[[${text.slice(at, at + name.length)}]]${text.slice(at + name.length, at + name.length + 200)}…`);
}

const base = read(basePath);
const branch = branchPath ? read(branchPath) : undefined;
const inBase = sampleOf(base);
const inBranch = branch ? sampleOf(branch) : [];
const seen = new Map<string, Pair & { runs: string[] }>();
for (const [runName, pairs] of [['base', inBase], ['branch', inBranch]] as const) {
  for (const p of pairs) {
    const k = `${p.file}\u0000${p.name}`;
    const got = seen.get(k) ?? { ...p, runs: [] };
    got.runs.push(runName);
    seen.set(k, got);
  }
}
const all = [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
console.log(`#### subprocessors_named names on unlabelled documents (seed ${seed}): base ${inBase.length}${branch ? `, branch ${inBranch.length}` : ''}; ${all.length} to judge`);
all.forEach((p, i) => {
  const mark = !branch ? '' : p.runs.length === 2 ? ' [both]' : ` [${p.runs[0]} only]`;
  const answer = (p.runs.includes('base') ? base : branch!).get(p.file)?.result?.facts.subprocessors_named;
  console.log(`\n[n${i + 1}]${mark} ${p.file}: ${p.name}\n  ${where(p.file, p.name, answer)}`);
});
