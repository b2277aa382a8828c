import type { ExtractionResult } from '@custody/domain';
import { FACT_NAMES } from '@custody/domain';
import { checkEvidence, finishEvidence, newEvidence } from './extraction-evidence.js';

// A result whose only quotes are `evidence` and one review candidate's `review`, both on the first fact.
const resultWith = (evidence: { quote: string; start?: number; end?: number }[], review: { quote: string; start?: number; end?: number }[] = []) =>
  ({ facts: Object.fromEntries(FACT_NAMES.map((f, i) => [f, { evidence: i === 0 ? evidence : [], review: i === 0 ? [{ evidence: review }] : [] }])) }) as unknown as ExtractionResult;

describe('evidence validity', () => {
  const source = 'The processor deletes data within 30 days.';

  it('counts a quote verbatim only at its offsets, and one found elsewhere as anywhere', () => {
    const into = newEvidence();
    checkEvidence(resultWith([{ quote: 'deletes data', start: 14, end: 26 }], [{ quote: 'within 30 days', start: 0, end: 14 }]), source, 'a.md', into);
    const e = finishEvidence(into);
    expect({ quotes: e.quotes, atOffsets: e.atOffsets, anywhere: e.anywhere, validity: e.validity }).toEqual({ quotes: 2, atOffsets: 1, anywhere: 2, validity: 0.5 });
    expect(e.invalid).toEqual([`a.md ${FACT_NAMES[0]}: "within 30 days"`]);
  });

  it('counts a quote without offsets as not verbatim, and no quote at all as fully valid', () => {
    const into = newEvidence();
    checkEvidence(resultWith([{ quote: 'processor' }]), source, 'b.md', into);
    expect(finishEvidence(into).validity).toBe(0);
    expect(finishEvidence(newEvidence()).validity).toBe(1);
  });

  it('checks the document\'s expiry clause too, at its offsets', () => {
    const into = newEvidence();
    const result = { ...resultWith([]), document: { kind: 'baa', parties: [], textLength: 42, expiresEvidence: { quote: 'within 30 days', start: 0, end: 14 } } } as ExtractionResult;
    checkEvidence(result, source, 'c.md', into);
    expect(finishEvidence(into)).toMatchObject({ quotes: 1, atOffsets: 0, invalid: ['c.md expires: "within 30 days"'] });
  });
});
