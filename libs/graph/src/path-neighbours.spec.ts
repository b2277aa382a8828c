import type { DataCategory, Graph, GraphFlow, GraphSystem } from '@custody/domain';
import { origins, pathsTo, reach, shortestPathTo } from './paths.js';

/**
 * Path queries read a system's PHI neighbours in id order, each once. The projection lists a system's flows
 * by peer, and the queries take such a list as it is; any other list (a graph from the store, a what-if copy,
 * two flows to one peer) must read the same (review of merge 4c4da79).
 */
const system = (id: string): GraphSystem => ({ id, name: id, role: 'other', holds: [], settings: {}, contracts: [], evidence: [] });
const flow = (from: string, to: string, data: DataCategory[] = ['diagnosis'], k = 0): GraphFlow => ({ id: `${from}->${to}${k ? `#${k}` : ''}`, from, to, data, transport: 'https', legalBasis: 'tpo', evidence: [] });
const graphOf = (flows: GraphFlow[]): Graph => ({
  practice: { name: 'P', lenses: ['default'], records: {} },
  systems: [{ ...system('practice'), role: 'practice' }, ...['a', 'b', 'c', 'z'].map(system)],
  flows, consents: [], redactions: [], identifiers: [], asOf: '2026-01-01T00:00:00.000Z',
});

describe('PHI neighbours in path queries', () => {
  it('breaks a shortest-path tie by id when the flows are listed in descending order', () => {
    const g = graphOf([flow('practice', 'c'), flow('practice', 'b'), flow('practice', 'a'), flow('c', 'z'), flow('b', 'z'), flow('a', 'z')]);
    expect(shortestPathTo(g, 'z')).toEqual(['practice', 'a', 'z']);
    expect(pathsTo(g, 'z')).toEqual([['practice', 'a', 'z'], ['practice', 'b', 'z'], ['practice', 'c', 'z']]);
    expect(reach(g, 'practice')).toEqual(['a', 'b', 'c', 'z']);
  });

  it('counts a peer once when two flows go to it, adjacent or not', () => {
    for (const flows of [
      [flow('practice', 'a', ['diagnosis'], 1), flow('practice', 'a', ['session_transcript'], 2), flow('a', 'z')],
      [flow('practice', 'a', ['diagnosis'], 1), flow('practice', 'b'), flow('practice', 'a', ['session_transcript'], 2), flow('a', 'z')],
    ]) {
      const g = graphOf(flows);
      expect(pathsTo(g, 'z')).toEqual([['practice', 'a', 'z']]);
      expect(shortestPathTo(g, 'z')).toEqual(['practice', 'a', 'z']);
    }
  });

  it('follows no flow under an empty category filter, and any PHI flow under none', () => {
    const g = graphOf([flow('practice', 'a', ['deidentified', 'diagnosis']), flow('a', 'z', ['deidentified'])]);
    expect(shortestPathTo(g, 'a')).toEqual(['practice', 'a']);
    expect(shortestPathTo(g, 'z')).toBeUndefined();
    expect(shortestPathTo(g, 'a', [])).toBeUndefined();
    expect(shortestPathTo(g, 'a', ['deidentified'])).toBeUndefined();
    expect(origins(g, [])).toEqual(['practice']);
  });
});
