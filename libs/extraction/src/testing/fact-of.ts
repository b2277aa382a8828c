import type { FactName } from '@custody/domain';
import { expect } from '@jest/globals';
import { extractFacts } from '../extract-facts.js';

/** A value that says something: not null, 'unspecified' or an empty list. */
const answers = (value: unknown): boolean => value !== null && value !== 'unspecified' && !(Array.isArray(value) && value.length === 0);

/**
 * Value of one fact for a text (shared by the fact specs), checking the extraction contract on the way: every
 * quote, the answer's and each review candidate's, is verbatim at its offsets, and an answer that says something
 * quotes its evidence. The readings' answer, before calibration: a one-sentence text has no heading, kind or other
 * clause to weigh, so whether it would be asserted is the calibration's question (calibration/calibrate.spec.ts).
 */
export function factOf(name: FactName, text: string): unknown {
  const f = extractFacts(text, { uncalibrated: true }).facts[name];
  for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
  for (const r of f.review ?? []) for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
  if (answers(f.value)) expect(f.evidence.length).toBeGreaterThan(0);
  return f.value;
}
