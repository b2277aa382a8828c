/**
 * Compares two extraction-guard outputs (base, branch) fact by fact and prints the changed answers of unlabelled and
 * develop OTA documents with their evidence; for validation and unseen documents (ota-fresh10/11/12 and role 'fresh'
 * sets) only how many answers changed, never which (xread honesty rules).
 *   npx tsx test/bench/support/guard-diff.ts /tmp/base.jsonl /tmp/branch.jsonl
 * OTA data © Open Terms Archive contributors, ODC-BY 1.0.
 */
import { readFileSync } from 'node:fs';
import { otaGroups } from './ota-groups.js';

type Line = { file: string; result?: { facts: Record<string, { value: unknown; evidence?: { quote?: string }[] }> }; error?: string };
const read = (p: string) => new Map(readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Line).map((l) => [l.file, l]));
const [basePath, branchPath] = process.argv.slice(2);
const base = read(basePath);
const branch = read(branchPath);

const { groupOf } = otaGroups();
const hidden: Record<string, number> = { validation: 0, unseen: 0 };
let shown = 0;
for (const [file, b] of branch) {
  const a = base.get(file);
  const g = groupOf(file);
  const fa = a?.result?.facts ?? {};
  const fb = b.result?.facts ?? {};
  for (const fact of new Set([...Object.keys(fa), ...Object.keys(fb)])) {
    const va = JSON.stringify(fa[fact]?.value);
    const vb = JSON.stringify(fb[fact]?.value);
    if (va === vb) continue;
    if (g === 'validation' || g === 'unseen') {
      hidden[g]++;
      continue;
    }
    shown++;
    const q = (f?: { evidence?: { quote?: string }[] }) => (f?.evidence ?? []).map((e) => e.quote).join(' | ').slice(0, 400);
    console.log(`[${g}] ${file} ${fact}: ${va} -> ${vb}\n  base:   ${q(fa[fact])}\n  branch: ${q(fb[fact])}`);
  }
}
console.log(`${shown} changed answers shown; hidden (counts only): validation ${hidden.validation}, unseen ${hidden.unseen}`);
