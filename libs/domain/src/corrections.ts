import type { Evidence } from './evidence.js';
import type { Fact, FactCorrection, FactSet, ReviewCandidate } from './facts.js';
import type { FactName } from './taxonomy.js';
import { InvalidInputError } from './errors.js';
import { FACT_NAMES, FACT_VALUES, isValidFactValue } from './taxonomy.js';

/**
 * Applies human corrections to a fact set. A correction wins: its value replaces the machine's, with
 * confidence 1 and extractor `human:<by>`; the machine's answer stays on the fact as `machine`, and its
 * evidence is kept (the quote a reviewer looked at). Later corrections of the same fact win over earlier
 * ones (by `at`, then by order). The input is not modified. An unknown fact name or a value outside the
 * fact's value set throws InvalidInputError.
 *
 * A list fact (sub-processor names) keeps its review candidates less the names a person has decided: those the
 * corrected value holds (accepted) and those a correction names as its `candidate` (accepted or rejected). Names
 * are decided one at a time, so accepting one held-back name must not drop the others unseen. A scalar fact is
 * settled by its correction, and its candidates go with the machine's answer.
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
    const list = FACT_VALUES[c.fact] === 'list';
    const review = list ? undecided(current.review ?? [], [...(c.value as string[]), ...namesOf(c.candidate)]) : [];
    out[c.fact] = {
      value: (Array.isArray(c.value) ? [...c.value] : c.value) as Fact['value'],
      // An accepted held-back name brings the quote the reviewer decided on: its flow cites it like a kept name's.
      evidence: list ? [...current.evidence, ...acceptedQuotes(current.review ?? [], c.value as string[], current.evidence)] : current.evidence,
      confidence: 1,
      extractor: `human:${c.by}`,
      machine,
      ...(review.length > 0 ? { review } : {}),
    };
  }
  return out as FactSet;
}

const namesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : typeof v === 'string' ? [v] : []);
const key = (n: string) => n.trim().toLowerCase();

/** The quotes of the candidates' names that `value` now holds (each once, not those the fact already cites). */
function acceptedQuotes(review: ReviewCandidate[], value: string[], cited: Evidence[]): Evidence[] {
  const taken = new Set(value.map(key));
  const seen = new Set(cited.map((e) => `${e.start}:${e.quote}`));
  const out: Evidence[] = [];
  for (const r of review) {
    const names = namesOf(r.value);
    if (r.rejected || r.evidence.length !== names.length) continue;
    names.forEach((n, i) => {
      const e = r.evidence[i];
      if (taken.has(key(n)) && !seen.has(`${e.start}:${e.quote}`)) { seen.add(`${e.start}:${e.quote}`); out.push(e); }
    });
  }
  return out;
}

/**
 * The review candidates of a list fact with the `decided` names taken out (a candidate left with none goes). A
 * candidate quoting each of its names (evidence[i] for value[i]) keeps the quotes of the names that stay.
 */
function undecided(review: ReviewCandidate[], decided: string[]): ReviewCandidate[] {
  const done = new Set(decided.map(key));
  return review.flatMap((r) => {
    const names = namesOf(r.value);
    if (r.rejected || names.length === 0) return [r];
    const keep = names.map((n, i) => ({ n, i })).filter(({ n }) => !done.has(key(n)));
    if (keep.length === names.length) return [r];
    if (keep.length === 0) return [];
    const evidence = r.evidence.length === names.length ? keep.map(({ i }) => r.evidence[i]) : r.evidence;
    return [{ ...r, value: keep.map(({ n }) => n) as ReviewCandidate['value'], evidence }];
  });
}
