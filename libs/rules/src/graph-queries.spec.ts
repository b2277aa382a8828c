import {
  baaCoverage, boolSetting, daysSetting, heldCategories, inboundCategories, isDirectAssociate, origins, pathsTo, reach,
  modelledNameMatcher, shortestPathTo, stateOf,
} from './graph-queries.js';
import { systemNameMatcher } from './contracts.js';
import { inRun } from './run-memo.js';
import { GraphBuilder, TEST_NOW } from './testing/graph-builder.js';

const g = () =>
  new GraphBuilder({ records: { documents_sensitive: ['immigration_status'] } })
    .system('ehr', 'ehr', { holds: ['progress_notes'] })
    .system('scribe', 'ai_notetaker')
    .system('llm', 'llm_provider')
    .system('ch', 'clearinghouse')
    .flow('practice', 'scribe', ['session_recording'])
    .flow('scribe', 'llm', ['session_transcript'])
    .flow('ehr', 'ch', ['claims'])
    .flow('scribe', 'ehr', ['progress_notes'])
    .flow('ehr', 'llm', ['deidentified']);

describe('graph-queries', () => {
  it('held categories are holds ∪ inbound PHI; the practice adds what it documents', () => {
    const graph = g().build();
    expect(heldCategories(graph, 'ehr')).toEqual(['progress_notes']);
    expect(inboundCategories(graph, 'llm')).toEqual(['session_transcript']);
    expect(heldCategories(graph, 'practice')).toEqual(['immigration_status']);
  });

  it('matches names against the graph\'s systems with one matcher per run, answering as systemNameMatcher', () => {
    const graph = g().build();
    const plain = systemNameMatcher(graph.systems);
    // Outside a run each call builds its own; within one the rules' class runs share the first.
    expect(modelledNameMatcher(graph)).not.toBe(modelledNameMatcher(graph));
    inRun(graph, TEST_NOW, () => {
      const m = modelledNameMatcher(graph);
      expect(modelledNameMatcher(graph)).toBe(m);
      for (const name of ['LLM', 'Scribe Inc.', 'OpenAI', 'ehr', '']) expect(m(name)).toBe(plain(name));
    });
  });

  it('finds origins, shortest paths and all paths deterministically', () => {
    const graph = g().build();
    expect(origins(graph)).toEqual(['practice']);
    expect(shortestPathTo(graph, 'ch')).toEqual(['practice', 'scribe', 'ehr', 'ch']);
    expect(shortestPathTo(graph, 'ch', ['claims'])).toEqual(['ehr', 'ch']);
    expect(pathsTo(graph, 'llm')).toEqual([['practice', 'scribe', 'llm']]);
    expect(shortestPathTo(graph, 'nowhere')).toBeUndefined();
  });

  it('reach follows PHI flows only', () => {
    expect(reach(g().build(), 'scribe')).toEqual(['ch', 'ehr', 'llm']);
    expect(reach(g().build(), 'ch')).toEqual([]);
  });

  it('tells direct associates from sub-processors', () => {
    const graph = g().build();
    expect(isDirectAssociate(graph, 'scribe')).toBe(true);
    expect(isDirectAssociate(graph, 'llm')).toBe(false);
    expect(isDirectAssociate(graph, 'ch')).toBe(false);
  });

  it('BAA coverage: contract in force, declared flow basis, or none; an expired BAA overrides a declared basis', () => {
    expect(baaCoverage(g().baa('ehr').build(), 'ehr', TEST_NOW).via).toBe('contract');
    const declared = new GraphBuilder().system('x', 'other').flow('practice', 'x', ['contact'], { legalBasis: 'baa' });
    expect(baaCoverage(declared.build(), 'x', TEST_NOW).via).toBe('flow_legal_basis');
    expect(baaCoverage(declared.baa('x', {}, { expires: '2020-01-01' }).build(), 'x', TEST_NOW).covered).toBe(false);
  });

  it('parses settings and jurisdictions leniently', () => {
    const graph = new GraphBuilder().system('s', 'ai_notetaker', { settings: { a: 'no', b: 'forever', c: '45' } }).build();
    const s = graph.systems[1]!;
    expect(boolSetting(s, 'a')).toBe(false);
    expect(daysSetting(s, 'b')).toBe(Infinity);
    expect(daysSetting(s, 'c')).toBe(45);
    expect(stateOf('US-CA')).toBe('CA');
    expect(stateOf('wa')).toBe('WA');
    expect(stateOf('Canada')).toBeUndefined();
  });
});
