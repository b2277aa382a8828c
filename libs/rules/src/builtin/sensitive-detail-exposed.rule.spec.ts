import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { sensitiveDetailExposedRule } from './sensitive-detail-exposed.rule.js';

describe('sensitive-detail-exposed', () => {
  it('fires on an EHR holding immigration status with any-legal-request disclosure', () => {
    const g = new GraphBuilder()
      .system('ehr', 'ehr', { holds: ['immigration_status', 'progress_notes'] })
      .baa('ehr', { law_enforcement_disclosure: 'any_legal_request' })
      .build();
    const [d] = evaluateRule(sensitiveDetailExposedRule, g);
    expect(d!.categories).toEqual(['immigration_status']);
    expect(d!.likelihood).toBe(0.9);
  });

  it('fires through notes when the practice documents political activity and the vendor holds transcripts', () => {
    const g = new GraphBuilder({ records: { documents_sensitive: ['political_activity'] } })
      .system('scribe', 'ai_notetaker')
      .flow('practice', 'scribe', ['session_transcript'])
      .build();
    const [d] = evaluateRule(sensitiveDetailExposedRule, g, { lens: 'immigrant-clients' });
    expect(d!.categories).toEqual(['political_activity']);
    expect(d!.likelihood).toBeCloseTo(0.6 * 0.85);
    expect(d!.impact).toBeCloseTo(0.9);
  });

  it('does not fire when the holder discloses only on judicial process, or holds no such detail', () => {
    const strong = new GraphBuilder()
      .system('ehr', 'ehr', { holds: ['immigration_status'] })
      .baa('ehr', { law_enforcement_disclosure: 'judicial_process_only' })
      .build();
    expect(evaluateRule(sensitiveDetailExposedRule, strong)).toEqual([]);
    const none = new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes'] }).build();
    expect(evaluateRule(sensitiveDetailExposedRule, none)).toEqual([]);
  });
});
