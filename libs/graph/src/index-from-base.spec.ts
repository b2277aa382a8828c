import type { DataCategory, Graph, GraphFlow, GraphSystem, SystemRole } from '@custody/domain';
import { indexedSystemsById, indexFromBase, isPracticeSide, systemById } from './graph-index.js';
import { flowAdjacency, inboundOf, outboundOf } from './queries.js';

const system = (id: string, role: SystemRole, holds: DataCategory[] = []): GraphSystem => ({ id, name: id.toUpperCase(), role, holds, settings: {}, contracts: [], evidence: [] });
const flow = (from: string, to: string, data: DataCategory[] = ['contact']): GraphFlow => ({ id: `${from}->${to}`, from, to, data, transport: 'https', legalBasis: 'tpo', evidence: [] });
const graph = (systems: GraphSystem[], flows: GraphFlow[]): Graph => ({
  practice: { name: 'P', lenses: ['default'], records: {} }, systems, flows, consents: [], redactions: [], identifiers: [], asOf: '2026-01-01T00:00:00.000Z',
});

/** The records of `b` that differ from `a`'s, by id (what an incremental projection reports). */
function changes(a: Graph, b: Graph) {
  const diff = <T extends { id: string }>(xs: readonly T[], ys: readonly T[]) => {
    const out = new Map<string, { before?: T; after?: T }>();
    const before = new Map(xs.map((x) => [x.id, x]));
    for (const y of ys) if (before.get(y.id) !== y) out.set(y.id, { before: before.get(y.id), after: y });
    const after = new Set(ys.map((y) => y.id));
    for (const x of xs) if (!after.has(x.id)) out.set(x.id, { before: x });
    return out;
  };
  return { base: a, systems: diff(a.systems, b.systems), flows: diff(a.flows, b.flows) };
}

/** Every answer the index gives about `ids`, as plain data. */
const answers = (g: Graph, ids: string[]) =>
  ids.map((id) => ({ id, system: systemById(g, id), practiceSide: isPracticeSide(g, id), inbound: inboundOf(g, id).map((f) => f.id), outbound: outboundOf(g, id).map((f) => f.id) }));

describe('indexFromBase (the rules index of a re-projected graph, patched from the previous graph)', () => {
  const practice = system('practice', 'practice');
  const ehr = system('ehr', 'ehr', ['progress_notes']);
  const scribe = system('scribe', 'ai_notetaker');
  const llm = system('llm', 'llm_provider');
  const base = () => graph([practice, ehr, llm, scribe], [flow('ehr', 'llm'), flow('practice', 'ehr'), flow('practice', 'scribe'), flow('scribe', 'llm')]);
  const ids = ['practice', 'ehr', 'scribe', 'llm', 'dr-a', 'n8n', 'sheets'];

  it('answers as an index built from scratch after systems and flows were added, replaced and removed', () => {
    const a = base();
    flowAdjacency(a);
    const clinician = system('dr-a', 'clinician');
    // A new config (n8n between the practice and a sheet), the LLM's record replaced (a setting change) and the
    // scribe turned practice-side, a flow's record replaced and one removed; flows stay in graph order.
    const b = graph(
      [practice, clinician, ehr, { ...llm, holds: ['contact'] }, system('n8n', 'other'), system('sheets', 'cloud_storage'), { ...scribe, role: 'clinician' }],
      [flow('dr-a', 'n8n'), flow('ehr', 'llm', ['diagnosis']), flow('n8n', 'sheets'), flow('n8n', 'llm'), a.flows[1]!, a.flows[2]!],
    );
    indexFromBase(b, changes(a, b));
    const scratch = { ...b };
    expect(answers(b, ids)).toEqual(answers(scratch, ids));
    // The patched index is the one the graph answers from (not a fresh build on first ask).
    expect(flowAdjacency(b).inbound.get('ehr')).toBe(flowAdjacency(a).inbound.get('ehr'));
  });

  it('leaves the index to be built when the changes do not add up to the graph (a duplicate id)', () => {
    const a = base();
    flowAdjacency(a);
    const b = graph([...a.systems, { ...ehr, name: 'Second EHR' }], a.flows);
    indexFromBase(b, { base: a, systems: new Map(), flows: new Map() });
    expect(systemById(b, 'ehr')).toBe(ehr);
    expect(flowAdjacency(b).inbound.get('llm')).not.toBe(flowAdjacency(a).inbound.get('llm'));
  });

  it('hands out the systems-by-id map of an indexed graph only (never builds an index), the first record of an id', () => {
    const a = base();
    expect(indexedSystemsById(a)).toBeUndefined();
    expect(indexedSystemsById(a)).toBeUndefined();
    flowAdjacency(a);
    expect([...indexedSystemsById(a)!.keys()]).toEqual(['practice', 'ehr', 'llm', 'scribe']);
    const b = graph([...a.systems, system('llm', 'other')], a.flows);
    flowAdjacency(b);
    expect(indexedSystemsById(b)!.get('llm')).toBe(a.systems[2]);
    // Patched from the base's by indexFromBase: the new record, without a build of its own.
    const c = graph(a.systems.map((s) => (s.id === 'ehr' ? { ...s, name: 'EHR 2' } : s)), a.flows);
    indexFromBase(c, changes(a, c));
    expect(indexedSystemsById(c)!.get('ehr')!.name).toBe('EHR 2');
    // A graph grown in place is not the indexed one any more.
    c.systems.push(system('fax', 'other'));
    expect(indexedSystemsById(c)).toBeUndefined();
  });
});

describe('indexFromBase, on changes a scratch build must agree with', () => {
  const practice = system('practice', 'practice');
  const ehr = system('ehr', 'ehr', ['progress_notes']);
  const scribe = system('scribe', 'ai_notetaker');
  const llm = system('llm', 'llm_provider');
  const sheets = system('sheets', 'cloud_storage');
  const ids = ['practice', 'ehr', 'scribe', 'llm', 'sheets'];
  const agrees = (a: Graph, b: Graph) => {
    flowAdjacency(a);
    indexFromBase(b, changes(a, b));
    expect(answers(b, ids)).toEqual(answers({ ...b }, ids));
  };

  it('rebuilds both the old and the new ends of a flow removed or moved to another system', () => {
    const a = graph([practice, ehr, scribe, llm, sheets], [flow('practice', 'ehr'), flow('ehr', 'llm'), flow('scribe', 'llm'), flow('practice', 'scribe')]);
    // ehr->llm now goes ehr->sheets (same id, the `to` moved); scribe->llm removed; a flow added before the others.
    const moved = { ...a.flows[1]!, to: 'sheets' };
    agrees(a, graph(a.systems, [flow('sheets', 'llm'), a.flows[0]!, moved, a.flows[3]!]));
    // The `from` moved instead.
    const b = graph([practice, ehr, scribe, llm, sheets], [flow('practice', 'ehr'), flow('ehr', 'llm'), flow('scribe', 'llm')]);
    agrees(b, graph(b.systems, [b.flows[0]!, { ...b.flows[1]!, from: 'scribe' }, b.flows[2]!]));
  });

  it('patches the practice side when a system is replaced under its id by one of another side, both ways', () => {
    const a = graph([practice, ehr, scribe, llm], [flow('practice', 'scribe')]);
    // Same length: scribe removed and a clinician "scribe" added; ehr turned practice-side and back.
    const b = graph([practice, { ...ehr, role: 'clinician' }, system('scribe', 'clinician'), llm], a.flows);
    agrees(a, b);
    agrees(b, graph([practice, ehr, { ...scribe }, llm], a.flows));
  });

  it('builds from scratch when a duplicate flow id hides a removed flow from the changes', () => {
    // Two flows under one id (a graph read from a store): the changes by id see none when one of them goes.
    const a = graph([practice, ehr, scribe, llm], [flow('practice', 'ehr'), { ...flow('ehr', 'llm'), id: 'x' }, { ...flow('scribe', 'llm'), id: 'x' }]);
    agrees(a, graph(a.systems, [a.flows[0]!, a.flows[2]!]));
  });
});
