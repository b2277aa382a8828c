import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { isUsRegion, offshoreProcessingRule } from './offshore-processing.rule.js';

describe('offshore-processing', () => {
  const scribe = (settings: Record<string, unknown>) =>
    new GraphBuilder().system('scribe', 'ai_notetaker', { settings }).flow('practice', 'scribe', ['session_transcript']);

  it('fires on a non-US storage region and on an offshore fact', () => {
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'eu-west-1' }).build())[0]!.likelihood).toBe(0.8);
    expect(evaluateRule(offshoreProcessingRule, scribe({}).baa('scribe', { offshore_processing: 'yes' }).build())[0]!.likelihood).toBe(0.7);
  });

  it('names the region in words, not the code the export wrote', () => {
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'PH' }).build())[0]!.detail).toBe('scribe processes PHI outside the US: its settings store data in Philippines.');
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'in' }).build())[0]!.detail).toMatch(/store data in India\.$/);
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'eu-west-1' }).build())[0]!.detail).toMatch(/store data in eu-west-1, Europe\.$/);
  });

  it('does not fire for US regions or offshore: no', () => {
    for (const r of ['US', 'us-east-1', 'eastus2', 'usgov-west-1']) expect(isUsRegion(r)).toBe(true);
    expect(isUsRegion('ap-south-1')).toBe(false);
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'US' }).baa('scribe', { offshore_processing: 'no' }).build())).toEqual([]);
  });

  describe('a named subcontractor abroad, through the contract chain', () => {
    const NIMBUS_CLAUSE = 'Its subcontractor Nimbus Transcription Services Pvt. Ltd. produces session transcripts from its facilities in Pune, India.';
    /** Telehealth's BAA (flow-down, names Nimbus); Nimbus bound by it through the chain, as the projection marks it. */
    const chain = (quote: string) => {
      const g = new GraphBuilder()
        .system('telehealth', 'telehealth', { name: 'VidaSession' })
        .system('subprocessor-nimbus', 'other', { name: 'Nimbus Transcription Services Pvt' })
        .flow('practice', 'telehealth', ['session_recording', 'contact'])
        .flow('telehealth', 'subprocessor-nimbus', ['session_recording'])
        .baa('telehealth', { offshore_processing: 'yes', subcontractor_flowdown: 'yes', subprocessors_named: ['Nimbus Transcription Services Pvt'] })
        .build();
      const tele = g.systems.find((s) => s.id === 'telehealth')!;
      tele.contracts[0]!.facts.offshore_processing.evidence = [{ quote, start: 0, end: quote.length }];
      g.systems.find((s) => s.id === 'subprocessor-nimbus')!.contracts.push({ ...tele.contracts[0]!, via: { system: 'telehealth', relation: 'flowdown' } });
      return g;
    };

    it('raises one finding on the flow to the subcontractor, citing the clause, and none on either system', () => {
      const drafts = evaluateRule(offshoreProcessingRule, chain(NIMBUS_CLAUSE));
      expect(drafts.map((d) => d.subject)).toEqual(['flow:telehealth->subprocessor-nimbus']);
      expect(drafts[0]!.systems).toEqual(['telehealth', 'subprocessor-nimbus']);
      expect(drafts[0]!.categories).toEqual(['session_recording']);
      expect(drafts[0]!.evidence.map((e) => e.quote)).toEqual([NIMBUS_CLAUSE]);
    });

    it('keeps a clause about the vendor itself on the vendor, and never re-raises it on the bound sub-processor', () => {
      const drafts = evaluateRule(offshoreProcessingRule, chain('Business Associate may process PHI in India.'));
      expect(drafts.map((d) => d.subject)).toEqual(['system:telehealth']);
    });

    it('a flow-down without an offshore clause raises nothing', () => {
      const g = chain(NIMBUS_CLAUSE);
      for (const s of g.systems) for (const c of s.contracts) c.facts.offshore_processing = { ...c.facts.offshore_processing, value: 'unspecified', evidence: [] };
      expect(evaluateRule(offshoreProcessingRule, g)).toEqual([]);
    });
  });
});
