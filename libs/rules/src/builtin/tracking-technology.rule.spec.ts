import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { trackingTechnologyRule } from './tracking-technology.rule.js';

describe('tracking-technology', () => {
  const g = () =>
    new GraphBuilder()
      .system('portal', 'practice', { name: 'Patient portal' })
      .system('pixel', 'analytics_tracker', { name: 'Meta Pixel' })
      .flow('portal', 'pixel', ['web_identifiers', 'scheduling']);

  it('fires on a flow to a tracker, citing OCR guidance and the FTC rule', () => {
    const [d] = evaluateRule(trackingTechnologyRule, g().build());
    expect(d!.subject).toBe('flow:portal->pixel');
    expect(d!.likelihood).toBe(0.9);
    expect(trackingTechnologyRule.citations.map((c) => c.ref)).toContain('16 CFR Part 318');
  });

  it('rates a tracker under a BAA lower, and ignores trackers receiving nothing', () => {
    expect(evaluateRule(trackingTechnologyRule, g().baa('pixel').build())[0]!.likelihood).toBe(0.35);
    const empty = new GraphBuilder().system('pixel', 'analytics_tracker').build();
    expect(evaluateRule(trackingTechnologyRule, empty)).toEqual([]);
  });
});
