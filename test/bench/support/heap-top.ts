/**
 * What holds a heap: reads a V8 `.heapsnapshot` (streamed, so snapshots past the 512 MB string limit load),
 * builds the dominator tree and prints, by class, the count, shallow size and retained size (an object's
 * retained size counted once per class: not again under an object of the same class), then the largest
 * single retainers with the path that holds them. For memory work on the audit core (issue 11):
 *
 *   npx tsx test/bench/audit.bench.ts --write fleet --size 20000 --dir /tmp/ws
 *   node --max-old-space-size=4096 --import tsx test/bench/audit.bench.ts --phase custody --dir /tmp/ws --heap-snapshots /tmp/snap
 *   npx tsx test/bench/support/heap-top.ts /tmp/snap/2-project.heapsnapshot 40
 *
 * Classes are V8's node names: an object's constructor ("Object" for literals), "(string)", "(sliced string)",
 * "(concatenated string)", "(array)", "(closure) NAME", "(code)", "(hidden)" … Weak edges do not retain.
 */
import { dominators } from './heap-dominators.js';
import { readSnapshot } from './heap-snapshot.js';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: heap-top.ts FILE.heapsnapshot [N]');
const top = Number(topArg ?? 30);

const snapshot = await readSnapshot(file);
const { nodes, edges, strings } = snapshot;
const {
  N, NF, EF, nSelf, eType, eName, WEAK, ELEMENT, HIDDEN,
  firstEdge, target, classOf, post, count, idom, retained, byGroup,
} = dominators(snapshot);

// Per class: count, shallow, retained (a node under a same-class dominator is not counted again).
const classIds = new Map<string, number>();
const cls = new Int32Array(N);
for (let v = 0; v < N; v++) {
  const c = classOf(v);
  let id = classIds.get(c);
  if (id === undefined) classIds.set(c, (id = classIds.size));
  cls[v] = id;
}
const C = classIds.size;

const { count: cCount, self: cSelf, retained: cRetained } = byGroup(cls, C);
const names = [...classIds.keys()];
const MB = (b: number) => (b / 1048576).toFixed(1).padStart(8);
let total = 0;
for (let v = 0; v < N; v++) if (post[v]! >= 0) total += nodes[v * NF + nSelf]!;
console.log(`${file}: ${count} reachable nodes of ${N}, ${MB(total).trim()} MB reachable`);
console.log(`\nBy class (top ${top} by retained; MB)\n${'retained'.padStart(8)} ${'shallow'.padStart(8)} ${'count'.padStart(9)}  class`);
const byRetained = [...Array(C).keys()].sort((a, b) => cRetained[b]! - cRetained[a]!);
for (const c of byRetained.slice(0, top)) console.log(`${MB(cRetained[c]!)} ${MB(cSelf[c]!)} ${String(cCount[c]).padStart(9)}  ${names[c]}`);
console.log(`\nBy class (top ${top} by shallow size; MB)`);
for (const c of [...Array(C).keys()].sort((a, b) => cSelf[b]! - cSelf[a]!).slice(0, top)) console.log(`${MB(cRetained[c]!)} ${MB(cSelf[c]!)} ${String(cCount[c]).padStart(9)}  ${names[c]}`);

// The largest retainers: nodes whose retained size is large and whose dominator retains much more (so the
// list is not one chain of nested holders), each with a path from a GC root.
const parentEdge = new Int32Array(N).fill(-1);
for (let v = 0; v < N; v++) {
  if (post[v]! < 0) continue;
  for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) {
    if (edges[e + eType] === WEAK) continue;
    const w = target(e);
    if (idom[w] === v && parentEdge[w]! < 0) parentEdge[w] = e;
  }
}
const edgeLabel = (e: number) => {
  const t = edges[e + eType]!;
  const nm = edges[e + eName]!;
  return t === ELEMENT || t === HIDDEN ? `[${nm}]` : `.${strings[nm] ?? nm}`;
};
const ownerOf = (e: number) => {
  // The node an edge starts at: binary search over firstEdge.
  let lo = 0;
  let hi = N - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstEdge[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};
const path = (v: number) => {
  const parts: string[] = [];
  for (let w = v, k = 0; w !== 0 && k < 12; k++) {
    const e = parentEdge[w]!;
    const d = idom[w]!;
    if (e < 0) {
      parts.push(`<${classOf(w)}>`);
      w = d;
      continue;
    }
    parts.push(`${edgeLabel(e)}<${classOf(w)}>`);
    w = ownerOf(e);
  }
  return parts.reverse().join('');
};
const big = [...Array(N).keys()].filter((v) => v !== 0 && retained[v]! > total / 200 && retained[v]! < retained[idom[v]!]! * 0.9).sort((a, b) => retained[b]! - retained[a]!);
console.log(`\nLargest retainers (over 0.5% of the heap, not most of their dominator's; MB retained)`);
for (const v of big.slice(0, top)) console.log(`${MB(retained[v]!)}  ${classOf(v)}  ${path(v)}`);

// By holder: each node counted under the property that holds it in the dominator tree ("Object.evidence",
// "Array[]"), once per key on a path, so nested holders of one kind are not summed twice.
{
  const keyIds = new Map<string, number>();
  const key = new Int32Array(N).fill(-1);
  for (let v = 1; v < N; v++) {
    const e = parentEdge[v]!;
    if (e < 0) continue;
    const t = edges[e + eType]!;
    const label = t === ELEMENT || t === HIDDEN ? '[]' : `.${strings[edges[e + eName]!] ?? ''}`;
    const k = `${classOf(ownerOf(e))}${label}`;
    let id = keyIds.get(k);
    if (id === undefined) keyIds.set(k, (id = keyIds.size));
    key[v] = id;
  }
  const K = keyIds.size;
  const { count: kCount, retained: kRetained } = byGroup(key, K);
  const keys = [...keyIds.keys()];
  console.log(`\nBy holder (top ${top} by retained; MB)\n${'retained'.padStart(8)} ${'count'.padStart(9)}  holder`);
  for (const k of [...Array(K).keys()].sort((a, b) => kRetained[b]! - kRetained[a]!).slice(0, top)) console.log(`${MB(kRetained[k]!)} ${String(kCount[k]).padStart(9)}  ${keys[k]}`);
}
