import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { isUsRegion, offshoreProcessingRule } from './offshore-processing.rule.js';

describe('offshore-processing', () => {
  const scribe = (settings: Record<string, unknown>) =>
    new GraphBuilder().system('scribe', 'ai_notetaker', { settings }).flow('practice', 'scribe', ['session_transcript']);

  it('fires on a non-US storage region and on an offshore fact', () => {
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'eu-west-1' }).build())[0]!.likelihood).toBe(0.8);
    expect(evaluateRule(offshoreProcessingRule, scribe({}).baa('scribe', { offshore_processing: 'yes' }).build())[0]!.likelihood).toBe(0.7);
  });

  it('does not fire for US regions or offshore: no', () => {
    for (const r of ['US', 'us-east-1', 'eastus2', 'usgov-west-1']) expect(isUsRegion(r)).toBe(true);
    expect(isUsRegion('ap-south-1')).toBe(false);
    expect(evaluateRule(offshoreProcessingRule, scribe({ storage_region: 'US' }).baa('scribe', { offshore_processing: 'no' }).build())).toEqual([]);
  });
});
