import type { FactName } from '@custody/domain';
import { expect } from '@jest/globals';
import { extractFacts } from '../extract-facts.js';

/** Value of one fact for a text, checking that every quote is verbatim at its offsets (shared by the fact specs). */
export function factOf(name: FactName, text: string): unknown {
  const r = extractFacts(text);
  for (const e of r.facts[name].evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
  return r.facts[name].value;
}
