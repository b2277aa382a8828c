import type { Fact, FactCorrection, FactSet } from './facts.js';
import type { FactName } from './taxonomy.js';
import { InvalidInputError } from './errors.js';
import { FACT_NAMES, isValidFactValue } from './taxonomy.js';

/**
 * Applies human corrections to a fact set. A correction wins: its value replaces the machine's, with
 * confidence 1 and extractor `human:<by>`; the machine's answer stays on the fact as `machine`, and its
 * evidence is kept (the quote a reviewer looked at). Later corrections of the same fact win over earlier
 * ones (by `at`, then by order). The input is not modified. An unknown fact name or a value outside the
 * fact's value set throws InvalidInputError.
 */
export function applyCorrections(facts: FactSet, corrections: FactCorrection[]): FactSet {
  const out = { ...facts } as Record<FactName, Fact>;
  const ordered = corrections.map((c, i) => ({ c, i })).sort((a, b) => (a.c.at === b.c.at ? a.i - b.i : a.c.at < b.c.at ? -1 : 1));
  for (const { c } of ordered) {
    if (!(FACT_NAMES as string[]).includes(c.fact)) throw new InvalidInputError(`unknown fact "${String(c.fact)}"`);
    if (!isValidFactValue(c.fact, c.value)) {
      throw new InvalidInputError(`invalid value for ${c.fact}: ${JSON.stringify(c.value)}`, { fact: c.fact });
    }
    if (!c.by || typeof c.by !== 'string') throw new InvalidInputError('a correction needs who made it (by)', { fact: c.fact });
    const current = out[c.fact];
    const machine = current.machine ?? { value: current.value, confidence: current.confidence, ...(current.extractor ? { extractor: current.extractor } : {}) };
    out[c.fact] = {
      value: (Array.isArray(c.value) ? [...c.value] : c.value) as Fact['value'],
      evidence: current.evidence,
      confidence: 1,
      extractor: `human:${c.by}`,
      machine,
    };
  }
  return out as FactSet;
}
