import type { Sentence } from '../text/sentences.js';
import type { Hit, Lexicon, Token } from './lexicon.js';
import { tokenize } from './lexicon.js';
import { NOT_IN_CONTEXT } from './vocabulary.js';

/**
 * One operative clause: a sentence, list item or table row, or the part of one between ';' (and before ", but"),
 * read as words of the vocabulary. Who acts, the action, its object and recipients, the instrument or condition,
 * the modality and negation are answered by the functions below from the positions of those words, the same
 * way for every fact.
 */
export interface Clause {
  sentence: Sentence;
  /** Offsets into the document text. */
  start: number;
  end: number;
  /** The clause's part of the sentence view (same length as the text slice). */
  view: string;
  tokens: Token[];
  hits: Hit[];
  /** Token index of the first "except"/"unless": hits after it describe the exception, not the rule. */
  exceptAt: number;
}

const BOUNDARY_AFTER_COMMA = new Set(['but', 'however', 'whereas', 'while', 'although', 'though']);

/** The clauses of one sentence. */
export function clausesOf(sentence: Sentence, lexicon: Lexicon): Clause[] {
  const tokens = tokenize(sentence.view);
  const cuts: number[] = [0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].lower;
    if (t === ';') cuts.push(i + 1);
    else if (t === ',' && i + 1 < tokens.length && BOUNDARY_AFTER_COMMA.has(tokens[i + 1].lower)) cuts.push(i + 1);
  }
  cuts.push(tokens.length);
  const out: Clause[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    if (b <= a) continue;
    const first = tokens[a];
    const last = tokens[b - 1];
    const vs = k === 0 ? 0 : first.start;
    const ve = k + 2 === cuts.length ? sentence.view.length : last.end;
    const view = sentence.view.slice(vs, ve);
    const local = vs === 0 && a === 0 && b === tokens.length ? tokens : shifted(tokens, a, b, vs);
    // Lower-cased only when a hit may be a word in another sense (most clauses have none).
    let lower: string | undefined;
    const otherSense = (h: Hit) => excluded(h, () => (lower ??= view.toLowerCase()));
    const hits = lexicon.find(local, otherSense).filter((h) => !otherSense(h));
    const ex = hits.find((h) => h.cat === 'exception');
    out.push({ sentence, start: sentence.start + vs, end: sentence.start + ve, view, tokens: local, hits, exceptAt: ex ? ex.t0 : Number.POSITIVE_INFINITY });
  }
  return out;
}

/** Tokens [a, b) with offsets relative to `vs` (a clause's view), built field by field (an object spread per token was slow). */
function shifted(tokens: Token[], a: number, b: number, vs: number): Token[] {
  const out: Token[] = new Array<Token>(b - a);
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    out[k - a] = { lower: t.lower, start: t.start - vs, end: t.end - vs };
  }
  return out;
}

/** Whether a hit is a word used in another sense here (see NOT_IN_CONTEXT). */
function excluded(h: Hit, lowerView: () => string): boolean {
  for (const x of NOT_IN_CONTEXT) {
    if (x.cat !== h.cat || (x.kind && x.kind !== h.kind)) continue;
    const lower = lowerView();
    if (!x.phrase.test(lower.slice(h.start, h.end))) continue;
    if (x.before && x.before.test(lower.slice(Math.max(0, h.start - 40), h.start))) return true;
    if (x.after && x.after.test(lower.slice(h.end, h.end + 40))) return true;
  }
  return false;
}

// What the readers ask of a clause, by topic in its own file, re-exported here where they import it from.
export { between, has, hitsOf, inException, inExceptionPart, verbal } from './clause-hits.js';
export type { Modality } from './clause-modality.js';
export { inHypothetical, modality, optionNotDuty } from './clause-modality.js';
export { agentOf, byVendor, clauseSubject, passive, recipientsOf, subjectOf } from './clause-roles.js';

// Negation and its scope are read in one place for every fact (negation.ts); re-exported for the readers of clauses.
export { negated, negationOf, negatedParty } from './negation.js';
