import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { minimumNecessaryRule } from './minimum-necessary.rule.js';

describe('minimum-necessary', () => {
  it('fires on progress notes to a clearinghouse, charging only the excess categories', () => {
    const g = new GraphBuilder().system('ch', 'clearinghouse').flow('practice', 'ch', ['claims', 'diagnosis', 'progress_notes']).build();
    const [d] = evaluateRule(minimumNecessaryRule, g);
    expect(d!.categories).toEqual(['progress_notes']);
    expect(d!.subject).toBe('flow:practice->ch');
  });

  it('fires on a diagnosis in an SMS reminder', () => {
    const g = new GraphBuilder().system('sms', 'communications').flow('practice', 'sms', ['contact', 'scheduling', 'diagnosis']).build();
    expect(evaluateRule(minimumNecessaryRule, g)[0]!.categories).toEqual(['diagnosis']);
  });

  it('does not fire for claims data to a clearinghouse, or for treatment (EHR)', () => {
    const g = new GraphBuilder()
      .system('ch', 'clearinghouse')
      .system('ehr', 'ehr')
      .flow('practice', 'ch', ['claims', 'diagnosis', 'insurance_ids'])
      .flow('practice', 'ehr', ['progress_notes', 'psychotherapy_notes'])
      .build();
    expect(evaluateRule(minimumNecessaryRule, g)).toEqual([]);
  });
});
