import fc from 'fast-check';
import type { Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { indexFromBase } from '@custody/graph';
import { systemMatcher, type RuleReads } from '@custody/rules';
import { adjacency, changesBetween, closure, type Adjacency } from './graph-delta.js';
import { carryListings, listedBy, listingsOf } from './listings.js';
import { carrySubgraphKeeps, keepSubgraphReads, subgraphFor } from './subgraph.js';

/**
 * subgraphFor picks a subgraph's few systems and flows by id and searches for their places (subgraph.ts), from
 * what it keeps per graph and carries from graph to graph (flow id counts, named subsets, listings). Property:
 * on random graphs (ids repeated among flows, fleet installs, listed sub-processors), on the graph a random
 * change makes with what was kept carried to it, and on the graph a second change makes from that one (carried
 * twice), the subgraph is the one the pass over the whole graph makes (the reference below: the code before
 * the pick). Seed: FC_SEED, else random; runs: SUBGRAPH_RUNS.
 */
const RUNS = Number(process.env.SUBGRAPH_RUNS ?? 300);
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

const IDS = ['practice', 'ehr', 'llm', 'fax', 'i-1', 'i-2', 'i-3', 'i-4', 'cloud', 'OpenAI'];
const NAMES = ['OpenAI', 'Deepgram', 'Scribewell AI', 'CarePath EHR', 'Granite Cloud', 'openai, inc.'];
const READS: RuleReads[] = [
  { around: 'in', vendorsOnly: true },
  { around: 'in-out', vendorsOnly: true },
  { around: 'in' },
  { around: 'upstream', names: 'subprocessors' },
  { around: 'downstream' },
  { around: 'in', vendorsOnly: true, names: 'fleet-vendors' },
  { around: 'in', names: true },
];

const systemArb = (id: string) => fc.record({
  name: fc.constantFrom(...NAMES),
  fleet: fc.boolean(),
  subprocessors: fc.subarray(['OpenAI', 'Deepgram', 'Rev.com']),
}).map(({ name, fleet, subprocessors }): GraphSystem => ({
  id, name, role: fleet ? 'ai_notetaker' : 'other', holds: [], settings: subprocessors.length ? { subprocessors } : {}, contracts: [], evidence: [],
  ...(fleet ? { group: { vendor: 'Scribewell AI', site: 'Oakland' } } : {}),
}));

const flowArb = fc.record({ from: fc.constantFrom(...IDS), to: fc.constantFrom(...IDS), id: fc.nat(7) })
  .map(({ from, to, id }): GraphFlow => ({ id: `f${id}`, from, to, data: ['diagnosis'], transport: 'https', legalBasis: 'tpo', evidence: [] }));

const graphArb = fc.record({
  systems: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1 }).chain((ids) => fc.tuple(...ids.map(systemArb))),
  flows: fc.array(flowArb, { maxLength: 14 }),
}).map(({ systems, flows }): Graph => ({ practice: { name: 'P', lenses: ['default'], records: {} }, systems, flows, consents: [], redactions: [], identifiers: [], asOf: '2026-06-01T00:00:00.000Z' } as unknown as Graph));

/** A change: some systems replaced (renamed, regrouped, other sub-processors), added or removed, flows likewise. */
const changeArb = (g: Graph) => fc.record({
  systems: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'remove', 'add'), with: systemArb('x') }), { maxLength: 3 }),
  flows: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'remove', 'add'), with: flowArb }), { maxLength: 3 }),
}).map((c): Graph => {
  const systems = [...g.systems];
  for (const { at, op, with: w } of c.systems) {
    const free = IDS.find((id) => !systems.some((s) => s.id === id));
    if (op === 'add' && free) systems.splice(at % (systems.length + 1), 0, { ...w, id: free });
    else if (op === 'remove' && systems.length > 1) systems.splice(at % systems.length, 1);
    else if (op === 'replace' && systems.length) systems[at % systems.length] = { ...w, id: systems[at % systems.length]!.id };
  }
  const flows = [...g.flows];
  for (const { at, op, with: w } of c.flows) {
    if (op === 'add') flows.splice(at % (flows.length + 1), 0, w);
    else if (op === 'remove' && flows.length) flows.splice(at % flows.length, 1);
    else if (op === 'replace' && flows.length) flows[at % flows.length] = { ...w, id: flows[at % flows.length]!.id };
  }
  return { ...g, systems, flows };
});

/** The subgraph as the pass over the whole graph cut it (before subgraph.ts picked by id). */
function reference(graph: Graph, reads: RuleReads, anchors: ReadonlySet<string>, adj: Adjacency): { systems: unknown[]; flows: GraphFlow[] } {
  const flowIds = new Set<string>();
  const context = new Set<string>();
  if (reads.around === 'in' || reads.around === 'in-out') {
    for (const id of anchors) {
      for (const f of adj.inbound.get(id) ?? []) (flowIds.add(f.id), context.add(f.from));
      if (reads.around === 'in-out') for (const f of adj.outbound.get(id) ?? []) (flowIds.add(f.id), context.add(f.to));
    }
  } else {
    const dir = reads.around === 'upstream' ? 'up' : 'down';
    for (const id of closure(adj, anchors, dir)) {
      context.add(id);
      for (const f of (dir === 'up' ? adj.inbound : adj.outbound).get(id) ?? []) flowIds.add(f.id);
    }
  }
  const names = graph.systems.filter((s) => anchors.has(s.id)).flatMap((s) => [...listedBy(s)]);
  const listed = names.length ? systemMatcher(names) : () => false;
  const named = (s: GraphSystem) => reads.names === true || (reads.names === 'subprocessors' && listed(s)) || (reads.names === 'fleet-vendors' && !s.group);
  const depth = reads.around === 'upstream' || reads.around === 'downstream' ? 'shape' : 'identity';
  const stub = (s: GraphSystem, d: string) => ({ id: s.id, name: s.name, role: s.role, ...(s.group ? { group: s.group } : {}), holds: d === 'shape' ? s.holds : [], settings: {}, contracts: d === 'shape' ? s.contracts : [], evidence: [] });
  const systems: unknown[] = [];
  for (const s of graph.systems) {
    if (anchors.has(s.id)) systems.push(s);
    else if (context.has(s.id)) systems.push(stub(s, depth));
    else if (named(s)) systems.push(stub(s, 'identity'));
  }
  return { systems, flows: graph.flows.filter((f) => flowIds.has(f.id)) };
}

const cut = (graph: Graph, reads: RuleReads, anchors: ReadonlySet<string>) => {
  const adj = adjacency(graph);
  const sub = subgraphFor(graph, reads, anchors, adj);
  return { got: { systems: sub.systems, flows: sub.flows }, want: reference(graph, reads, anchors, adj) };
};

describe('subgraphFor (picked by id, with what is kept carried from graph to graph)', () => {
  it(`cuts the subgraph the pass over the whole graph cuts, on a graph and on the next one (${RUNS} random pairs)`, () => {
    let picked = 0;
    const chainArb = graphArb.chain((a) => changeArb(a).chain((b) => fc.tuple(fc.constant(a), fc.constant(b), changeArb(b))));
    fc.assert(fc.property(fc.tuple(chainArb, fc.subarray(IDS, { minLength: 1, maxLength: 3 }), fc.constantFrom(...READS)), ([[a, b, c], ids, reads]) => {
      const anchors = new Set(ids);
      // As the full audit leaves the first graph: indexed, its listings and subgraph reads kept.
      listingsOf(a);
      keepSubgraphReads(a);
      const first = cut(a, reads, anchors);
      expect(first.got).toEqual(first.want);
      // As a re-audit carries them to the next graph, with the records that changed.
      const carriedCut = (from: typeof a, to: typeof a) => {
        const changes = changesBetween(from, to);
        indexFromBase(to, changes);
        carryListings(from, to, changes);
        carrySubgraphKeeps(from, to, changes);
        return cut(to, reads, anchors);
      };
      const next = carriedCut(a, b);
      expect(next.got).toEqual(next.want);
      if (next.got.systems.length < b.systems.length) picked++;
      // And on to a third graph: what was carried is carried again (subsets and counts patched twice).
      const third = carriedCut(b, c);
      expect(third.got).toEqual(third.want);
    }), { numRuns: RUNS, ...SEED });
    // Most subgraphs leave systems out (else the pick was never the question).
    expect(picked).toBeGreaterThan(RUNS / 4);
  });

  it('takes every flow sharing an id with a flow it reads, as the pass does', () => {
    const sys = (id: string): GraphSystem => ({ id, name: id, role: 'other', holds: [], settings: {}, contracts: [], evidence: [] });
    const flow = (from: string, to: string): GraphFlow => ({ id: 'same', from, to, data: ['diagnosis'], transport: 'https', legalBasis: 'tpo', evidence: [] });
    const graph = { practice: { name: 'P', lenses: ['default'], records: {} }, systems: ['a', 'b', 'c', 'd'].map(sys), flows: [flow('a', 'b'), flow('c', 'd')], consents: [], redactions: [], identifiers: [] } as unknown as Graph;
    keepSubgraphReads(graph);
    const { got, want } = cut(graph, { around: 'in' }, new Set(['b']));
    expect(got.flows).toEqual(graph.flows);
    expect(got).toEqual(want);
  });
});
