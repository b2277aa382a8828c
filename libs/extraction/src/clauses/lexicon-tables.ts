import { tokenize } from './tokens.js';
import type { Category } from './vocabulary.js';
import { inflect, VOCABULARY } from './vocabulary.js';

/**
 * The vocabulary compiled for lookups by token (lexicon.ts reads it): a word trie of its phrases, the separable verbs
 * with their particles, one table of both by first word, and a quick test of a small table's first words.
 */

export type Entry = { cat: Category; kind: string };

/** A word trie of phrases: a phrase's entries sit at the node its last word reaches. */
export interface TrieNode {
  entries?: Entry[];
  next?: Map<string, TrieNode>;
}

/** Phrases as a trie keyed by lower-case tokens: looking a position up walks words, building no phrase strings. */
export type Compiled = Map<string, TrieNode>;

/** Extra phrases of one document (its vendor's names as `actor:vendor`, its defined terms as objects). */
export interface DocumentTerms {
  add: { phrase: string; cat: Category; kind: string }[];
}

export function compile(extra: DocumentTerms['add'] = [], withVocabulary = true): Compiled {
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
export const SEPARABLE_GAP = 5;
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

export type Separable = { particle: string; cat: Category; kind: string };
/**
 * What the shared vocabulary knows of one word: the trie node its phrases start at and the particles it takes as a
 * separable verb. One lookup per token instead of one per table (hashing and probing each token's string in three
 * maps was most of `find`'s time).
 */
export const WORDS = (() => {
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
export function firstWordMask(root: Compiled): Uint32Array {
  const mask = new Uint32Array(129);
  for (const w of root.keys()) mask[Math.min(w.charCodeAt(0), 128)] |= 1 << Math.min(w.length, 31);
  return mask;
}
export const mayHold = (mask: Uint32Array, w: string) => (mask[Math.min(w.charCodeAt(0), 128)] & (1 << Math.min(w.length, 31))) !== 0;
