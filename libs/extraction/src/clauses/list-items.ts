import type { Sentence } from '../text/sentences.js';

// List items as the sentence splitter leaves them: a marker written with the item, or split off as a sentence of its own.

// The second form is a marker written against its text, as contracts rendered from PDF have it ("(a)Google will not …",
// "ii)the Customer"): only a closing parenthesis before a letter, since "1.5", "a.m." and "U.S." are no markers.
const LIST_ITEM = /^(?:[-*•·▪◦]\s|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})\)(?=\p{L}))/iu;
// Bullets of lists converted from word processors: a filled or open circle ("● Vendor Tools: …", "○ …"), or a lower-case
// "o" (Word's second-level bullet), either indented with spaces or braille blanks (U+2800, which some converters pad
// nested items with: "⠀⠀⠀⠀⠀o ID5: …"). Case-sensitive: a sentence opening with "O " is no bullet.
const WORD_BULLET = /^[\u2800\s]*[●○o]\s/u;
/** A list item's marker, any of the forms above (for reading the item's body without it). */
export const ITEM_MARKER = /^(?:[\u2800\s]*(?:[-*•·▪◦●○]\s*|o\s+)|\(?[a-zA-Z0-9]{1,3}[.)]\s+)/u;

/** Whether a sentence is a list item ("- …", "(a) …", "1. …", "(a)Google …", "● …", "⠀⠀o …"). */
export function isListItem(s: Sentence): boolean {
  return LIST_ITEM.test(s.view) || WORD_BULLET.test(s.view);
}

/**
 * Whether a sentence goes on an item of the same paragraph ("* With its employees if necessary. In such a case, access
 * will be granted only if …"): the item's own later sentence, so the list goes on before it and leads no item after it.
 */
export function itemContinues(sentences: Sentence[], p: Sentence): boolean {
  for (let k = p.index - 1; k >= 0 && p.index - k <= 6 && sentences[k].paragraph === p.paragraph; k--) {
    // A numbered item whose marker the splitter set apart ("1." then "With its employees …") is an item as well.
    if (isListItem(sentences[k]) || afterBareMarker(sentences, sentences[k])) return true;
  }
  return false;
}

// A numbered item's marker split off as a sentence of its own ("1." then "Transferring … user data …").
const BARE_MARKER = /^\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]$/i;

// The next item's marker left at the end of an indented item ("… purposes; or     2."), set off by a run of spaces.
const TRAILING_MARKER = /\s{2,}\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]$/i;
// A match of TRAILING_MARKER is at most 9 characters past the start of its run of spaces ("  (viii)"): testing the last
// 9 gives the same answer without the pattern being tried at every run of spaces of a long sentence.
const TRAILING_MARKER_SPAN = 9;
const hasTrailingMarker = (view: string) => TRAILING_MARKER.test(view.length > TRAILING_MARKER_SPAN ? view.slice(-TRAILING_MARKER_SPAN) : view);

/**
 * Whether the sentence before `s` is a bare list marker, which makes `s` the item's text. A marker opens a list only
 * as its first item ("1.", "a.") or after another bare-marker item: "19." after a "- …" line is a heading's number.
 */
export function afterBareMarker(sentences: Sentence[], s: Sentence): boolean {
  // Back over marker and item pairs ("1.", "Index Exchange", "2.", "Google Ad Manager", …) to the list's first marker.
  for (let cur = s, steps = 0; steps < 40; steps++) {
    const p = sentences[cur.index - 1];
    if (p === undefined || !(BARE_MARKER.test(p.view) || hasTrailingMarker(p.view))) return false;
    if (/(?:^|\s)\(?(?:1|a|i)[.)]$/i.test(p.view) || hasTrailingMarker(p.view)) return true;
    const q = sentences[p.index - 1];
    if (q === undefined || q.paragraph !== p.paragraph) return false;
    // The item before may have kept its marker ("13. bRealTime", then "14." and "Microsoft").
    if (isListItem(q)) return true;
    // It may run over several sentences ("1.", "With its employees.", "In such a case, …", "2."): back to its first,
    // whose marker the next round looks for.
    cur = q;
    for (let k = 0; k < 6; k++) {
      const b = sentences[cur.index - 1];
      if (b === undefined || b.paragraph !== q.paragraph || isListItem(b) || BARE_MARKER.test(b.view) || hasTrailingMarker(b.view)) break;
      cur = b;
    }
  }
  return false;
}

/**
 * Whether a sentence is a list item, its marker written with it ("- Stripe") or split off as a sentence of its own
 * ("1." then "Index Exchange": converted pages pad the marker with spaces, and the splitter cuts there).
 */
export function isItem(sentences: Sentence[], s: Sentence): boolean {
  return isListItem(s) || afterBareMarker(sentences, s);
}

/** Whether a sentence is only a list marker ("1.", "b)"), its item's text being the next sentence. */
export function isBareMarker(s: Sentence): boolean {
  return BARE_MARKER.test(s.view);
}
