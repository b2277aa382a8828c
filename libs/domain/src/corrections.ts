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
 * A correction of a list fact (sub-processor names) naming its `candidate` decides those names only (added when
 * its value holds them, taken out when not; the rest of the list stays as it is now), and the fact keeps its
 * review candidates less the names decided. Names are decided one at a time, so accepting one held-back name must
 * not drop the others unseen. A correction without `candidate`, and any of a scalar fact, settles the fact: its
 * value is the one given, and its candidates go with the machine's answer.
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
    // Only a correction naming its candidate decides names one at a time: one without (every correction recorded
    // before candidates existed) settles the whole fact, and replays exactly as it did (review gone, evidence as is).
    const names = FACT_VALUES[c.fact] === 'list' && namesOf(c.candidate).length > 0 ? decidedList(current.value as string[], c.value as string[], namesOf(c.candidate)) : null;
    const value = names ?? c.value;
    const review = names ? undecided(current.review ?? [], [...names, ...namesOf(c.candidate)]) : [];
    out[c.fact] = {
      value: (Array.isArray(value) ? [...value] : value) as Fact['value'],
      // An accepted held-back name brings the quote the reviewer decided on: its flow cites it like a kept name's.
      evidence: names ? [...current.evidence, ...acceptedQuotes(current.review ?? [], names, current.evidence)] : current.evidence,
      confidence: 1,
      extractor: `human:${c.by}`,
      machine,
      ...(review.length > 0 ? { review } : {}),
    };
  }
  return out as FactSet;
}

/**
 * The list after a decision on `candidates`: the current list with each candidate added when the posted `value`
 * holds it and taken out when not; every other name stays as it is now. Two decisions sent at once (or from a view
 * that does not show the other yet) then both hold whatever order they are recorded in: a posted list that lacks
 * a name accepted a moment before must not drop it.
 */
function decidedList(current: string[], value: string[], candidates: string[]): string[] {
  const posted = new Set(value.map(key));
  const decided = new Set(candidates.map(key));
  const kept = current.filter((n) => !decided.has(key(n)) || posted.has(key(n)));
  const have = new Set(kept.map(key));
  for (const n of value) {
    if (decided.has(key(n)) && !have.has(key(n))) { have.add(key(n)); kept.push(n); }
  }
  return kept;
}

const namesOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : typeof v === 'string' ? [v] : []);
// A name's spelling up to case and a final dot: the reader keeps a legal form's dot where the document writes one and a
// sentence's end swallows it ("Sisense Ltd., Nimbus" / "… by Sisense Ltd."), and its spelling changed with the reader
// (session 33), so a decision recorded on "Sisense Ltd" must still decide "Sisense Ltd.".
const key = (n: string) => n.trim().toLowerCase().replace(/\.$/, '');

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
