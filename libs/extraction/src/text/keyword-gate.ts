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
 * still gets the pattern itself, so the answer is the pattern's. Any source the reader does not understand (a
 * lookbehind, a counted group, `u`/`y`/`m` flags, an alternative with no word start) gets no gate: every sentence
 * is tested, as before.
 */

/**
 * The literal runs every match of `re` must start with at a word start, or undefined when that cannot be read. A run
 * ending in `$` must be followed by a character that is not a word character (or the end): the pattern has `\s` or
 * `\b` right after it (`(?:a|the)\s+transfer`: "a" as a word, not any word starting with "a").
 */
export function requiredPrefixes(re: RegExp): string[] | undefined {
  // `g` changes what `test` answers from call to call, not what can match: callers that `test` decide about it.
  if (/[uymv]/.test(re.flags)) return undefined;
  const out: string[] = [];
  for (const alt of splitTop(re.source)) {
    // What precedes the words: `\b`, the start, or whitespace (`\s`, `\s+`: a character that is not a word character).
    const lead = LEAD.exec(alt);
    if (!lead) return undefined;
    const p = prefixesOf(alt.slice(lead[0].length));
    if (!p) return undefined;
    out.push(...p.map((r) => r.w));
  }
  return out.length > 0 ? out : undefined;
}

const LEAD = /^(?:\\b|\^|\\s\+?)/;

/**
 * Whether every match of a pattern {@link requiredPrefixes} reads begins at the word start its run begins at: each
 * alternative leads with `\b` or `^` (one leading with whitespace begins before the word).
 */
export function startsAtWord(re: RegExp): boolean {
  return splitTop(re.source).every((alt) => !LEAD.exec(alt)![0].startsWith('\\s'));
}

/**
 * Words any match of which at a word start is a match of `re` itself: the alternatives that are `\b` and a literal
 * (or `\b` and a group of literals, nothing after it) of a case-insensitive pattern without other flags. A text
 * holding one of them at a word start matches `re` (without `u`, `\b` before a letter is what a word start is to
 * the scan, and `i` folds ASCII letters only, as the scan does), so the pattern need not be run to say so.
 */
export function completeWords(re: RegExp): string[] {
  if (re.flags !== 'i') return [];
  const out: string[] = [];
  for (const alt of splitTop(re.source)) {
    if (!alt.startsWith('\\b')) continue;
    const body = alt.slice(2);
    if (LITERAL_WORDS.test(body)) out.push(body.toLowerCase());
    else if (body.startsWith('(?:') && matchingParen(body, 0) === body.length - 1) {
      for (const a of splitTop(body.slice(3, -1))) if (LITERAL_WORDS.test(a)) out.push(a.toLowerCase());
    }
  }
  return out;
}
const LITERAL_WORDS = /^[A-Za-z][A-Za-z0-9 ]*$/;

/** A run, and whether it took the whole of its source (what follows decides whether it ends a word). */
interface Run {
  w: string;
  open: boolean;
}

/** Whether `rest` (what follows a run ending in a letter or digit) puts a non-word character right after it. */
// Only a separator the pattern requires counts: `\s*`, `\s?` and `\s{0,n}` may take nothing ("foo\s*bar" matches "foobar").
const endsWord = (w: string, rest: string) => /[a-z0-9]$/.test(w) && /^\\(?:b|s(?![*?{]))/.test(rest);

/** Literal runs one of which starts every match of `src` (a group of alternatives or a run), or undefined. */
function prefixesOf(src: string): Run[] | undefined {
  // A lookaround takes no characters: the words start where it stands ("\\b(?<=\\bare\\s+)using").
  if (/^\(\?<?[=!]/.test(src)) {
    const close = matchingParen(src, 0);
    return close < 0 || /^[?*{]/.test(src.slice(close + 1)) ? undefined : prefixesOf(src.slice(close + 1));
  }
  if (src.startsWith('(?:')) {
    const close = matchingParen(src, 0);
    if (close < 0 || src[close + 1] === '{') return undefined;
    const quantifier = /^[?*]\??/.exec(src.slice(close + 1))?.[0] ?? '';
    const rest = src.slice(close + 1 + quantifier.length);
    const out: Run[] = [];
    for (const alt of splitTop(src.slice(3, close))) {
      const p = prefixesOf(alt);
      if (!p) return undefined;
      // A run that took its whole alternative is followed by what follows the group.
      for (const r of p) out.push(!r.open ? r : rest === '' ? r : { w: endsWord(r.w, rest) ? r.w + '$' : r.w, open: false });
    }
    if (!quantifier) return out;
    // An optional group ("(?:service\s+)?providers"): a match starts with the group's words or with what follows it.
    const after = prefixesOf(rest);
    return after ? [...out, ...after] : undefined;
  }
  let run = '';
  let i = 0;
  for (; i < src.length; i++) {
    const c = src[i];
    if (!/[A-Za-z0-9 ]/.test(c) || /[?*+{]/.test(src[i + 1] ?? '')) break;
    run += c.toLowerCase();
  }
  // The scan looks at word starts before letters only.
  if (!/^[a-z]/.test(run)) return undefined;
  if (i === src.length) return [{ w: run, open: true }];
  return [{ w: endsWord(run, src.slice(i)) ? run + '$' : run, open: false }];
}

/** The index of the `)` closing the group opened at `open`, or -1. */
function matchingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The index of the `]` closing the character class opened at `open`. */
function classEnd(src: string, open: number): number {
  for (let i = open + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === ']') return i;
  }
  return src.length;
}

/** The alternatives of `src` at depth 0. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * The trigger words of many patterns in one trie, one bit per pattern (at most 31; later ones get no gate).
 * `bitOf` registers a pattern on first sight; `scan` gives, per text, the bits of the patterns it may match.
 * The trie is a flat table of ASCII transitions (node * 128 + character → node + 1; 0: none): the words are ASCII,
 * and a table lookup per character keeps the scan a small part of the regex passes it saves.
 */
export class KeywordGate {
  private next = new Int32Array(128);
  // Per-node bits as typed arrays (node count in `nodes`): bit 30 is past the small integers a plain array holds
  // unboxed, and with it the arrays turned to doubles, converted back on every `|` of the scan.
  private nodes = 1;
  private bits = new Int32Array(64);
  /** Bits of the patterns one of whose runs ends here and must end a word there. */
  private endBits = new Int32Array(64);
  /** Bits of the patterns one of whose {@link completeWords} ends here: reaching it is a match of the pattern. */
  private sureBits = new Int32Array(64);
  /** The patterns the last {@link scan} found a complete word of (a subset of its answer). */
  sure = 0;
  private readonly bitsOf = new Map<RegExp, number>();
  /** The bit of each pattern source (with its flags): copies of one pattern share it. */
  private readonly bitsBySource = new Map<string, number>();
  private used = 0;
  /** All bits registered so far: a scan made earlier covers only the bits registered before it. */
  all = 0;
  /** The bits of the patterns whose matches begin where their runs do ({@link startsAtWord}). */
  atWord = 0;

  /** The pattern's bit (0: no gate, test every text). */
  bitOf(re: RegExp): number {
    let bit = this.bitsOf.get(re);
    if (bit !== undefined) return bit;
    // A pattern written as a literal inside a function is a new object per call: each copy gets the one bit of its
    // source and flags (a bit per copy used up all 31 within a few documents), and is not kept (nor are they all).
    const key = `${re.flags}/${re.source}`;
    bit = this.bitsBySource.get(key);
    if (bit !== undefined) return bit;
    const words = this.used < 31 ? requiredPrefixes(re) : undefined;
    bit = words ? 1 << this.used++ : 0;
    this.bitsOf.set(re, bit);
    this.bitsBySource.set(key, bit);
    if (bit) {
      for (const w of words!) this.insert(w, bit);
      // A complete word is one of the pattern's runs (it is also marked as a run, which changes nothing then).
      for (const w of completeWords(re)) this.sureBits[this.insert(w, bit)] |= bit;
      this.all |= bit;
      if (startsAtWord(re)) this.atWord |= bit;
    }
    return bit;
  }

  /** Adds a run for `bit`; its end node. */
  private insert(run: string, bit: number): number {
    const wordEnd = run.endsWith('$');
    const word = wordEnd ? run.slice(0, -1) : run;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const at = node * 128 + word.charCodeAt(i);
      if (this.next[at] === 0) {
        const id = this.nodes++;
        if (id >= this.bits.length) {
          this.bits = grow(this.bits);
          this.endBits = grow(this.endBits);
          this.sureBits = grow(this.sureBits);
        }
        if ((id + 1) * 128 > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[at] = id + 1;
      }
      node = this.next[at] - 1;
    }
    if (wordEnd) this.endBits[node] |= bit;
    else this.bits[node] |= bit;
    return node;
  }

  /** The bits of the patterns one of whose words starts at a word start of `s`. */
  scan(s: string): number {
    const next = this.next;
    const bitsAt = this.bits;
    const endBitsAt = this.endBits;
    const sureBitsAt = this.sureBits;
    let bits = 0;
    let sure = 0;
    let prevWord = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter && !prevWord) {
        // Words are lower case: a capital letter is looked up as its lower-case twin.
        let node = next[c | 0x20] - 1;
        for (let k = i + 1; node >= 0; k++) {
          bits |= bitsAt[node];
          sure |= sureBitsAt[node];
          const d = k < s.length ? s.charCodeAt(k) : -1;
          if (endBitsAt[node] !== 0 && !((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95)) bits |= endBitsAt[node];
          if (d < 0) break;
          if (d >= 128) break;
          node = next[node * 128 + (d >= 65 && d <= 90 ? d | 0x20 : d)] - 1;
        }
      }
      prevWord = letter || (c >= 48 && c <= 57) || c === 95;
    }
    this.sure = sure;
    return bits;
  }

  /**
   * The first word start at or after `from` where one of the runs of `bit` begins (as {@link scan} reads them), or
   * -1: no match of that pattern begins before it.
   */
  firstAt(s: string, bit: number, from: number): number {
    const next = this.next;
    const bitsAt = this.bits;
    const endBitsAt = this.endBits;
    const p = from > 0 ? s.charCodeAt(from - 1) : -1;
    let prevWord = (p >= 48 && p <= 57) || (p >= 65 && p <= 90) || (p >= 97 && p <= 122) || p === 95;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      if (letter && !prevWord) {
        let node = next[c | 0x20] - 1;
        for (let k = i + 1; node >= 0; k++) {
          if ((bitsAt[node] & bit) !== 0) return i;
          const d = k < s.length ? s.charCodeAt(k) : -1;
          if ((endBitsAt[node] & bit) !== 0 && !((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 95)) return i;
          if (d < 0 || d >= 128) break;
          node = next[node * 128 + (d >= 65 && d <= 90 ? d | 0x20 : d)] - 1;
        }
      }
      prevWord = letter || (c >= 48 && c <= 57) || c === 95;
    }
    return -1;
  }
}

/** A copy of `a` twice as long (the new half zero). */
function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

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

// Sticky twins of the patterns given to firstMatchInText, with the runs a match must start with (null: no gate).
// Weak: a caller that builds its pattern per call must not grow this cache for the life of the process.
const STICKY = new WeakMap<RegExp, { sticky: RegExp; runs: string[] } | null>();

/**
 * `re.exec(text)` for a pattern run once over a long text (a document's first 200,000 characters): the same match,
 * found by trying the pattern only at the word starts where one of its runs begins ({@link requiredPrefixes}; the
 * top of this file says why no match begins elsewhere), located by `indexOf` in the lower-cased text instead of the
 * pattern being tried at every position. Trying candidates in increasing order, the first that matches is the
 * leftmost match. Any pattern the gate cannot read, or a text whose lower case has another length, is run as is.
 */
export function firstMatchInText(re: RegExp, text: string): RegExpExecArray | null {
  let e = STICKY.get(re);
  if (e === undefined) {
    const runs = re.global || re.sticky ? undefined : requiredPrefixes(re);
    // A run that must end a word ("…$") is looked for without that condition: more candidates, none missed.
    e = runs && startsAtWord(re) ? { sticky: new RegExp(re.source, re.flags + 'y'), runs: runs.map((r) => (r.endsWith('$') ? r.slice(0, -1) : r)) } : null;
    STICKY.set(re, e);
  }
  if (e === null) return re.exec(text);
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return re.exec(text);
  const { sticky, runs } = e;
  const next = runs.map((r) => lower.indexOf(r));
  let tried = -1;
  for (;;) {
    let k = -1;
    for (let j = 0; j < next.length; j++) if (next[j] >= 0 && (k < 0 || next[j] < next[k])) k = j;
    if (k < 0) return null;
    const at = next[k];
    next[k] = lower.indexOf(runs[k], at + 1);
    if (at === tried) continue;
    tried = at;
    // A word start: the text's start or after a character that is not [A-Za-z0-9_].
    if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) return m;
  }
}

const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
