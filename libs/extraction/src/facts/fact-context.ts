import type { DocumentKind, Evidence, Fact, FactName, FactValueMap } from '@custody/domain';
import { unspecifiedValue } from '@custody/domain';
import type { Sentence } from '../text/sentences.js';

/** What every fact extractor sees: the text, its sentences and what is known about the document. */
export interface FactContext {
  text: string;
  sentences: Sentence[];
  kind: DocumentKind;
  /** Names (and short aliases) of the document's own parties, never reported as sub-processors. */
  partyNames: string[];
  /** The vendor's names and aliases (e.g. "Acme Health, Inc.", "Acme"), for clauses that name it. */
  vendorNames: string[];
}

/** One fact extractor: a pure function of the context. */
export type FactExtractorFn<K extends FactName> = (ctx: FactContext) => Fact<K>;

export const EXTRACTOR_ID = 'rules@1';
const MAX_QUOTE = 400;

/** Sentences that can carry an operative clause (not headings, definitions or drafting notes). */
export function operative(ctx: FactContext, prefilter: RegExp): Sentence[] {
  return ctx.sentences.filter((s) => !s.isHeading && !s.isDefinition && !s.isDraftingNote && prefilter.test(s.view));
}

/**
 * Evidence for a match at [from, to) of a sentence's view: the whole sentence when short, else the
 * clause (between ';' or ':' boundaries) around the match, else a window; always verbatim text.
 */
export function evidenceAt(ctx: FactContext, s: Sentence, from = 0, to = s.view.length): Evidence {
  let a = 0;
  let b = s.view.length;
  if (b - a > MAX_QUOTE) {
    const before = Math.max(s.view.lastIndexOf(';', from), s.view.lastIndexOf(': ', from));
    a = before >= 0 ? before + 1 : 0;
    const after = s.view.slice(to).search(/;|\s\(\d+\)\s|\s\([ivx]+\)\s/);
    b = after >= 0 ? to + after : s.view.length;
  }
  if (b - a > MAX_QUOTE) {
    a = Math.max(a, from - 150);
    b = Math.min(b, Math.max(to, a) + 150);
    while (a > 0 && a < from && /\S/.test(s.view[a - 1])) a++;
    while (b < s.view.length && b > to && /\S/.test(s.view[b])) b--;
  }
  while (a < b && /\s/.test(s.view[a])) a++;
  while (b > a && /\s/.test(s.view[b - 1])) b--;
  const start = s.start + a;
  const end = s.start + b;
  return { quote: ctx.text.slice(start, end), start, end };
}

/** The fact a document is silent on. */
export function silent<K extends FactName>(name: K, confidence = 0.6): Fact<K> {
  return { value: unspecifiedValue(name), evidence: [], confidence, extractor: EXTRACTOR_ID };
}

/** A fact with a value and evidence. */
export function found<K extends FactName>(value: FactValueMap[K], evidence: Evidence[], confidence: number): Fact<K> {
  return { value, evidence: evidence.slice(0, 3), confidence, extractor: EXTRACTOR_ID };
}

/** A labelled candidate answer from one sentence. */
export interface Candidate<V> {
  value: V;
  evidence: Evidence;
  confidence: number;
}

/** Picks the answer by a precedence list (first value present wins) and keeps its evidence. */
export function decide<K extends FactName>(
  name: K,
  candidates: Candidate<FactValueMap[K]>[],
  precedence: FactValueMap[K][],
): Fact<K> {
  for (const v of precedence) {
    const hits = candidates.filter((c) => c.value === v).sort((a, b) => b.confidence - a.confidence);
    if (hits.length > 0) {
      const conf = Math.min(0.97, Math.max(...hits.map((h) => h.confidence)) + 0.02 * (hits.length - 1));
      return found<K>(v, hits.map((h) => h.evidence), conf);
    }
  }
  return silent(name);
}

/**
 * Whether the words before `index` in the same clause negate it ("shall not", "will never", "does not",
 * "prohibited from", "no … may"), looking back at most `window` characters and not across ';'.
 */
export function negatedBefore(view: string, index: number, window = 80): boolean {
  let from = Math.max(0, index - window);
  const semi = view.lastIndexOf(';', index);
  if (semi >= from) from = semi + 1;
  const before = view.slice(from, index);
  return /\b(?:not|never|no|nor|neither|cannot|can't|won't|don't|doesn't|isn't|aren't|prohibit(?:ed|s)?(?: from)?|refrain(?:s)? from|forbidden|disclaims?)\b/i.test(before);
}

/** The sentence before or after `s` in the same paragraph (for "Each of them…", "You can opt out…"). */
export function neighbour(ctx: FactContext, s: Sentence, offset: -1 | 1): Sentence | undefined {
  const i = s.index + offset;
  const n = ctx.sentences[i];
  return n && n.paragraph === s.paragraph && !n.isHeading ? n : undefined;
}

/** First match of any pattern in `s`, as [index, end]. */
export function firstMatch(s: string, patterns: RegExp[]): [number, number] | undefined {
  for (const re of patterns) {
    const m = re.exec(s);
    if (m) return [m.index, m.index + m[0].length];
  }
  return undefined;
}
