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

  it('counts a notetaker fleet as one source (its vendor), not one per install', () => {
    const b = new GraphBuilder()
      .system('scribe', 'ai_notetaker', { name: 'Upheal' })
      .system('llm', 'llm_provider')
      .flow('scribe', 'llm', ['session_recording', 'session_transcript', 'diagnosis', 'progress_notes']);
    for (const n of [1, 2, 3]) b.system(`install-${n}`, 'ai_notetaker', { name: `Upheal on laptop ${n}` }).flow(`install-${n}`, 'llm', ['session_recording']);
    const g = b.build();
    for (const n of [1, 2, 3]) g.systems.find((s) => s.id === `install-${n}`)!.group = { vendor: 'Upheal', site: 'Main' };
    expect(evaluateRule(aggregationHubRule, g)).toEqual([]);
    // A second party sending to it makes it a hub again, counted as two sources.
    g.flows.push({ ...g.flows[0]!, id: 'ehr->llm', from: 'ehr' });
    g.systems.push({ ...g.systems.find((s) => s.id === 'llm')!, id: 'ehr', name: 'EHR', role: 'ehr' });
    expect(evaluateRule(aggregationHubRule, g).map((d) => d.detail)).toEqual([expect.stringContaining('from 2 sources (EHR and Upheal)')]);
  });
});
