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
import { createReadStream } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: heap-top.ts FILE.heapsnapshot [N]');
const top = Number(topArg ?? 30);

interface Meta { node_fields: string[]; node_types: (string[] | string)[]; edge_fields: string[]; edge_types: (string[] | string)[] }

/** The snapshot's header, nodes, edges and strings; the trace sections are skipped. */
async function readSnapshot(path: string) {
  let header = '';
  let meta: Meta | undefined;
  let nodes = new Float64Array(0);
  let edges = new Uint32Array(0);
  const strings: string[] = [];
  let section: 'header' | 'seek' | 'nodes' | 'edges' | 'skip' | 'strings' | 'done' = 'header';
  let key = '';
  let n = 0;
  let num = 0;
  let inNum = false;
  let fill = 0;
  // Strings: raw bytes of the current token (with its quotes), then JSON.parse.
  let strParts: Buffer[] = [];
  let inStr = false;
  let escaped = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      if (section === 'header') {
        const text = chunk.toString('latin1', i);
        header += text;
        const at = header.indexOf('"nodes":[');
        if (at < 0) break;
        const snap = JSON.parse(`${header.slice(0, header.lastIndexOf(',', at))}}`) as { snapshot: { meta: Meta; node_count: number; edge_count: number } };
        meta = snap.snapshot.meta;
        nodes = new Float64Array(snap.snapshot.node_count * meta.node_fields.length);
        edges = new Uint32Array(snap.snapshot.edge_count * meta.edge_fields.length);
        i += at + '"nodes":['.length - (header.length - text.length);
        header = '';
        section = 'nodes';
        fill = 0;
        continue;
      }
      if (section === 'nodes' || section === 'edges') {
        const out = section === 'nodes' ? nodes : edges;
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c >= 48 && c <= 57) {
            num = num * 10 + (c - 48);
            inNum = true;
          } else if (c === 44 || c === 93) {
            if (inNum) out[fill++] = num;
            num = 0;
            inNum = false;
            if (c === 93) {
              i++;
              section = 'seek';
              key = '';
              break;
            }
          }
        }
        continue;
      }
      if (section === 'seek') {
        // Between sections: read the next key up to its '['.
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c === 91) {
            i++;
            const k = key.replace(/[^a-z_]/g, '');
            section = k === 'edges' ? 'edges' : k === 'strings' ? 'strings' : 'skip';
            fill = 0;
            n = 0;
            break;
          }
          key += String.fromCharCode(c);
        }
        continue;
      }
      if (section === 'skip') {
        // The trace sections hold only numbers and nested arrays.
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (c === 91) n++;
          else if (c === 93) {
            if (n === 0) {
              i++;
              section = 'seek';
              key = '';
              break;
            }
            n--;
          }
        }
        continue;
      }
      if (section === 'strings') {
        let start = inStr ? i : -1;
        for (; i < chunk.length; i++) {
          const c = chunk[i]!;
          if (inStr) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true;
            else if (c === 34) {
              strParts.push(chunk.subarray(start, i + 1));
              strings.push(JSON.parse(Buffer.concat(strParts).toString('utf8')) as string);
              strParts = [];
              inStr = false;
            }
          } else if (c === 34) {
            inStr = true;
            start = i;
          } else if (c === 93) {
            section = 'done';
            break;
          }
        }
        if (inStr) strParts.push(chunk.subarray(start));
        break;
      }
      break;
    }
    if (section === 'done') break;
  }
  if (!meta) throw new Error(`${path}: not a heap snapshot`);
  return { meta, nodes, edges, strings };
}

const { meta, nodes, edges, strings } = await readSnapshot(file);
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nType = meta.node_fields.indexOf('type');
const nName = meta.node_fields.indexOf('name');
const nSelf = meta.node_fields.indexOf('self_size');
const nEdges = meta.node_fields.indexOf('edge_count');
const eType = meta.edge_fields.indexOf('type');
const eName = meta.edge_fields.indexOf('name_or_index');
const eTo = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0] as string[];
const edgeTypes = meta.edge_types[0] as string[];
const WEAK = edgeTypes.indexOf('weak');
const ELEMENT = edgeTypes.indexOf('element');
const HIDDEN = edgeTypes.indexOf('hidden');
const N = nodes.length / NF;

// First edge of each node, and each edge's target as a node ordinal.
const firstEdge = new Uint32Array(N + 1);
for (let v = 0, e = 0; v < N; v++) {
  firstEdge[v] = e;
  e += nodes[v * NF + nEdges]! * EF;
  firstEdge[v + 1] = e;
}
const target = (e: number) => edges[e + eTo]! / NF;

/** The class a node is summed under. */
const classOf = (v: number): string => {
  const t = nodeTypes[nodes[v * NF + nType]!]!;
  const name = strings[nodes[v * NF + nName]!] ?? '';
  switch (t) {
    case 'object': return name;
    case 'closure': return `(closure) ${name}`;
    case 'string': case 'sliced string': case 'concatenated string': return `(${t})`;
    case 'array': return `(array) ${name}`;
    case 'native': return `(native) ${name.replace(/\s*\/.*$/, '')}`;
    default: return `(${t})`;
  }
};

// Dominators (Cooper–Harvey–Kennedy over a depth-first post-order from the root, weak edges left out).
const post = new Int32Array(N).fill(-1);
const order = new Uint32Array(N);
let count = 0;
{
  const stack = new Uint32Array(N);
  const edgeAt = new Uint32Array(N);
  const seen = new Uint8Array(N);
  let sp = 0;
  stack[sp++] = 0;
  seen[0] = 1;
  edgeAt[0] = firstEdge[0]!;
  while (sp > 0) {
    const v = stack[sp - 1]!;
    let pushed = false;
    while (edgeAt[v]! < firstEdge[v + 1]!) {
      const e = edgeAt[v]!;
      edgeAt[v] = e + EF;
      if (edges[e + eType] === WEAK) continue;
      const w = target(e);
      if (seen[w]) continue;
      seen[w] = 1;
      edgeAt[w] = firstEdge[w]!;
      stack[sp++] = w;
      pushed = true;
      break;
    }
    if (!pushed) {
      sp--;
      post[v] = count;
      order[count++] = v;
    }
  }
}
// Predecessors of reachable nodes, in CSR form.
const predCount = new Uint32Array(N + 1);
for (let v = 0; v < N; v++) {
  if (post[v]! < 0) continue;
  for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (edges[e + eType] !== WEAK) predCount[target(e) + 1]++;
}
for (let v = 0; v < N; v++) predCount[v + 1] += predCount[v]!;
const preds = new Uint32Array(predCount[N]!);
{
  const at = predCount.slice(0, N);
  for (let v = 0; v < N; v++) {
    if (post[v]! < 0) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += EF) if (edges[e + eType] !== WEAK) preds[at[target(e)]!++] = v;
  }
}
const idom = new Int32Array(N).fill(-1);
idom[0] = 0;
for (let changed = true; changed;) {
  changed = false;
  for (let k = count - 2; k >= 0; k--) {
    const v = order[k]!;
    let d = -1;
    for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
      let u = preds[p]!;
      if (idom[u]! < 0) continue;
      if (d < 0) {
        d = u;
        continue;
      }
      let w = d;
      while (u !== w) {
        while (post[u]! < post[w]!) u = idom[u]!;
        while (post[w]! < post[u]!) w = idom[w]!;
      }
      d = u;
    }
    if (d >= 0 && idom[v] !== d) {
      idom[v] = d;
      changed = true;
    }
  }
}
// Retained sizes: children before parents in post-order.
const retained = new Float64Array(N);
for (let v = 0; v < N; v++) retained[v] = post[v]! >= 0 ? nodes[v * NF + nSelf]! : 0;
for (let k = 0; k < count - 1; k++) {
  const v = order[k]!;
  retained[idom[v]!] += retained[v]!;
}

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

// Dominator-tree children (from idom), built once for every grouping below.
const kidCount = new Uint32Array(N + 1);
for (let v = 1; v < N; v++) if (idom[v]! >= 0) kidCount[idom[v]! + 1]++;
for (let v = 0; v < N; v++) kidCount[v + 1] += kidCount[v]!;
const kids = new Uint32Array(kidCount[N]!);
{
  const at = kidCount.slice(0, N);
  for (let v = 1; v < N; v++) if (idom[v]! >= 0) kids[at[idom[v]!]!++] = v;
}

/**
 * Count, shallow and retained size per group (`group[v]`, -1 for none) over the dominator tree: a depth-first
 * walk that knows which groups are on the path, so a node under a same-group dominator is not counted again.
 */
function byGroup(group: Int32Array, groups: number): { count: Float64Array; self: Float64Array; retained: Float64Array } {
  const count = new Float64Array(groups);
  const self = new Float64Array(groups);
  const held = new Float64Array(groups);
  const onPath = new Int32Array(groups);
  const stack = new Uint32Array(N);
  const next = new Uint32Array(N);
  let sp = 0;
  stack[sp++] = 0;
  next[0] = kidCount[0]!;
  if (group[0]! >= 0) onPath[group[0]!]++;
  while (sp > 0) {
    const v = stack[sp - 1]!;
    if (next[v]! < kidCount[v + 1]!) {
      const w = kids[next[v]!++]!;
      const g = group[w]!;
      if (g >= 0) {
        count[g]++;
        self[g] += nodes[w * NF + nSelf]!;
        if (onPath[g] === 0) held[g] += retained[w]!;
        onPath[g]++;
      }
      next[w] = kidCount[w]!;
      stack[sp++] = w;
    } else {
      sp--;
      if (group[v]! >= 0) onPath[group[v]!]--;
    }
  }
  return { count, self, retained: held };
}
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
