import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { dataSaleOrMarketingRule } from './data-sale-or-marketing.rule.js';

describe('data-sale-or-marketing', () => {
  const g = (value: 'allowed' | 'prohibited') =>
    new GraphBuilder()
      .system('sms', 'communications', { name: 'RemindMe' })
      .flow('practice', 'sms', ['contact', 'scheduling'])
      .contract('sms', { data_sale_or_marketing: value }, { kind: 'privacy_policy' })
      .build();

  it('fires when the terms allow sale or marketing, weighted by what it holds', () => {
    const [d] = evaluateRule(dataSaleOrMarketingRule, g('allowed'));
    expect(d!.categories).toEqual(['contact', 'scheduling']);
    expect(d!.impact).toBeCloseTo(0.4);
  });

  it('does not fire when prohibited', () => {
    expect(evaluateRule(dataSaleOrMarketingRule, g('prohibited'))).toEqual([]);
  });
});
