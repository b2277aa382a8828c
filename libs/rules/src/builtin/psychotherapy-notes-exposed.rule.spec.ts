import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { psychotherapyNotesExposedRule } from './psychotherapy-notes-exposed.rule.js';

describe('psychotherapy-notes-exposed', () => {
  it('fires on psychotherapy notes flowing from the EHR to a clearinghouse', () => {
    const g = new GraphBuilder()
      .system('ehr', 'ehr', { holds: ['psychotherapy_notes'] })
      .system('ch', 'clearinghouse')
      .flow('ehr', 'ch', ['claims', 'psychotherapy_notes'])
      .build();
    const drafts = evaluateRule(psychotherapyNotesExposedRule, g);
    expect(drafts.map((d) => d.subject)).toEqual(['flow:ehr->ch']);
    expect(drafts[0]!.impact).toBe(1);
  });

  it('does not fire for notes moving from the practice to its EHR, or with a live authorization', () => {
    const toEhr = new GraphBuilder().system('ehr', 'ehr').flow('practice', 'ehr', ['psychotherapy_notes']).build();
    expect(evaluateRule(psychotherapyNotesExposedRule, toEhr)).toEqual([]);
    const authorised = new GraphBuilder()
      .system('atty', 'other')
      .flow('practice', 'atty', ['psychotherapy_notes'])
      .consent({ to: 'atty', data: ['psychotherapy_notes'], type: 'authorization', expires: '2026-12-31' })
      .build();
    expect(evaluateRule(psychotherapyNotesExposedRule, authorised)).toEqual([]);
  });

  it('does not fire for the EHR\'s hosting bound by the EHR\'s flow-down, but does for an unbound one', () => {
    const build = (bound: boolean) => {
      const g = new GraphBuilder().system('ehr', 'ehr', { holds: ['psychotherapy_notes'] }).system('aws', 'cloud_storage').flow('ehr', 'aws', ['psychotherapy_notes']).build();
      if (bound) g.systems.find((s) => s.id === 'aws')!.contracts.push({ documentId: 'd', file: 'ehr-baa.md', kind: 'baa', facts: {} as never, via: { system: 'ehr', relation: 'flowdown' } });
      return g;
    };
    expect(evaluateRule(psychotherapyNotesExposedRule, build(true))).toEqual([]);
    expect(evaluateRule(psychotherapyNotesExposedRule, build(false)).map((d) => d.subject)).toEqual(['flow:ehr->aws']);
  });

  it('fires when the authorization has expired', () => {
    const g = new GraphBuilder()
      .system('atty', 'other')
      .flow('practice', 'atty', ['psychotherapy_notes'])
      .consent({ to: 'atty', data: ['psychotherapy_notes'], type: 'authorization', expires: '2025-12-31' })
      .build();
    expect(evaluateRule(psychotherapyNotesExposedRule, g)).toHaveLength(1);
  });

  it('fires when the practice does not keep them separately, and not when it does', () => {
    const no = new GraphBuilder({ records: { psychotherapy_notes_kept_separately: false } }).build();
    expect(evaluateRule(psychotherapyNotesExposedRule, no).map((d) => d.subject)).toEqual(['system:practice']);
    const yes = new GraphBuilder({ records: { psychotherapy_notes_kept_separately: true } }).build();
    expect(evaluateRule(psychotherapyNotesExposedRule, yes)).toEqual([]);
  });

  it('fires on a platform declared to hold psychotherapy notes', () => {
    const g = new GraphBuilder().system('platform', 'therapy_platform', { holds: ['psychotherapy_notes'] }).build();
    expect(evaluateRule(psychotherapyNotesExposedRule, g).map((d) => d.subject)).toEqual(['system:platform']);
  });
});
