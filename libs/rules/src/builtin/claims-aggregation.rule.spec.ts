import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { claimsAggregationRule } from './claims-aggregation.rule.js';

describe('claims-aggregation', () => {
  it('fires on claims reaching a data broker through a clearinghouse, on the full path', () => {
    const g = new GraphBuilder()
      .system('ehr', 'ehr', { holds: ['claims', 'diagnosis'] })
      .system('ch', 'clearinghouse')
      .system('iso', 'data_broker', { name: 'ISO ClaimSearch' })
      .flow('ehr', 'ch', ['claims', 'diagnosis'])
      .flow('ch', 'iso', ['claims', 'demographics'])
      .build();
    const [d, ...rest] = evaluateRule(claimsAggregationRule, g);
    expect(rest).toEqual([]);
    expect(d!.subject).toBe('path:ehr>ch>iso');
    expect(d!.systems).toEqual(['iso', 'ch']);
    expect(d!.likelihood).toBe(0.9);
  });

  it('does not fire for claims going only to a payer, or non-claims data to a broker', () => {
    const g = new GraphBuilder()
      .system('ch', 'clearinghouse')
      .system('aetna', 'payer')
      .system('broker', 'data_broker')
      .flow('practice', 'ch', ['claims'])
      .flow('ch', 'aetna', ['claims'])
      .flow('practice', 'broker', ['web_identifiers'])
      .build();
    expect(evaluateRule(claimsAggregationRule, g)).toEqual([]);
  });
});
