import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { unauthorizedThirdPartyDisclosureRule } from './unauthorized-third-party-disclosure.rule.js';

describe('unauthorized-third-party-disclosure', () => {
  const employer = () =>
    new GraphBuilder().system('acme', 'employer', { name: 'Acme Corp' }).flow('practice', 'acme', ['progress_notes', 'scheduling'], { purpose: 'return-to-work' });

  it('fires on progress notes to an employer with no authorization', () => {
    const [d] = evaluateRule(unauthorizedThirdPartyDisclosureRule, employer().build());
    expect(d!.subject).toBe('flow:practice->acme');
    expect(d!.categories).toEqual(['progress_notes', 'scheduling']);
    expect(d!.likelihood).toBe(0.9);
  });

  it('does not fire with a live authorization covering every category (matched by name)', () => {
    const g = employer().consent({ to: 'Acme Corp', data: ['progress_notes', 'scheduling'], expires: '2026-06-30' }).build();
    expect(evaluateRule(unauthorizedThirdPartyDisclosureRule, g)).toEqual([]);
  });

  it('fires on the categories an authorization does not cover, and on an expired one', () => {
    const partial = employer().consent({ to: 'acme', data: ['scheduling'], expires: '2026-06-30' }).build();
    expect(evaluateRule(unauthorizedThirdPartyDisclosureRule, partial)[0]!.categories).toEqual(['progress_notes']);
    const expired = employer().consent({ to: 'acme', data: ['progress_notes', 'scheduling'], expires: '2025-06-30' }).build();
    expect(evaluateRule(unauthorizedThirdPartyDisclosureRule, expired)[0]!.detail).toContain('expired on 2025-06-30');
  });

  it('ignores business associates and recording consents', () => {
    const ba = new GraphBuilder().system('ehr', 'ehr').flow('practice', 'ehr', ['progress_notes']).build();
    expect(evaluateRule(unauthorizedThirdPartyDisclosureRule, ba)).toEqual([]);
    const wrongType = employer().consent({ to: 'acme', data: ['progress_notes', 'scheduling'], type: 'recording' }).build();
    expect(evaluateRule(unauthorizedThirdPartyDisclosureRule, wrongType)).toHaveLength(1);
  });
});
