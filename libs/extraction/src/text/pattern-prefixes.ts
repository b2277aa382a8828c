/**
 * Reading a pattern's source for the words its matches must start with, for the keyword gate (keyword-gate.ts says
 * why the gate built on these words is exact).
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
export function splitTop(src: string): string[] {
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
