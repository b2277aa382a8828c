import type { DocumentKind, Evidence, Fact, FactName, FactValueMap, ReviewCandidate } from '@custody/domain';
import { unspecifiedValue } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { clausesOf } from '../clauses/clause.js';
import type { Definitions } from '../clauses/definitions.js';
import type { Lexicon } from '../clauses/lexicon.js';
import { keywordBit, ownerBits } from '../text/keyword-gate.js';
import type { Sentence } from '../text/sentences.js';
import type { SectionSpan } from '../types.js';

/** What every fact extractor sees: the text, its sentences and what is known about the document. */
export interface FactContext {
  text: string;
  sentences: Sentence[];
  kind: DocumentKind;
  /** Names (and short aliases) of the document's own parties, never reported as sub-processors. */
  partyNames: string[];
  /** The vendor's names and aliases (e.g. "Acme Health, Inc.", "Acme"), for clauses that name it. */
  vendorNames: string[];
  /** The document's definitions (who "we" are, its data terms). */
  defs: Definitions;
  /** The vocabulary with this document's terms. */
  lexicon: Lexicon;
  /** The document's sections (headings and their ranges, with levels when the format gives them). */
  sections: SectionSpan[];
  /** The clauses of a sentence (built once, on first use). */
  clauses: (s: Sentence) => Clause[];
  /** Link texts of the source, as sorted ranges of `text`. */
  links: [number, number][];
  /** Whether a word occurs in lower case somewhere in the text: "Campaign" is a name only if "campaign" never is a word. */
  isLowerWord: (word: string) => boolean;
}

/**
 * Ranges of the text that belong to a part whose heading matches `heading`, down to the next heading of a higher level
 * ("STANDARD CONTRACTUAL CLAUSES" and its SECTION/Clause/ANNEX subsections, which documents often give the part's own
 * level), or with `sectionOnly` down to the next heading of the same or a higher level (one section and its
 * subsections: "## California residents" ends at the next "##").
 */
export function partsUnder(ctx: FactContext, heading: RegExp, sectionOnly = false): [number, number][] {
  const out: [number, number][] = [];
  let level: number | undefined;
  let start = -1;
  for (const sec of ctx.sections) {
    const l = sec.level ?? 9;
    if (start >= 0 && level !== undefined && (l < level || (sectionOnly && l === level))) {
      out.push([start, sec.start]);
      start = -1;
      level = undefined;
    }
    if (start < 0 && heading.test(sec.heading)) {
      start = sec.start;
      level = l;
    }
  }
  if (start >= 0) out.push([start, ctx.text.length]);
  return out;
}

/** A memo of {@link clausesOf} for one document. */
export function clauseCache(lexicon: Lexicon): (s: Sentence) => Clause[] {
  const memo = new Map<number, Clause[]>();
  return (s) => {
    let c = memo.get(s.index);
    if (!c) memo.set(s.index, (c = clausesOf(s, lexicon)));
    return c;
  };
}

/** One fact extractor: a pure function of the context. */
export type FactExtractorFn<K extends FactName> = (ctx: FactContext) => Fact<K>;

export const EXTRACTOR_ID = 'rules@1';
const MAX_QUOTE = 400;

/**
 * Whether a sentence can carry an operative clause: not a heading, a definition, a drafting note or a direct question.
 * A question states nothing ("Do we sell your personal information? We do not." — the FAQ form of privacy notices):
 * its answer is the next sentence, read on its own.
 */
export const isOperative = (s: Sentence): boolean => !s.isHeading && !s.isDefinition && !s.isDraftingNote && !QUESTION.test(s.view);
const QUESTION = /\?[\s"'”’)*_]*$/;

/** Sentences that can carry an operative clause ({@link isOperative}) and match `prefilter`. */
export function operative(ctx: FactContext, prefilter: RegExp): Sentence[] {
  let op = OPERATIVE.get(ctx.sentences);
  if (!op) {
    const sentences = ctx.sentences.filter(isOperative);
    OPERATIVE.set(ctx.sentences, (op = { sentences, words: new Uint32Array(sentences.length), sure: new Uint32Array(sentences.length), covered: 0, withBit: new Map() }));
  }
  // The prefilter runs only on sentences holding one of its trigger words (text/keyword-gate.ts says why that is
  // exact); a prefilter the gate cannot read (bit 0) runs on every sentence.
  const bit = prefilter.global || prefilter.sticky ? 0 : keywordBit(prefilter);
  if (bit === 0) return op.sentences.filter((s) => prefilter.test(s.view));
  if ((op.covered & bit) === 0) {
    // First sight of this prefilter in the document: each sentence is scanned once for the words of every reader
    // (the sub-processor reader's patterns included, which ask of the same sentences), and its bits kept here.
    let covered = -1;
    for (let i = 0; i < op.sentences.length; i++) {
      const e = ownerBits(op.sentences[i].view, op.sentences[i], bit);
      op.words[i] = e.bits;
      op.sure[i] = e.sure;
      covered &= e.covered;
    }
    op.covered = covered;
    op.withBit.clear();
  }
  // The sentences holding a word of this bit, listed once per document (readers ask of the same bits many times).
  let withBit = op.withBit.get(bit);
  if (!withBit) {
    withBit = [];
    for (let i = 0; i < op.sentences.length; i++) if ((op.words[i] & bit) !== 0) withBit.push(i);
    op.withBit.set(bit, withBit);
  }
  const out: Sentence[] = [];
  // A sentence holding a complete word of the prefilter at a word start matches it: the pattern is not run there.
  for (const i of withBit) if ((op.sure[i] & bit) !== 0 || prefilter.test(op.sentences[i].view)) out.push(op.sentences[i]);
  return out;
}
// The sentences that can be operative, per document (every fact reader asks, each with its own prefilter), and the
// trigger-word bits of each.
const OPERATIVE = new WeakMap<Sentence[], { sentences: Sentence[]; words: Uint32Array; sure: Uint32Array; covered: number; withBit: Map<number, number[]> }>();

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

/**
 * A candidate answer from one clause. `review` candidates bear on the fact but do not support asserting it
 * (a discretionary "may notify", a condition the reader cannot resolve): they are shown for a person to decide,
 * never counted as the answer.
 */
export interface Candidate<V> {
  value: V;
  evidence: Evidence;
  confidence: number;
  review?: string;
}

/** At most this many review candidates per fact. */
const MAX_REVIEW = 3;

/**
 * Picks the answer by a precedence list (the first value with an asserted candidate wins) and keeps its
 * evidence. Review candidates, and asserted candidates of other values (the document disagrees with itself),
 * are kept as `review` on the fact. With no asserted candidate the fact stays unspecified, with its review list.
 */
export function decide<K extends FactName>(
  name: K,
  candidates: Candidate<FactValueMap[K]>[],
  precedence: FactValueMap[K][],
): Fact<K> {
  const firm = candidates.filter((c) => !c.review);
  for (const v of precedence) {
    const hits = firm.filter((c) => c.value === v).sort((a, b) => b.confidence - a.confidence);
    if (hits.length > 0) {
      const conf = Math.min(0.97, Math.max(...hits.map((h) => h.confidence)) + 0.02 * (hits.length - 1));
      const fact = found<K>(v, hits.map((h) => h.evidence), conf);
      // A firm reading of the answer's own clause is no disagreement: precedence read that clause whole ("will
      // disclose as required by law and will notify" is with notice). A demoted one there is: a person decides it.
      const cited = new Set(hits.map((h) => h.evidence.start));
      const others = candidates.filter((c) => c.value !== v && (c.review || (!cited.has(c.evidence.start) && !precedence.slice(0, precedence.indexOf(v)).includes(c.value))));
      return withReview(fact, others.map((c) => ({ value: c.value, evidence: c.evidence, reason: c.review ?? `a clause also reads as ${String(c.value)}` })));
    }
  }
  return withReview(silent(name), candidates.map((c) => ({ value: c.value, evidence: c.evidence, reason: c.review ?? 'not asserted' })));
}

/**
 * A fact with up to {@link MAX_REVIEW} review candidates, each saying something new: a candidate with the answer's
 * value, or with the value and quote of one already kept, is dropped. A different value on the answer's quote (or on
 * another candidate's) is kept: the clause reads two ways, exactly what a person should decide.
 */
export function withReview<K extends FactName>(fact: Fact<K>, review: { value?: unknown; evidence: Evidence; reason: string; rejected?: true }[]): Fact<K> {
  // A candidate without a value never repeats the answer; it repeats only another such candidate on its quote.
  const said = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
  const answer = said(fact.value);
  const seen = new Set<string>();
  const out: ReviewCandidate<K>[] = [];
  for (const r of review) {
    const key = `${r.evidence.start} ${said(r.value)}`;
    if (out.length >= MAX_REVIEW || said(r.value) === answer || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...(r.value !== undefined ? { value: r.value as FactValueMap[K] } : {}), evidence: [r.evidence], reason: r.reason, ...(r.rejected ? { rejected: true as const } : {}) });
  }
  return out.length > 0 ? { ...fact, review: out } : fact;
}

/** Evidence for a clause: the clause itself when short, else the window around [from, to) of its view. */
export function clauseEvidence(ctx: FactContext, c: Clause, from = 0, to = c.view.length): Evidence {
  const s = c.sentence;
  const off = c.start - s.start;
  // A clause of a long sentence: quote the clause (bounded by evidenceAt's windowing) at its own offsets.
  if (c.end - c.start <= MAX_QUOTE) {
    let a = c.start;
    let b = c.end;
    while (a < b && /[\s;,]/.test(ctx.text[a])) a++;
    while (b > a && /[\s;,]/.test(ctx.text[b - 1])) b--;
    // Quote whole sentences when the clause is most of one (reads better for a person).
    if (s.end - s.start <= MAX_QUOTE && (b - a) * 2 > s.end - s.start) return evidenceAt(ctx, s);
    return { quote: ctx.text.slice(a, b), start: a, end: b };
  }
  return evidenceAt(ctx, s, off + from, off + to);
}

// Negation before a position of a sentence's text: the clause layer's one reader (clauses/negation.ts).
export { negatedBefore } from '../clauses/negation.js';

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
