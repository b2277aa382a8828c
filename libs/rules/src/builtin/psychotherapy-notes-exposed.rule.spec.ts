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
