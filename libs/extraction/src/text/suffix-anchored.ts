/**
 * The matches of a legal-name pattern (starting with a capital [A-Z], no flags but `g`) ("Acme Cloud GmbH", "WPEngine, Inc.") over a long text, found by looking only
 * near the legal suffixes the text holds instead of trying the pattern at every capital letter of the text.
 *
 * Such a pattern is: up to `words` words of name characters ([\w.&'-], no whitespace) joined by whitespace, an optional
 * comma, whitespace, then a suffix. So a match starting at p ends with whitespace at some q just before a suffix, and
 * between p and q there are at most `words` runs of whitespace (the joins and the one before the suffix). Every start
 * before the first such q (at or after where the search stands) that lies further back than that cannot begin a match,
 * and the pattern, made sticky, is tried at each capital of the window in increasing order: the first that matches is the
 * leftmost match, as `matchAll` would find it. The spec compares both on texts made to test the edges.
 */
export function* suffixAnchoredMatches(pattern: RegExp, suffixAfterSpace: RegExp, words: number, text: string): Generator<RegExpExecArray> {
  const sticky = stickyTwin(pattern);
  const suffix = new RegExp(suffixAfterSpace.source, 'g' + suffixAfterSpace.flags.replace(/[gy]/g, ''));
  // Every start before `tried` has been tried or cannot begin a match.
  let tried = 0;
  for (;;) {
    suffix.lastIndex = tried;
    const s = suffix.exec(text);
    if (!s) return;
    const q = s.index;
    let found: RegExpExecArray | null = null;
    for (let p = Math.max(tried, windowStart(text, q, words)); p < q; p++) {
      const c = text.charCodeAt(p);
      if (c < 65 || c > 90) continue;
      sticky.lastIndex = p;
      found = sticky.exec(text);
      if (found) break;
    }
    if (found) {
      yield found;
      tried = found.index + Math.max(1, found[0].length);
    } else tried = q + 1;
  }
}

const TWINS = new WeakMap<RegExp, RegExp>();
function stickyTwin(re: RegExp): RegExp {
  let t = TWINS.get(re);
  if (!t) TWINS.set(re, (t = new RegExp(re.source, re.flags.replace(/g/g, '') + 'y')));
  return t;
}

const SPACE = /\s/;
const isSpace = (c: string) => SPACE.test(c);
// The characters a name's words, their joins and the comma before the suffix are made of.
const NAME_CHAR = /[\w.&'\-,]/;

/**
 * The furthest start a match ending with the whitespace at `q` can have: back from `q` over name characters and at
 * most `words` runs of whitespace (the run holding `q` counts as the first).
 */
function windowStart(text: string, q: number, words: number): number {
  let runs = 1;
  let i = q;
  while (i > 0 && isSpace(text[i - 1])) i--;
  for (; i > 0; i--) {
    const c = text[i - 1];
    if (isSpace(c)) {
      if (!isSpace(text[i])) runs++;
      if (runs > words) return i;
    } else if (!NAME_CHAR.test(c)) return i;
  }
  return 0;
}
