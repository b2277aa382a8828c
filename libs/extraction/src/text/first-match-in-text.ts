import { requiredPrefixes, startsAtWord } from './pattern-prefixes.js';

// Sticky twins of the patterns given to firstMatchInText, with the runs a match must start with (null: no gate).
// Weak: a caller that builds its pattern per call must not grow this cache for the life of the process.
const STICKY = new WeakMap<RegExp, { sticky: RegExp; runs: string[] } | null>();

/**
 * `re.exec(text)` for a pattern run once over a long text (a document's first 200,000 characters): the same match,
 * found by trying the pattern only at the word starts where one of its runs begins ({@link requiredPrefixes}; the
 * top of keyword-gate.ts says why no match begins elsewhere), located by `indexOf` in the lower-cased text instead of the
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
