import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { weakLawEnforcementPostureRule } from './weak-law-enforcement-posture.rule.js';
import { sensitiveDetailExposedRule } from './sensitive-detail-exposed.rule.js';
import { routedHost } from '../testing/routed-host.js';

describe('weak-law-enforcement-posture', () => {
  const ehr = (value?: 'any_legal_request' | 'judicial_process_only' | 'legal_process_with_notice' | 'unspecified') => {
    const b = new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes', 'scheduling'] });
    if (value) b.baa('ehr', { law_enforcement_disclosure: value });
    return b.build();
  };

  it('fires on an EHR that discloses on any legal request, citing 164.512(f)', () => {
    const [d] = evaluateRule(weakLawEnforcementPostureRule, ehr('any_legal_request'));
    expect(d!.likelihood).toBe(0.9);
    expect(d!.categories).toEqual(['progress_notes']);
    expect(weakLawEnforcementPostureRule.citations.map((c) => c.ref)).toContain('45 CFR 164.512(f)');
  });

  it('fires, less likely, when the terms are silent or there are none', () => {
    expect(evaluateRule(weakLawEnforcementPostureRule, ehr('unspecified'))[0]!.likelihood).toBe(0.6);
    expect(evaluateRule(weakLawEnforcementPostureRule, ehr())[0]!.likelihood).toBe(0.6);
    expect(evaluateRule(weakLawEnforcementPostureRule, ehr())[0]!.detail).toContain('no contract on file');
  });

  it('does not fire for judicial-process-only or notice-first terms', () => {
    expect(evaluateRule(weakLawEnforcementPostureRule, ehr('judicial_process_only'))).toEqual([]);
    expect(evaluateRule(weakLawEnforcementPostureRule, ehr('legal_process_with_notice'))).toEqual([]);
  });

  it('raises impact under the immigrant-clients lens', () => {
    const plain = evaluateRule(weakLawEnforcementPostureRule, ehr('any_legal_request'))[0]!;
    const lensed = evaluateRule(weakLawEnforcementPostureRule, ehr('any_legal_request'), { lens: 'immigrant-clients' })[0]!;
    expect(lensed.impact).toBeGreaterThan(plain.impact);
  });

  it('ignores holders of only non-sensitive data, payers and employers', () => {
    const g = new GraphBuilder()
      .system('sms', 'communications', { holds: ['contact', 'scheduling'] })
      .system('aetna', 'payer', { holds: ['diagnosis'] })
      .system('boss', 'employer', { holds: ['progress_notes'] })
      .build();
    expect(evaluateRule(weakLawEnforcementPostureRule, g)).toEqual([]);
  });

  it('counts claims: a claims database with no terms on file is where enforcement looks', () => {
    const g = new GraphBuilder().system('claimsearch', 'data_broker', { holds: ['claims', 'demographics'] }).build();
    expect(evaluateRule(weakLawEnforcementPostureRule, g).map((d) => [d.subject, d.categories])).toEqual([['system:claimsearch', ['claims']]]);
  });

  describe('a contract held through a sender\'s flow-down covers that sender\'s data only', () => {
    it('keeps a host bound only by the records system\'s flow-down (judicial orders only) out of it', () => {
      expect(evaluateRule(weakLawEnforcementPostureRule, routedHost())).toEqual([]);
    });

    it('judges what another sender brings as under no contract, naming that sender and citing its flows', () => {
      const g = routedHost({ dictation: true });
      const [d, ...rest] = evaluateRule(weakLawEnforcementPostureRule, g);
      expect(rest).toEqual([]);
      expect(d!.subject).toBe('system:host');
      expect(d!.categories).toEqual(['session_transcript']);
      expect(d!.likelihood).toBe(0.6);
      const detail = d!.detail;
      expect(detail).toContain('for what Quillnote sends it, no contract on file says');
      expect(detail).toContain('Ledgerline Records\'s contract binds it only for what Ledgerline Records sends');
      const dictated = g.flows.find((f) => f.from === 'dictate')!;
      expect(d!.evidence).toEqual(expect.arrayContaining(dictated.evidence));
      expect(d!.evidence).not.toEqual(expect.arrayContaining(g.flows.find((f) => f.from === 'records')!.evidence));
    });

    it('counts a fleet install of a vendor as that vendor on the route (named by the vendor)', () => {
      const [d] = evaluateRule(weakLawEnforcementPostureRule, routedHost({ dictation: true, installs: 3 }));
      expect(d!.categories).toContain('session_recording');
      const detail = d!.detail;
      expect(detail).toContain('for what Quillnote sends it');
      expect(detail).not.toContain('install');
    });

    it('reads the host\'s own terms for the other sender\'s data, and keeps the flow-down\'s for its sender\'s', () => {
      const weak = evaluateRule(weakLawEnforcementPostureRule, routedHost({ dictation: true, ownTerms: { law_enforcement_disclosure: 'any_legal_request' } }));
      expect(weak.map((d) => [d.categories, d.likelihood])).toEqual([[['session_transcript'], 0.9]]);
      expect(evaluateRule(weakLawEnforcementPostureRule, routedHost({ dictation: true, ownTerms: { law_enforcement_disclosure: 'judicial_process_only' } }))).toEqual([]);
    });

    it('exposes sensitive detail documented in the other sender\'s transcripts, not in the flow-down sender\'s notes', () => {
      const g = routedHost({ dictation: true });
      g.practice.records.documents_sensitive = ['immigration_status'];
      const [d, ...rest] = evaluateRule(sensitiveDetailExposedRule, g);
      expect(rest).toEqual([]);
      expect(d!.categories).toEqual(['immigration_status']);
      expect(evaluateRule(sensitiveDetailExposedRule, (() => { const h = routedHost(); h.practice.records.documents_sensitive = ['immigration_status']; return h; })())).toEqual([]);
    });
  });
});
