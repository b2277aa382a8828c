import { projectGraph, projectGraphIncremental } from './index.js';
import { config, contract, factSet } from './testing/fixtures.js';
import type { ProjectionMemo } from './finalise-memo.js';
import type { ProjectionInput, SettingChangeInput } from './types.js';

const ASOF = '2026-03-01T00:00:00Z';
const INSTALLS = ['a', 'b', 'c', 'd'];

/** A small fleet with a vendor BAA and named sub-processors: every projection stage has something to do. */
function fleetInput(changes: SettingChangeInput[] = []): ProjectionInput {
  const fleet = config('sha-fleet', 'fleet.csv', {
    systems: INSTALLS.map((id, i) => ({
      id: `install-${id}`, name: 'Scribewell AI', role: 'ai_notetaker' as const, group: { vendor: 'Scribewell AI', site: 'Main' },
      settings: { recording: 'per_session', subprocessors: ['OpenAI'] }, evidence: [{ quote: `row ${id}`, line: i + 2 }],
    })),
  });
  const baa = contract('sha-baa', 'scribewell-baa.md', 'Scribewell AI, Inc.', factSet({ baa_offered: 'yes' }));
  return { contracts: [baa], configs: [fleet], settingChanges: changes, asOf: ASOF };
}

const change = (system: string, settings: Record<string, unknown>): SettingChangeInput => ({
  documentId: `change-${system}`, file: `change-${system}.json`, at: '2026-02-01T00:00:00Z', system, settings, evidence: [{ quote: JSON.stringify(settings), line: 1 }],
});

describe('incremental projection (ProjectionMemo)', () => {
  it('re-projecting unchanged inputs reuses every record and reports no change', () => {
    const first = projectGraphIncremental(fleetInput());
    const again = projectGraphIncremental(fleetInput(), first.memo);
    expect(again.graph).toEqual(first.graph);
    expect(again.graph.systems.every((s, i) => s === first.graph.systems[i])).toBe(true);
    expect(again.graph.flows.every((f, i) => f === first.graph.flows[i])).toBe(true);
    expect(again.changes).toMatchObject({ base: first.graph });
    expect([...again.changes!.systems.keys(), ...again.changes!.flows.keys()]).toEqual([]);
  });

  it('after one setting change rebuilds only the records it reaches, and equals a projection from scratch', () => {
    const first = projectGraphIncremental(fleetInput());
    const input = fleetInput([change('install-b', { training: 'allowed' })]);
    const next = projectGraphIncremental(input, first.memo);
    expect(next.graph).toEqual(projectGraph(input));
    // The install's own record only: its implied recording flow and its sub-processor edge cite the settings
    // they rest on (recording, subprocessors), which a training change does not touch.
    expect([...next.changes!.systems.keys()].sort()).toEqual(['install-b']);
    expect([...next.changes!.flows.keys()]).toEqual([]);
    for (const s of next.graph.systems) if (!next.changes!.systems.has(s.id)) expect(first.graph.systems).toContain(s);
    for (const f of next.graph.flows) if (!next.changes!.flows.has(f.id)) expect(first.graph.flows).toContain(f);
    expect(next.changes!.systems.get('install-b')).toEqual({ before: first.graph.systems.find((s) => s.id === 'install-b'), after: next.graph.systems.find((s) => s.id === 'install-b') });
  });

  it('a change to the setting an edge rests on reaches that edge and its sub-processor, and is cited there', () => {
    const first = projectGraphIncremental(fleetInput());
    const input = fleetInput([change('install-b', { training: 'allowed' }), { ...change('install-b', { subprocessors: ['OpenAI'], recording: 'always' }), documentId: 'change-b2', file: 'change-b2.json', at: '2026-02-02T00:00:00Z' }]);
    const next = projectGraphIncremental(input, first.memo);
    expect(next.graph).toEqual(projectGraph(input));
    expect([...next.changes!.systems.keys()].sort()).toEqual(['install-b', 'openai']);
    const quotes = (id: string) => next.graph.flows.find((f) => f.id === id)!.evidence.map((e) => e.quote);
    for (const id of ['install-b->openai', 'practice->install-b']) {
      expect(quotes(id)).toContain(JSON.stringify({ subprocessors: ['OpenAI'], recording: 'always' }));
      expect(quotes(id)).not.toContain(JSON.stringify({ training: 'allowed' }));
    }
    // The install's own record cites every change to it.
    expect(next.graph.systems.find((s) => s.id === 'install-b')!.evidence.map((e) => e.quote)).toContain(JSON.stringify({ training: 'allowed' }));
  });

  it('does not reuse a record whose categories outside the taxonomy came in another order (the record keeps that order)', () => {
    // A stored analysis is not validated again: such a name goes after the known ones, in arrival order.
    const input = (cats: string[]): ProjectionInput => ({
      contracts: [],
      configs: [config('sha-cfg', 'export.json', {
        systems: [{ id: 'a', name: 'Alpha', role: 'other', holds: cats as never, evidence: [{ quote: 'a', line: 1 }] }],
        flows: [{ from: 'practice', to: 'a', data: cats as never, transport: 'https', evidence: [{ quote: 'to a', line: 2 }] }],
      })],
      asOf: ASOF,
    });
    const first = projectGraphIncremental(input(['zz_custom', 'demographics', 'aa_custom']));
    const next = input(['aa_custom', 'demographics', 'zz_custom']);
    const again = projectGraphIncremental(next, first.memo);
    expect(again.graph).toEqual(projectGraph(next));
    expect(again.graph.flows[0]!.data).toEqual(['demographics', 'aa_custom', 'zz_custom']);
    expect([...again.changes!.systems.keys()]).toEqual(['a']);
    expect([...again.changes!.flows.keys()]).toEqual(['practice->a']);
  });

  it('reports removed records with no `after`, and a memo of another workspace is only a slower base', () => {
    const withC = projectGraphIncremental(fleetInput([change('install-c', { subprocessors: ['OpenAI', 'Deepgram'] })]));
    expect(withC.graph.systems.map((s) => s.id)).toContain('deepgram');
    const without = projectGraphIncremental(fleetInput(), withC.memo);
    expect(without.graph).toEqual(projectGraph(fleetInput()));
    expect(without.changes!.systems.get('deepgram')).toEqual({ before: withC.graph.systems.find((s) => s.id === 'deepgram') });
    expect(without.changes!.flows.get('install-c->deepgram')).toMatchObject({ before: expect.objectContaining({ id: 'install-c->deepgram' }) });
    expect(without.changes!.flows.get('install-c->deepgram')!.after).toBeUndefined();
    const other = projectGraphIncremental({ contracts: [], configs: [], asOf: ASOF, practiceName: 'Elsewhere' });
    expect(projectGraphIncremental(fleetInput(), other.memo).graph).toEqual(projectGraph(fleetInput()));
  });

  it('orders flows by `from`, NUL, `to` from scratch and from a memo, for awkward ids, as configs come and go', () => {
    // Ids that prefix each other, differ by case or by a character below '-', hold a NUL (the memo key's
    // separator), or are not ASCII: the projection from scratch orders pairs by sender then receiver, a
    // projection from a memo by the keys, and both must give the keys' order.
    const ids = ['a', 'a-b', 'ab', 'a\u0000b', 'a\u0000', 'A', 'é', 'e\u0301', '\u{1D538}', 'install-1', 'install-10', 'practice'];
    let seed = 3;
    const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
    const configs = Array.from({ length: 5 }, (_, c) => config(`sha-${c}`, `cfg-${c}.json`, {
      systems: ids.filter((id) => id !== 'practice').map((id, k) => ({ id, name: `System ${k}`, role: 'other' as const, evidence: [{ quote: `system ${k}`, line: k + 1 }] })),
      flows: Array.from({ length: 6 }, (_, i) => ({ from: ids[next(ids.length)]!, to: ids[next(ids.length)]!, data: ['claims' as const], transport: 'https' as const, evidence: [{ quote: `flow ${c}.${i}`, line: i + 1 }] })),
    }));
    const keyOf = (f: { from: string; to: string }) => `${f.from}\u0000${f.to}`;
    let memo: ProjectionMemo | undefined;
    for (let step = 0; step < 40; step++) {
      const input: ProjectionInput = { contracts: [], configs: configs.filter(() => next(3) > 0), asOf: ASOF };
      const again = projectGraphIncremental(input, memo);
      const full = projectGraph(input);
      expect(again.graph).toEqual(full);
      const keys = full.flows.map(keyOf);
      expect(keys).toEqual([...keys].sort());
      memo = again.memo;
    }
  });
});
