import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { weakLawEnforcementPostureRule } from './weak-law-enforcement-posture.rule.js';

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
});
