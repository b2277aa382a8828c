/**
 * Whether a sentence opens as a definition, "Term means …": `^\W*[\w\s-]{1,60}\W*\s+means\b` with flag `i`, answered
 * without running that pattern. Its three overlapping runs (`[\w\s-]`, `\W*`, `\s+` all take spaces) backtrack
 * cubically over a long run of spaces, and the flow-down reader blanks the conditions it sets aside with spaces: one
 * sentence with 200 blanked characters cost 3 ms, and the pattern was the reader's largest cost over the OTA documents.
 *
 * The same answer, read off the pattern: some "means" (then no word character) has whitespace right before it, and the
 * text before that whitespace character is non-word characters, then 1–60 characters of `[\w\s-]`, then non-word
 * characters. Every word character there must fall in the middle run, so it is enough that the span from the first to
 * the last word character is at most 60 characters of `[\w\s-]`; with no word character at all, that some character is
 * whitespace or a hyphen (the middle run's one character). The spec compares this with the pattern on random texts.
 */
const MEANS_AFTER_SPACE = /\smeans\b/gi;
const WORD = /\w/;
const MIDDLE_RUN = /^[\w\s-]*$/;
const MIDDLE_CHAR = /[\s-]/;

export function opensAsDefinition(v: string): boolean {
  // The first and last word characters before each "means", read once across all of them (they come in text order):
  // a text with many "means" is not re-read from its start for each.
  let first = -1;
  let last = -1;
  let i = 0;
  for (const m of v.matchAll(MEANS_AFTER_SPACE)) {
    const end = m.index; // the text before the whitespace character
    for (; i < end; i++) {
      if (WORD.test(v[i])) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) {
      if (MIDDLE_CHAR.test(v.slice(0, end))) return true;
    } else if (last - first < 60 && MIDDLE_RUN.test(v.slice(first, last + 1))) return true;
  }
  return false;
}
