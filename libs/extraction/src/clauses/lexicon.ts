import type { Category } from './vocabulary.js';
import { isLetterOrDigit } from '../text/char-classes.js';
import { inflect, VOCABULARY } from './vocabulary.js';

/**
 * One word of a clause: its lower-case form and where it is in the sentence's view (its text as written is
 * `view.slice(start, end)`: no reader needed it kept, and one string fewer per token of every clause is less garbage).
 */
export interface Token {
  lower: string;
  start: number;
  end: number;
}

/** A vocabulary phrase found in a clause: tokens [t0, t1) and characters [start, end) of the sentence view. */
export interface Hit {
  cat: Category;
  kind: string;
  t0: number;
  t1: number;
  start: number;
  end: number;
}

// Words, initialisms ("U.S.", "e.g."), numbers, and the punctuation that bounds clauses. `tokenize` finds the same
// matches by a scan of character codes (the spec compares both): this pattern's Unicode classes, tried at every
// position of every clause, were most of tokenize's time.
export const TOKEN = /(?:[A-Za-z]\.){2,}|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[;:,()|/"]/gu;

/** Splits a view into tokens (the matches of {@link TOKEN}). */
export function tokenize(view: string): Token[] {
  const out: Token[] = [];
  // One lower-casing of the view, sliced per token (per-token toLowerCase was most of tokenize's time); a view whose
  // lower case has another length ("İ") is lower-cased per token.
  const lowerView = view.toLowerCase();
  const sameLength = lowerView.length === view.length;
  const push = (start: number, end: number) => {
    // "US" in capitals is the country ("us" is the vendor).
    const us = end - start === 2 && view.charCodeAt(start) === 85 && view.charCodeAt(start + 1) === 83;
    out.push({ lower: us ? 'u.s.' : sameLength ? lowerView.slice(start, end) : view.slice(start, end).toLowerCase(), start, end });
  };
  const n = view.length;
  let i = 0;
  while (i < n) {
    const c = view.charCodeAt(i);
    // An initialism: two or more letter-and-period pairs, taken before a word (the pattern's first alternative).
    if (asciiLetter(c) && view.charCodeAt(i + 1) === 46 && asciiLetter(view.charCodeAt(i + 2)) && view.charCodeAt(i + 3) === 46) {
      let j = i + 4;
      while (asciiLetter(view.charCodeAt(j)) && view.charCodeAt(j + 1) === 46) j += 2;
      push(i, j);
      i = j;
      continue;
    }
    const cp = c < 128 ? c : view.codePointAt(i)!;
    if (letterOrDigit(cp)) {
      let j = runEnd(view, i);
      // Joined by an apostrophe or a hyphen to a further run ("don't", "opt-out").
      while ((view.charCodeAt(j) === 39 || view.charCodeAt(j) === 45) && j + 1 < n && letterOrDigit(view.codePointAt(j + 1)!)) j = runEnd(view, j + 1);
      push(i, j);
      i = j;
      continue;
    }
    if (PUNCTUATION.has(c)) {
      push(i, i + 1);
      i++;
      continue;
    }
    // The pattern's scan moves by code points (a pair of surrogates is one).
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

const PUNCTUATION = new Set([';', ':', ',', '(', ')', '|', '/', '"'].map((c) => c.charCodeAt(0)));
const asciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether a code point is a letter or digit. */
const letterOrDigit = isLetterOrDigit;

/** The end of the run of letters and digits that starts at `i` (at a letter or digit). */
function runEnd(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (!((c >= 48 && c <= 57) || asciiLetter(c))) break;
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (!letterOrDigit(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

type Entry = { cat: Category; kind: string };

/** A word trie of phrases: a phrase's entries sit at the node its last word reaches. */
interface TrieNode {
  entries?: Entry[];
  next?: Map<string, TrieNode>;
}

/** Phrases as a trie keyed by lower-case tokens: looking a position up walks words, building no phrase strings. */
type Compiled = Map<string, TrieNode>;

/** Extra phrases of one document (its vendor's names as `actor:vendor`, its defined terms as objects). */
export interface DocumentTerms {
  add: { phrase: string; cat: Category; kind: string }[];
}

function compile(extra: DocumentTerms['add'] = [], withVocabulary = true): Compiled {
  const root: Compiled = new Map();
  const put = (phrase: string, cat: Category, kind: string) => {
    const toks = tokenize(phrase).map((t) => t.lower);
    if (toks.length === 0) return;
    let level = root;
    let node: TrieNode | undefined;
    for (const t of toks) {
      node = level.get(t);
      if (!node) level.set(t, (node = {}));
      level = node.next ??= new Map();
    }
    const list = (node!.entries ??= []);
    if (!list.some((e) => e.cat === cat && e.kind === kind)) list.push({ cat, kind });
  };
  if (withVocabulary) for (const [cat, kinds] of Object.entries(VOCABULARY) as [Category, Record<string, { verbs?: string[]; plural?: string[]; exact?: string[] }>][]) {
    for (const [kind, e] of Object.entries(kinds)) {
      for (const v of e.verbs ?? []) for (const f of inflect(v, 'verb')) put(f, cat, kind);
      for (const n of e.plural ?? []) for (const f of inflect(n, 'noun')) put(f, cat, kind);
      for (const x of e.exact ?? []) put(x, cat, kind);
    }
  }
  for (const x of extra) put(x.phrase, x.cat, x.kind);
  return root;
}

const BASE = compile();

/** Words a separable verb's particle may be at most this far after the verb ("make [your personal data] available"). */
const SEPARABLE_GAP = 5;
/** Separable verbs: inflected verb form → the particles that complete it, with what the phrase is. */
const SEPARABLE = (() => {
  const out = new Map<string, { particle: string; cat: Category; kind: string }[]>();
  for (const [cat, kinds] of Object.entries(VOCABULARY) as [Category, Record<string, { separable?: string[] }>][]) {
    for (const [kind, e] of Object.entries(kinds)) {
      for (const phrase of e.separable ?? []) {
        const [verb, particle] = phrase.split(/\s*…\s*/);
        for (const f of inflect(verb, 'verb')) {
          const list = out.get(f) ?? [];
          list.push({ particle, cat, kind });
          out.set(f, list);
        }
      }
    }
  }
  return out;
})();
const CLAUSE_PUNCTUATION = new Set([';', ':', '(', ')', '|']);

type Separable = { particle: string; cat: Category; kind: string };
/**
 * What the shared vocabulary knows of one word: the trie node its phrases start at and the particles it takes as a
 * separable verb. One lookup per token instead of one per table (hashing and probing each token's string in three
 * maps was most of `find`'s time).
 */
const WORDS = (() => {
  const out = new Map<string, { node?: TrieNode; separable?: Separable[] }>();
  for (const [w, node] of BASE) out.set(w, { node });
  for (const [w, separable] of SEPARABLE) {
    const e = out.get(w);
    if (e) e.separable = separable;
    else out.set(w, { separable });
  }
  return out;
})();

/**
 * Which first characters (ASCII) and lengths the words of a small table have, as a bit per length: a word whose
 * bit is not set is not in the table, found without hashing it (a document's own terms are a few words, and
 * nearly every token misses them).
 */
function firstWordMask(root: Compiled): Uint32Array {
  const mask = new Uint32Array(129);
  for (const w of root.keys()) mask[Math.min(w.charCodeAt(0), 128)] |= 1 << Math.min(w.length, 31);
  return mask;
}
const mayHold = (mask: Uint32Array, w: string) => (mask[Math.min(w.charCodeAt(0), 128)] & (1 << Math.min(w.length, 31))) !== 0;

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
   * action and an object, e.g. "marketing": both hits are kept).
   */
  find(tokens: Token[]): Hit[] {
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
    const containers = hits.filter((o) => CONTAINERS.has(o.cat));
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
