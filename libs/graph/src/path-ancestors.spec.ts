import { cmp, type DataCategory, type Graph, type GraphFlow, type GraphSystem } from '@custody/domain';
import { origins, shortestPathTo } from './paths.js';

/**
 * shortestPathTo answers a path from the target's ancestors alone while that is cheap (a fleet's installs), and
 * from the BFS over the whole graph otherwise: both must give the path a BFS from every origin gives, ties and
 * all. Random graphs (cycles, repeated peers, holders with no inbound PHI, non-PHI flows, category filters),
 * each target asked on a fresh graph (the ancestor search) and again after the budget is spent (the whole tree).
 */
const CATS: DataCategory[] = ['diagnosis', 'session_transcript', 'claims', 'deidentified'];
const system = (id: string, holds: DataCategory[]): GraphSystem => ({ id, name: id, role: id === 'practice' ? 'practice' : 'other', holds, settings: {}, contracts: [], evidence: [] });

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => ((x = (x * 1103515245 + 12345) >>> 0) % 1_000_000) / 1_000_000;
}

function randomGraph(seed: number): Graph {
  const r = rng(seed);
  const n = 3 + Math.floor(r() * 12);
  const ids = ['practice', ...Array.from({ length: n }, (_, i) => `s${Math.floor(r() * 100)}-${i}`)];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const systems = ids.map((id) => system(id, r() < 0.2 ? [pick(CATS)] : []));
  const flows: GraphFlow[] = [];
  const m = Math.floor(r() * n * 3);
  for (let k = 0; k < m; k++) {
    const from = pick(ids);
    const to = pick(ids);
    if (from === to) continue;
    flows.push({ id: `f${k}`, from, to, data: r() < 0.85 ? [pick(CATS)] : ['deidentified'], transport: 'https', legalBasis: 'tpo', evidence: [] });
  }
  return { practice: { name: 'P', lenses: ['default'], records: {} }, systems, flows, consents: [], redactions: [], identifiers: [], asOf: '2026-01-01T00:00:00.000Z' };
}

/** The definition: BFS from every origin in order, each node's PHI peers (carrying a filtered category) by id. */
function reference(graph: Graph, target: string, categories?: readonly DataCategory[]): string[] | undefined {
  const starts = origins(graph, categories);
  if (starts.includes(target)) return [target];
  const phi = new Set<DataCategory>(['diagnosis', 'session_transcript', 'claims']);
  const carries = (f: GraphFlow) => f.data.some((c) => phi.has(c) && (!categories || categories.includes(c)));
  const prev = new Map<string, string>();
  const seen = new Set(starts);
  const queue = [...starts];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const peers = [...new Set(graph.flows.filter((f) => f.from === node && carries(f)).map((f) => f.to))].sort(cmp);
    for (const next of peers) {
      if (seen.has(next)) continue;
      seen.add(next);
      prev.set(next, node);
      queue.push(next);
    }
  }
  if (!prev.has(target)) return undefined;
  const path = [target];
  while (prev.has(path[0]!)) path.unshift(prev.get(path[0]!)!);
  return path;
}

describe('shortestPathTo from the target\'s ancestors', () => {
  it('gives the whole-graph BFS path on random graphs, with and without a category filter', () => {
    let asked = 0;
    let found = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const filters: (DataCategory[] | undefined)[] = [undefined, ['claims'], ['diagnosis', 'session_transcript']];
      for (const categories of filters) {
        const g = randomGraph(seed);
        // Spend g's ancestor budget (each question walks at least one step), so g answers from the whole tree.
        for (let k = 0; k < g.flows.length + 65; k++) shortestPathTo(g, g.systems[k % g.systems.length]!.id, categories);
        for (const s of g.systems) {
          // A fresh graph per question: its first question is answered from the ancestors alone.
          const fresh: Graph = { ...g, systems: [...g.systems], flows: [...g.flows] };
          const want = reference(g, s.id, categories);
          expect(shortestPathTo(fresh, s.id, categories)).toEqual(want);
          // And on a graph past its budget: from the whole tree.
          expect(shortestPathTo(g, s.id, categories)).toEqual(want);
          asked++;
          if (want && want.length > 1) found++;
        }
      }
    }
    // The random graphs do exercise paths of more than one node.
    expect(found).toBeGreaterThan(asked / 10);
  });
});
