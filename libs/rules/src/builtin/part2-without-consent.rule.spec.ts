import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { part2WithoutConsentRule } from './part2-without-consent.rule.js';

describe('part2-without-consent', () => {
  const g = () => new GraphBuilder().system('ch', 'clearinghouse').flow('practice', 'ch', ['claims', 'substance_use']);

  it('fires on substance-use records without Part 2 consent; likelier for a Part 2 program', () => {
    const plain = evaluateRule(part2WithoutConsentRule, g().build())[0]!;
    const program = evaluateRule(part2WithoutConsentRule, g().build(), { lens: 'substance-use' })[0]!;
    expect(plain.likelihood).toBe(0.5);
    expect(program.likelihood).toBe(0.9);
    expect(program.impact).toBeGreaterThan(plain.impact);
  });

  it('treats a practice-declared lens like the requested one', () => {
    const declared = new GraphBuilder({ lenses: ['substance-use'] }).system('ch', 'clearinghouse').flow('practice', 'ch', ['substance_use']).build();
    expect(evaluateRule(part2WithoutConsentRule, declared)[0]!.likelihood).toBe(0.9);
  });

  it('does not fire with a live Part 2 consent; a generic authorization is not enough', () => {
    expect(evaluateRule(part2WithoutConsentRule, g().consent({ to: 'ch', data: ['substance_use'], type: 'part2' }).build())).toEqual([]);
    expect(evaluateRule(part2WithoutConsentRule, g().consent({ to: 'ch', data: ['substance_use'], type: 'authorization' }).build())).toHaveLength(1);
  });
});
