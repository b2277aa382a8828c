import { GraphBuilder, evaluateRule, makeFacts } from '../testing/graph-builder.js';
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

    // The flow-down BAA binds Nimbus for the telehealth's data: its offshore term, not Nimbus's own, speaks for that data.
    describe('a sub-processor read by the flow-down for its sender\'s data', () => {
      const OWN = 'Nimbus processes customer data at its facilities in Pune, India.';
      /** Nimbus with click-through terms of its own that say it works from India; `direct`: the practice also sends it claims. */
      const withOwnTerms = (flowdown: 'yes' | 'no', direct = false) => {
        const g = chain(flowdown === 'yes' ? 'Business Associate may process PHI in India.' : 'All PHI is stored and processed in the United States.');
        for (const s of g.systems) for (const c of s.contracts) c.facts.offshore_processing = { ...c.facts.offshore_processing, value: flowdown };
        const nimbus = g.systems.find((s) => s.id === 'subprocessor-nimbus')!;
        nimbus.contracts.push({ documentId: 'doc-nimbus-terms', file: 'nimbus-terms.pdf', kind: 'terms', facts: { ...makeFacts(), offshore_processing: { value: 'yes', evidence: [{ quote: OWN, start: 0, end: OWN.length }], confidence: 0.9, extractor: 'test' } } });
        if (direct) g.flows.push({ id: 'practice->subprocessor-nimbus', from: 'practice', to: 'subprocessor-nimbus', data: ['claims'], transport: 'https', legalBasis: 'none_known', evidence: [] });
        return g;
      };

      it('a flow-down that confines data to the US clears the sender\'s data, not what others send', () => {
        expect(evaluateRule(offshoreProcessingRule, withOwnTerms('no'))).toEqual([]);
        const [d, ...rest] = evaluateRule(offshoreProcessingRule, withOwnTerms('no', true));
        expect(rest).toEqual([]);
        expect(d!.subject).toBe('system:subprocessor-nimbus');
        expect(d!.categories).toEqual(['claims']);
        expect(d!.evidence.map((e) => e.quote)).toEqual([OWN]);
      });

      it('a flow-down that allows offshore speaks for the sender\'s data: its clause is raised once, on the sender', () => {
        const drafts = evaluateRule(offshoreProcessingRule, withOwnTerms('yes', true));
        expect(drafts.map((d) => [d.subject, d.categories])).toEqual([['system:telehealth', ['session_recording', 'contact']], ['system:subprocessor-nimbus', ['session_recording', 'claims']]]);
      });

      // Allowing offshore restricts nothing: what the sub-processor's own terms say it does with that data still stands.
      it('still raises the sub-processor\'s own offshore terms for the sender\'s data when the flow-down allows offshore too', () => {
        const drafts = evaluateRule(offshoreProcessingRule, withOwnTerms('yes'));
        expect(drafts.map((d) => [d.subject, d.categories])).toEqual([['system:telehealth', ['session_recording', 'contact']], ['system:subprocessor-nimbus', ['session_recording']]]);
        expect(drafts[1]!.evidence.map((e) => e.quote)).toEqual([OWN]);
        expect(drafts[1]!.detail).toBe('Nimbus Transcription Services Pvt processes PHI outside the US: its terms allow offshore processing.');
      });

      // The rule reads the holder's own record (RULE_READS in-out): an inherited clause allowing offshore is never
      // raised on the holder, even where the sender's own data is read by another contract, and the holder's own terms
      // (India) speak for that data.
      it('never raises the flow-down\'s allowing clause on the sub-processor, even when the sender\'s own terms are read otherwise', () => {
        const g = withOwnTerms('yes');
        // The telehealth's other BAA, which governs its own data first (ranked before the flow-down's by document id), keeps it in the US.
        const tele = g.systems.find((s) => s.id === 'telehealth')!;
        const confined = 'PHI stays in the United States.';
        tele.contracts.unshift({ ...tele.contracts[0]!, documentId: 'doc-a-telehealth', facts: { ...tele.contracts[0]!.facts, subcontractor_flowdown: { ...tele.contracts[0]!.facts.subcontractor_flowdown, value: 'no' }, offshore_processing: { value: 'no', evidence: [{ quote: confined, start: 0, end: confined.length }], confidence: 0.9, extractor: 'test' } } });
        const [d, ...rest] = evaluateRule(offshoreProcessingRule, g);
        expect(rest).toEqual([]);
        expect(d!.subject).toBe('system:subprocessor-nimbus');
        expect(d!.evidence.map((e) => e.quote)).toEqual([OWN]);
        expect(d!.detail).toBe('Nimbus Transcription Services Pvt processes PHI outside the US: its terms allow offshore processing.');
      });
    });

    it('a flow-down without an offshore clause raises nothing', () => {
      const g = chain(NIMBUS_CLAUSE);
      for (const s of g.systems) for (const c of s.contracts) c.facts.offshore_processing = { ...c.facts.offshore_processing, value: 'unspecified', evidence: [] };
      expect(evaluateRule(offshoreProcessingRule, g)).toEqual([]);
    });
  });
});
