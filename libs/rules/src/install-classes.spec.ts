import type { DataCategory, Graph } from '@custody/domain';
import { vendorSystems } from './graph-queries.js';
import { ruleClasses } from './install-classes.js';
import { inRun } from './run-memo.js';
import { GraphBuilder, TEST_NOW } from './testing/graph-builder.js';

/**
 * An install's class key (install-classes.ts) is numbered part by part, not written out as one text: installs
 * share a class exactly when every part is equal, lists compared item by item with their lengths, so parts
 * never run into each other (a flow's data list and what follows it, a missing purpose and a stated one).
 */
describe('classes of fleet installs', () => {
  type Install = { data?: DataCategory[]; purpose?: string; holds?: DataCategory[]; toOpenai?: boolean };
  const fleet = (installs: Install[]): Graph => {
    const b = new GraphBuilder().system('openai', 'llm_provider', { name: 'OpenAI' });
    installs.forEach((x, i) => {
      const id = `install-${i}`;
      b.system(id, 'ai_notetaker', { name: `Scribewell install ${i}`, holds: x.holds ?? [] });
      b.flow('practice', id, x.data ?? ['session_recording'], x.purpose === undefined ? {} : { purpose: x.purpose });
      if (x.toOpenai) b.flow(id, 'openai', ['session_transcript']);
    });
    const graph = b.build();
    for (const s of graph.systems) if (s.id.startsWith('install-')) s.group = { vendor: 'Scribewell AI', site: 'Oakland' };
    return graph;
  };
  /** Each install's class, as its representative's position among the installs. */
  const classesOf = (graph: Graph): number[] =>
    inRun(graph, TEST_NOW, () => {
      const vendors = vendorSystems(graph);
      const { repOf } = ruleClasses(graph, vendors, { settings: [] });
      const installs = vendors.flatMap((s, p) => (s.group ? [p] : []));
      return installs.map((p) => installs.indexOf(repOf[p]!));
    });

  it('puts installs alike in every part in one class, and one differing in any part in its own', () => {
    const graph = fleet([
      {},
      {},
      { data: ['session_recording', 'diagnosis'] },
      { purpose: 'notes' },
      { holds: ['diagnosis'] },
      { toOpenai: true },
      { toOpenai: true },
    ]);
    expect(classesOf(graph)).toEqual([0, 0, 2, 3, 4, 5, 5]);
  });

  it('keeps list parts apart by their lengths: the same values split differently are different keys', () => {
    // One data list of two categories, and a list of one with the other held: the same values in sequence.
    const graph = fleet([
      { data: ['session_recording', 'diagnosis'] },
      { data: ['session_recording'], holds: ['diagnosis'] },
      { data: ['session_recording', 'diagnosis'] },
    ]);
    expect(classesOf(graph)).toEqual([0, 1, 0]);
  });
});
