import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { aggregationHubRule } from './aggregation-hub.rule.js';

describe('aggregation-hub', () => {
  const hub = () =>
    new GraphBuilder()
      .system('scribe', 'ai_notetaker')
      .system('platform', 'therapy_platform')
      .flow('practice', 'platform', ['progress_notes', 'diagnosis'])
      .flow('scribe', 'platform', ['session_recording', 'session_transcript']);

  it('fires when one system receives 4 sensitive categories from 2 sources', () => {
    const [d] = evaluateRule(aggregationHubRule, hub().build());
    expect(d!.subject).toBe('system:platform');
    expect(d!.categories).toHaveLength(4);
  });

  it('does not fire below the thresholds, and honours configured thresholds', () => {
    expect(evaluateRule(aggregationHubRule, hub().build(), { settings: { aggregationHub: { minSources: 3 } } })).toEqual([]);
    const single = new GraphBuilder().system('ehr', 'ehr').flow('practice', 'ehr', ['progress_notes', 'diagnosis', 'substance_use', 'psychotherapy_notes']).build();
    expect(evaluateRule(aggregationHubRule, single)).toEqual([]);
  });
});
