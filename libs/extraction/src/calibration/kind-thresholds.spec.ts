import type { DocumentKind, FactSet } from '@custody/domain';
import { extractFacts } from '../extract-facts.js';
import { abstain, thresholdOf } from './calibrate.js';
import { CALIBRATION } from './calibration-weights.js';
import type { KindThresholds } from './kind-thresholds.js';

// A policy stating where data goes: the uncalibrated reading asserts offshore processing with a quote.
const TEXT = '# Data locations\n\nWe may transfer and process your personal data in countries outside the United States, including India and Ireland.\n';
const OWN = CALIBRATION.thresholds.offshore_processing;
// A table as kind-thresholds.ts writes it (the shipped one may be empty: no kind qualified under its rule).
const TABLE: KindThresholds = { other: { scalar: 0.9 }, terms: { names: 0.95 } };

/** The answers of TEXT with the offshore answer's confidence set to `p`, as the calibration would leave them. */
function answersAt(p: number): FactSet {
  const facts = extractFacts(TEXT, { uncalibrated: true }).facts;
  expect(facts.offshore_processing.value).toBe('yes');
  expect(facts.offshore_processing.evidence.length).toBeGreaterThan(0);
  return { ...facts, offshore_processing: { ...facts.offshore_processing, confidence: p } };
}

/** The offshore answer at confidence `p` after abstaining in a document of `kind` under `table`. */
function abstainedAs(p: number, kind: DocumentKind, table: KindThresholds): FactSet {
  const facts = answersAt(p);
  abstain(facts, undefined, kind, table);
  return facts;
}

describe('thresholds per kind of document', () => {
  it('raises a fact\'s threshold to its kind\'s for that family only', () => {
    expect(OWN).toBeLessThan(0.9);
    expect(thresholdOf('offshore_processing', undefined, 'other', TABLE)).toBe(0.9);
    expect(thresholdOf('subprocessors_named', undefined, 'terms', TABLE)).toBe(0.95);
    // Counter-examples: another family of the same kind, a kind without a threshold, no kind at all.
    expect(thresholdOf('offshore_processing', undefined, 'terms', TABLE)).toBe(OWN);
    expect(thresholdOf('offshore_processing', undefined, 'privacy_policy', TABLE)).toBe(OWN);
    expect(thresholdOf('offshore_processing', undefined, undefined, TABLE)).toBe(OWN);
    // A kind's threshold never lowers the fact's own, and a caller's explicit threshold decides for every kind.
    expect(thresholdOf('offshore_processing', undefined, 'other', { other: { scalar: 0.1 } })).toBe(OWN);
    expect(thresholdOf('offshore_processing', 0.3, 'other', TABLE)).toBe(0.3);
  });

  it("sets a fact's threshold in one kind, up or down, leaving other facts and kinds at their own", () => {
    const NAMES = CALIBRATION.thresholds.subprocessors_named;
    const perFact: KindThresholds = { terms: { subprocessors_named: NAMES - 0.1, offshore_processing: OWN + 0.05 } };
    expect(thresholdOf('subprocessors_named', undefined, 'terms', perFact)).toBeCloseTo(NAMES - 0.1, 9);
    expect(thresholdOf('offshore_processing', undefined, 'terms', perFact)).toBeCloseTo(OWN + 0.05, 9);
    // Counter-examples: the same fact in another kind, another fact of the kind, a caller's explicit threshold.
    expect(thresholdOf('subprocessors_named', undefined, 'privacy_policy', perFact)).toBe(NAMES);
    expect(thresholdOf('baa_offered', undefined, 'terms', perFact)).toBe(CALIBRATION.thresholds.baa_offered);
    expect(thresholdOf('subprocessors_named', 0.8, 'terms', perFact)).toBe(0.8);
    // A family's threshold of the kind still only raises.
    expect(thresholdOf('subprocessors_named', undefined, 'terms', { terms: { subprocessors_named: 0.2, names: 0.9 } })).toBe(0.9);
  });

  it("keeps an answer that reaches its kind's lowered threshold for the fact, and withholds it in another kind", () => {
    const p = OWN - 0.05;
    const lowered: KindThresholds = { terms: { offshore_processing: OWN - 0.1 } };
    expect(abstainedAs(p, 'terms', lowered).offshore_processing.value).toBe('yes');
    expect(abstainedAs(p, 'privacy_policy', lowered).offshore_processing.value).toBe('unspecified');
  });

  it('moves an answer between the two thresholds to review, quote kept, in a document of that kind only', () => {
    const p = (OWN + 0.9) / 2;
    expect(abstainedAs(p, 'privacy_policy', TABLE).offshore_processing.value).toBe('yes');
    const asOther = abstainedAs(p, 'other', TABLE);
    expect(asOther.offshore_processing.value).toBe('unspecified');
    const candidate = asOther.offshore_processing.review?.find((r) => r.value === 'yes');
    expect(candidate?.reason).toContain('below the threshold 0.9');
    const e = candidate!.evidence[0];
    expect(e.quote).toContain('outside the United States');
    expect(TEXT.slice(e.start, e.end)).toBe(e.quote);
  });
});
