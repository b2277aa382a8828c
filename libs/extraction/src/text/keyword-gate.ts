/**
 * A one-pass gate in front of the fact readers' prefilters: each reader tests every operative sentence of a
 * document with its own case-insensitive pattern of trigger words (`\b(?:law|legal|…)`), ten scans of the whole
 * text with alternations. Instead, the words every pattern must start with are read out of the pattern's source
 * once, put in one trie, and each sentence is scanned once for all of them; a reader's pattern then runs only on
 * the sentences holding one of its words.
 *
 * Why the gate is exact (it never hides a sentence the pattern would match): {@link requiredPrefixes} returns
 * words only for a pattern each of whose top-level alternatives starts with `\b` (or `^`, `\s`) followed by a
 * literal run or a group of literal runs (a group made optional adds the words of what follows it), and it keeps
 * only the literal characters every match must begin with (a character made optional by `?`, `*` or `{` ends the
 * run). A match of such an alternative therefore begins at a word start (position 0, or after a character that is
 * not [A-Za-z0-9_]: what `\b` before a letter means without the `u` flag, and what a leading `\s` consumes) with
 * one of those runs, compared ASCII-case-insensitively (without `u`, `i` never folds a non-ASCII character onto an
 * ASCII one). A sentence in which no word start begins with any of the runs cannot match; every other sentence
 * still gets the pattern itself, so the answer is the pattern's. A lookaround (lookahead or lookbehind, `(?=`,
 * `(?!`, `(?<=`, `(?<!`) where the words would start takes no characters, so the words are read from what follows it
 * (`\b(?<=\bare\s+)using` is gated on "using"): it only narrows where a match may begin, never moves it. Any source
 * the reader does not understand (a lookaround or group with `?`, `*` or `{…}` after it, a counted group, the
 * `u`/`v`/`y`/`m` flags, an alternative with no word start or whose first run does not begin with a letter) gets no
 * gate: every sentence is tested, as before.
 */
import { KeywordGate } from './keyword-trie.js';

// The pieces of the gate, each in its own file: reading a pattern's words, the trie that scans for them, and a long
// text's first match found at those words. Re-exported here, where the readers have imported them from.
export { completeWords, requiredPrefixes, startsAtWord } from './pattern-prefixes.js';
export { KeywordGate } from './keyword-trie.js';
export { firstMatchInText } from './first-match-in-text.js';

const SHARED = new KeywordGate();
// The last few texts scanned, with their bits and the bits registered when scanned: a reader asks of a sentence and
// of its neighbours in turn, and a scan costs about one pattern pass, so each sentence should be scanned once.
const CACHED = 4;
const cacheText: (string | undefined)[] = new Array<string | undefined>(CACHED).fill(undefined);
const cacheBits = new Uint32Array(CACHED);
const cacheCovered = new Uint32Array(CACHED);
let cacheNext = 0;

/**
 * Whether `re` may match somewhere in `s`: false only when none of its words is at a word start of `s` (see the top
 * of this file); true for a pattern the gate cannot read. Readers asking several patterns of one sentence share
 * one scan of it. When true, a global pattern's lastIndex may have moved forward past positions where no match of it
 * begins (its next `exec` finds what it would have found from where it was).
 */
export function mayMatch(re: RegExp, s: string, owner?: object): boolean {
  const bit = SHARED.bitOf(re);
  if (bit === 0) return true;
  if (!scannedBits(s, bit, owner)) return false;
  // A global pattern is run from lastIndex: moved up to the first word start holding one of its runs, it finds the same
  // matches without trying every position before (no match begins there; see the top of this file).
  if (re.global && (SHARED.atWord & bit) !== 0) {
    const at = SHARED.firstAt(s, bit, re.lastIndex);
    if (at > re.lastIndex) re.lastIndex = at;
  }
  return true;
}

/** Whether the scan of `s` (of `owner`'s, or of one of the last few texts) finds a run of `bit`. */
function scannedBits(s: string, bit: number, owner?: object): boolean {
  if (owner !== undefined) return (ownerBits(s, owner, bit).bits & bit) !== 0;
  for (let k = 0; k < CACHED; k++) {
    if (cacheText[k] === s && (cacheCovered[k] & bit) !== 0) return (cacheBits[k] & bit) !== 0;
  }
  const k = cacheNext;
  cacheNext = (cacheNext + 1) % CACHED;
  cacheText[k] = s;
  cacheBits[k] = SHARED.scan(s);
  cacheCovered[k] = SHARED.all;
  return (cacheBits[k] & bit) !== 0;
}

// The bits of a sentence (`owner`, whose text is `s`) for the rest of its document: the fact readers' prefilters
// (`operative` in facts/fact-context.ts) and the sub-processor reader's patterns ask of the same sentences, and one
// scan of each sentence for all of their words is enough. Held weakly: they go with the document's sentences.
const OWNED = new WeakMap<object, { text: string; bits: number; sure: number; covered: number }>();

/** The gate bit of `re` (0: the gate cannot read it; test every text). */
export const keywordBit = (re: RegExp): number => SHARED.bitOf(re);

/**
 * The bits of the patterns that may match `s`, the text of `owner`, and the bits that scan covers (at least `bit`):
 * scanned once per owner (again only if a pattern registered after that scan is asked about).
 */
export function ownerBits(s: string, owner: object, bit: number): { bits: number; sure: number; covered: number } {
  // Readers ask several patterns of one sentence in a row: the last answer is checked before the weak map (whose
  // lookups were a large part of this gate's time).
  if (lastOwner === owner && lastOwned!.text === s && (lastOwned!.covered & bit) === bit) return lastOwned!;
  let e = OWNED.get(owner);
  // The text is part of the key: a caller asking about another text of the same owner (a slice, a lower-cased view)
  // gets a scan of that text, never the bits of the first one (which would silently skip patterns that match).
  if (e === undefined || e.text !== s || (e.covered & bit) !== bit) OWNED.set(owner, (e = { text: s, bits: SHARED.scan(s), sure: SHARED.sure, covered: SHARED.all }));
  lastOwner = owner;
  lastOwned = e;
  return e;
}
// The last owner asked about and its entry (held strongly: one sentence until the next question).
let lastOwner: object | undefined;
let lastOwned: { text: string; bits: number; sure: number; covered: number } | undefined;
