import { baasInForce, expiredBaas, governingFact } from './contracts.js';
import { baaCoverage, heldCategories } from './graph-queries.js';
import { inRun } from './run-memo.js';
import { GraphBuilder, TEST_NOW } from './testing/graph-builder.js';

/**
 * Within one run, answers that depend only on a system's contracts are shared by every system with no contract
 * (most of an agency manifest's systems), as they are by systems holding the same one contract; a system with
 * no BAA at all gets one frozen coverage answer. Outside a run every call still computes afresh.
 */
describe('run memo: systems with no contract', () => {
  const graph = new GraphBuilder()
    .system('ehr', 'ehr', { holds: ['progress_notes'] })
    .system('billing', 'billing_service')
    .system('notetaker', 'ai_notetaker')
    .flow('practice', 'billing', ['claims'])
    .flow('practice', 'notetaker', ['session_recording'], { legalBasis: 'baa' })
    .baa('ehr', { baa_offered: 'yes' })
    .build();
  const sys = (id: string) => graph.systems.find((s) => s.id === id)!;

  it('shares one answer per kind among contract-less systems within a run, and the readings are the unshared ones', () => {
    const outside = { inForce: baasInForce(sys('billing'), TEST_NOW), fact: governingFact(sys('billing'), 'baa_offered', TEST_NOW) };
    inRun(graph, TEST_NOW, () => {
      const billing = sys('billing');
      const notetaker = sys('notetaker');
      expect(baasInForce(billing, TEST_NOW)).toBe(baasInForce(notetaker, TEST_NOW));
      expect(expiredBaas(billing, TEST_NOW)).toBe(expiredBaas(notetaker, TEST_NOW));
      expect(governingFact(billing, 'baa_offered', TEST_NOW)).toBe(governingFact(notetaker, 'baa_offered', TEST_NOW));
      // A kind is its own answer: another fact is not the first one's reading.
      expect(governingFact(billing, 'subcontractor_flowdown', TEST_NOW)).not.toBe(governingFact(billing, 'baa_offered', TEST_NOW));
      expect(baasInForce(billing, TEST_NOW)).toEqual(outside.inForce);
      expect(governingFact(billing, 'baa_offered', TEST_NOW)).toEqual(outside.fact);
      // The system with a BAA still reads its own.
      expect(baasInForce(sys('ehr'), TEST_NOW)).toHaveLength(1);
      expect(governingFact(sys('ehr'), 'baa_offered', TEST_NOW).value).toBe('yes');
    });
    expect(baasInForce(sys('billing'), TEST_NOW)).not.toBe(baasInForce(sys('notetaker'), TEST_NOW));
  });

  it('gives a system with no BAA and no flow declared under one a frozen, shared "not covered"', () => {
    const billing = baaCoverage(graph, 'billing', TEST_NOW);
    expect(billing).toEqual({ covered: false, via: 'none', inForce: [], expired: [], evidence: [] });
    expect(Object.isFrozen(billing) && Object.isFrozen(billing.evidence)).toBe(true);
    expect(baaCoverage(graph, 'practice', TEST_NOW)).toBe(billing);
    // A flow declared under a BAA, or a BAA on file, is its own answer.
    expect(baaCoverage(graph, 'notetaker', TEST_NOW)).toMatchObject({ covered: true, via: 'flow_legal_basis' });
    expect(baaCoverage(graph, 'ehr', TEST_NOW)).toMatchObject({ covered: true, via: 'contract' });
  });

  it('computes a system answer afresh outside a run and once per system inside one', () => {
    expect(heldCategories(graph, 'ehr')).not.toBe(heldCategories(graph, 'ehr'));
    inRun(graph, TEST_NOW, () => expect(heldCategories(graph, 'ehr')).toBe(heldCategories(graph, 'ehr')));
  });
});
