import { fleetVendorOf, type Graph } from '@custody/domain';
import { fleetParty } from './graph-queries.js';
import { streamingRule } from './rule.js';
import { inRun } from './run-memo.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

/** Two installs of a vendor the manifest declares, one of a vendor it does not, and a plain system. */
const fleet = (): Graph => {
  const graph = new GraphBuilder({})
    .system('scribe', 'ai_notetaker', { name: 'Scribewell AI' })
    .system('install-a', 'ai_notetaker', { name: 'Scribewell AI install A' })
    .system('install-b', 'ai_notetaker', { name: 'Scribewell AI install B' })
    .system('install-c', 'ai_notetaker', { name: 'Notely install C' })
    .build();
  graph.systems.find((s) => s.id === 'install-a')!.group = { vendor: 'Scribewell AI', site: 'Oakland' };
  graph.systems.find((s) => s.id === 'install-b')!.group = { vendor: 'Scribewell AI', site: 'Fresno' };
  graph.systems.find((s) => s.id === 'install-c')!.group = { vendor: 'Notely' };
  return graph;
};

describe('fleetParty', () => {
  it('names each install\'s party as fleetVendorOf does: the declared vendor system, else fleet-<vendor>; none for others', () => {
    const graph = fleet();
    const party = fleetParty(graph);
    const expected = fleetVendorOf(graph.systems);
    for (const id of ['scribe', 'install-a', 'install-b', 'install-c', 'practice', 'nowhere']) expect(party(id)).toBe(expected(id));
    expect(party('install-a')).toBe('scribe');
    expect(party('install-c')).toBe(expected('install-c'));
    expect(party('scribe')).toBeUndefined();
  });

  it('is worked out once per run: every rule of a run gets the same one (the grouping\'s, primed by the runner)', () => {
    const graph = fleet();
    const seen: unknown[] = [];
    const asking = (id: string) => streamingRule({
      id, title: id, kind: 'aggregation_hub', citations: [], remediation: 'fix it',
      evaluateInto({ graph: g }) {
        seen.push(fleetParty(g));
      },
    });
    const { errors } = runRules(testContext(graph), [asking('one'), asking('two')]);
    expect(errors).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect((seen[0] as (id: string) => string | undefined)('install-b')).toBe('scribe');
    // Outside a run, each ask works it out afresh (nothing is kept past the run).
    expect(fleetParty(graph)).not.toBe(fleetParty(graph));
    inRun(graph, new Date(), () => expect(fleetParty(graph)).toBe(fleetParty(graph)));
  });
});
