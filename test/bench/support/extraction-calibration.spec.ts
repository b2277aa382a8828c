import { FACT_NAMES } from '@custody/domain';
import { calibrationSummary } from './extraction-calibration.js';
import type { CorpusReport } from './extraction-scoring.js';

describe('calibration summary', () => {
  const point = (confidence: number, correct: boolean) => ({ fact: FACT_NAMES[0], kind: 'privacy_policy', confidence, correct });
  const corpus = (name: string, role: CorpusReport['role'], calibration: ReturnType<typeof point>[], tp: number, fn: number) =>
    ({ name, role, micro: { tp, fp: 0, fn }, positivesByKind: { privacy_policy: tp + fn }, calibration }) as unknown as CorpusReport;

  it('keeps unseen sets apart from the tuning sets and chooses the threshold on the tuning sets alone', () => {
    const tuning = corpus('ota-tune', 'tune', [point(0.55, false), point(0.8, true), point(0.9, true)], 2, 0);
    const unseen = corpus('ota-freshN', 'fresh', [point(0.55, true), point(0.6, true)], 2, 0);
    const s = calibrationSummary([corpus('project', 'tuned', [point(0.1, false)], 0, 0), tuning, unseen]);
    expect(s.tuningCorpora.map((c) => c.name)).toEqual(['ota-tune']);
    expect(s.heldOutCorpora.map((c) => c.name)).toEqual(['ota-freshN']);
    // Every threshold from 0.6 to 0.8 keeps the two right answers (F0.5 = 1): the highest of them is chosen.
    expect(s.chosenThreshold).toEqual({ threshold: 0.8, kept: 2, precision: 1, recall: 1 });
    expect(s.calibrationByKind.heldOut.privacy_policy.find((r) => r.threshold === 0.6)).toEqual({ threshold: 0.6, kept: 1, precision: 1, recall: 0.5 });
  });
});
