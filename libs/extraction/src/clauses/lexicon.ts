import type { Token } from './tokens.js';
import type { Category } from './vocabulary.js';
import type { Compiled, DocumentTerms, Entry, Separable, TrieNode } from './lexicon-tables.js';
import { compile, firstWordMask, mayHold, SEPARABLE_GAP, WORDS } from './lexicon-tables.js';

// Tokens (tokens.ts) and the compiled vocabulary (lexicon-tables.ts) in their own files; re-exported where readers import them.
export type { Token } from './tokens.js';
export { TOKEN, tokenize } from './tokens.js';
export type { DocumentTerms } from './lexicon-tables.js';


/** A vocabulary phrase found in a clause: tokens [t0, t1) and characters [start, end) of the sentence view. */
export interface Hit {
  cat: Category;
  kind: string;
  t0: number;
  t1: number;
  start: number;
  end: number;
}

const CLAUSE_PUNCTUATION = new Set([';', ':', '(', ')', '|']);

/** The vocabulary, extended with one document's own terms (vendor names, defined data terms). */
export class Lexicon {
  /** The document's own terms: a small second layer over the shared vocabulary (compiled once per process). */
  private readonly own?: Compiled;
  private readonly ownMask?: Uint32Array;

  constructor(terms?: DocumentTerms) {
    if (terms && terms.add.length > 0) {
      this.own = compile(terms.add, false);
      this.ownMask = firstWordMask(this.own);
    }
  }

  /**
   * Every vocabulary phrase in the tokens, longest match first at each position (a word can be both an
   * action and an object, e.g. "marketing": both hits are kept). `otherSense` names the hits that are a phrase used
   * in another sense here (the caller reads the text around them): such a phrase contains nothing, so the action in
   * it stays ("delete" in "we will delete your account profile", where "delete your account" is no account's end).
   */
  find(tokens: Token[], otherSense?: (h: Hit) => boolean): Hit[] {
    const hits: Hit[] = [];
    // A phrase inside a longer phrase of the same category is not a hit of its own ("order" in "court order").
    // As parallel arrays searched in turn (a clause hits a few categories): clearing a Map per call allocated its table anew.
    const coveredCat = SCRATCH.coveredCat;
    const coveredTo = SCRATCH.coveredTo;
    coveredCat.length = 0;
    coveredTo.length = 0;
    // Phrases ending at each position, found per layer in increasing length; reused across positions (this
    // loop runs for every token of every clause, and per-position arrays and sets were much of its cost) and
    // across calls (module scratch: `find` calls nothing that calls it again).
    const foundN = SCRATCH.foundN;
    const foundEntries = SCRATCH.foundEntries;
    const seen = SCRATCH.seen;
    // Positions of separable verbs, in order, with their particles.
    const sepAt = SCRATCH.sepAt;
    const seps = SCRATCH.seps;
    sepAt.length = 0;
    seps.length = 0;
    for (let i = 0; i < tokens.length; i++) {
      let count = 0;
      const word = tokens[i].lower;
      const known = WORDS.get(word);
      if (known?.separable) {
        sepAt.push(i);
        seps.push(known.separable);
      }
      // The shared vocabulary's layer, then the document's (same order as before: a later layer wins ties).
      for (let layer = 0; layer < 2; layer++) {
        let node: TrieNode | undefined;
        if (layer === 0) node = known?.node;
        else if (this.own && mayHold(this.ownMask!, word)) node = this.own.get(word);
        for (let n = 1; node; n++) {
          if (node.entries) {
            foundN[count] = n;
            foundEntries[count] = node.entries;
            count++;
          }
          if (!node.next || i + n >= tokens.length) break;
          node = node.next.get(tokens[i + n].lower);
        }
      }
      if (count === 0) continue;
      // Longest first; of equal lengths, the later layer's (the document's own terms) first: the order of a
      // stable sort by length, reversed.
      const order = count === 1 ? ONLY_FIRST : longestFirst(foundN, count);
      // The longest phrase decides each category; shorter ones of other categories stay ("opt out of marketing").
      seen.length = 0;
      for (const f of order) {
        const n = foundN[f];
        for (const e of foundEntries[f]) {
          if (seen.includes(e.cat)) continue;
          seen.push(e.cat);
          const c = coveredCat.indexOf(e.cat);
          if (c >= 0 && coveredTo[c] >= i + n) continue;
          if (c >= 0) coveredTo[c] = i + n;
          else {
            coveredCat.push(e.cat);
            coveredTo.push(i + n);
          }
          hits.push({ cat: e.cat, kind: e.kind, t0: i, t1: i + n, start: tokens[i].start, end: tokens[i + n - 1].end });
        }
      }
    }
    // A separable verb whose particle follows within a few words is a hit at the verb ("make … available").
    let separated = false;
    for (let v = 0; v < sepAt.length; v++) {
      const i = sepAt[v];
      for (let k = i + 2; k < tokens.length && k <= i + SEPARABLE_GAP + 1; k++) {
        if (CLAUSE_PUNCTUATION.has(tokens[k].lower)) break;
        const sep = seps[v].find((x) => x.particle === tokens[k].lower);
        if (!sep) continue;
        if (!hits.some((h) => h.cat === sep.cat && h.t0 <= i && h.t1 > i)) {
          hits.push({ cat: sep.cat, kind: sep.kind, t0: i, t1: i + 1, start: tokens[i].start, end: tokens[i].end });
          separated = true;
        }
        break;
      }
    }
    // Hits are in token order (stable: hits at one position keep their order).
    if (separated) hits.sort((a, b) => a.t0 - b.t0);
    // An actor or action word inside a data, instrument or condition phrase is part of that phrase:
    // "Customer" in "Customer Data", "required" in "as required by law", "court" in "court order".
    // Only actions and actors are dropped, only by container phrases: compare those (not every pair of hits).
    const containers = hits.filter((o) => CONTAINERS.has(o.cat) && !otherSense?.(o));
    if (containers.length === 0) return hits;
    return hits.filter((h) => (h.cat !== 'action' && h.cat !== 'actor') || !containers.some((o) => (h.cat === 'action' || o.cat !== 'condition') && o.t0 <= h.t0 && o.t1 >= h.t1 && o.t1 - o.t0 > h.t1 - h.t0));
  }
}

const ONLY_FIRST: readonly number[] = [0];
// Working arrays of `Lexicon.find`, cleared per call.
const SCRATCH = {
  coveredCat: [] as Category[],
  coveredTo: [] as number[],
  foundN: [] as number[],
  foundEntries: [] as Entry[][],
  seen: [] as Category[],
  sepAt: [] as number[],
  seps: [] as Separable[][],
};

/** Indices of `lengths` by decreasing length, equal lengths in reverse order (a stable ascending sort, reversed). */
function longestFirst(lengths: number[], count: number): number[] {
  const idx: number[] = [];
  for (let k = 0; k < count; k++) idx.push(k);
  idx.sort((a, b) => lengths[a] - lengths[b] || a - b);
  return idx.reverse();
}

const CONTAINERS = new Set<Category>(['object', 'instrument', 'condition']);
