import type { Sentence } from '../text/sentences.js';
import { leadIn } from './list-lead.js';
import { negationBefore } from './negation.js';

/**
 * Refused acts for readers that match an act's wording on a sentence's text (issue 7). A reader names the act only
 * ("sell … your data", "sign … a business associate agreement", "require … our providers"); whether it is refused is
 * the shared negation reader's answer (negation.ts: reach, clause ends, exceptions, "not only", double negatives), or
 * the sentence is an item of a list whose lead-in is negated ("We do not:" then "- sell your personal information").
 * Before this, each reader carried its own "(not|never|no) … {0,N} act" pattern, each with its own idea of reach.
 */
export interface Refusal {
  /** Where the refusal's quote starts: the negation word, or the act when the negation is the lead-in's. */
  index: number;
  /** The act's match. */
  act: RegExpExecArray;
  /** Whether the negation is the list lead-in's. */
  byLead: boolean;
}

/** A sentence and the list it sits in, for the lead-in reading; without it only the sentence's own words are read. */
export interface InList {
  sentences: Sentence[];
  s: Sentence;
}

// Global twins of the act patterns, compiled once.
const GLOBAL = new WeakMap<RegExp, RegExp>();
const globalOf = (re: RegExp): RegExp => {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')));
  return g;
};
// Sticky lookbehind twins of the `after` patterns, compiled once: tried only where the act was found.
const BEHIND = new WeakMap<RegExp, RegExp>();
const behindOf = (re: RegExp): RegExp => {
  let b = BEHIND.get(re);
  if (!b) BEHIND.set(re, (b = new RegExp(`(?<=${re.source})`, re.flags.replace(/[gy]/g, '') + 'y')));
  return b;
};

/**
 * An act a reader refuses, with its look-back window. `after`: the act counts only where these words end right
 * before it ("business associate agreement … available"). It is the lookbehind `(?<=after)act`, read the other way
 * round: a leading lookbehind with a variable-length body is tried backwards from every position of the text, while
 * the act is found forwards first and the words are looked for behind it only there.
 */
export interface RefusableAct {
  act: RegExp;
  window: number;
  after?: RegExp;
}

/**
 * The first match of `act` in `view` that is refused: a negation within `window` characters before it reaches it, or
 * (with `list`) the sentence is an item under a negated lead-in. `accept` may turn a match down (a reader's own test).
 */
export function refusal(view: string, act: RegExp, window: number, list?: InList, accept: (m: RegExpExecArray, index: number) => boolean = () => true, after?: RegExp): Refusal | null {
  let byLead: boolean | undefined;
  const g = globalOf(act);
  const behind = after && behindOf(after);
  g.lastIndex = 0;
  for (let m = g.exec(view); m; m = g.exec(view)) {
    if (m[0].length === 0) g.lastIndex++;
    if (behind) {
      behind.lastIndex = m.index;
      if (!behind.test(view)) continue;
    }
    const at = negationBefore(view, m.index, window);
    if (at >= 0 && accept(m, at)) return { index: at, act: m, byLead: false };
    if (at < 0 && list && (byLead ??= vendorLeadRefuses(list)) && accept(m, m.index)) return { index: m.index, act: m, byLead: true };
  }
  return null;
}

/** Whether the sentence is an item under a negated lead-in that binds the vendor, not the user ("You may not:"). */
function vendorLeadRefuses(list: InList): boolean {
  const lead = leadIn(list.sentences, list.s);
  return lead !== undefined && lead.negated && !lead.bindsUser;
}

/**
 * Whether the act at `index` of a sentence is refused: by its own words ({@link negationBefore}) or its list's lead-in.
 * Unlike {@link refusal}, any negated lead-in counts, also one binding the user ("Members may not:"): this answers
 * "may the act be read as allowed?", and an item under any negated lead-in is no permission of the vendor's.
 */
export function refusedAt(view: string, index: number, window: number, list?: InList): boolean {
  return negationBefore(view, index, window) >= 0 || (list !== undefined && leadIn(list.sentences, list.s)?.negated === true);
}

/** The first refusal among acts tried in order ({@link refusal}), each with its own look-back window. */
export function firstRefusal(view: string, acts: readonly RefusableAct[], list?: InList): Refusal | null {
  for (const { act, window, after } of acts) {
    const r = refusal(view, act, window, list, undefined, after);
    if (r) return r;
  }
  return null;
}
