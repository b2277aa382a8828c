import { POLICY_WORDS } from '../clauses/vocabulary.js';
import { AnchoredWindows, CapitalIndex, wordsBefore } from '../text/anchored-windows.js';
import { capitalisedWordsOfText } from '../text/capitalised-words.js';
import { hasWholeWord } from '../text/whole-word.js';
import { ENDS_WITH_SUFFIX, NOT_A_NAME, SUFFIX, TOKEN } from './subprocessor-name-patterns.js';

/** The vendor's own names (subprocessor-names.ts): its products, the legal name a document gives a brand, its dominant brand. */

// A product's words follow its brand on the same line: the name after a line break starts another line of the text
// (a table's next row: "As disclosed in the Privacy Notice" ending one row, "Salesforce" opening the next).
const PRODUCT_TAIL = new RegExp(String.raw`[^\S\n]+(${TOKEN}(?:[^\S\n]+${TOKEN}){0,2})`, 'uy');

/**
 * The vendor's product names: up to three name words after one of its brands ("Acme Rewards"), each prefix
 * lower-cased. The brands are found with indexOf (one regex alternation of them, tried at every position of
 * the text, was a tenth of all extraction time); at each place the first brand, in order, followed by a name wins.
 */
export function productsOf(text: string, brands: string[]): Set<string> {
  const out = new Set<string>();
  const starts = new Set<number>();
  for (const b of brands) for (let i = text.indexOf(b); i >= 0; i = text.indexOf(b, i + 1)) starts.add(i);
  let from = 0;
  for (const at of [...starts].sort((a, b) => a - b)) {
    if (at < from) continue;
    for (const b of brands) {
      if (!text.startsWith(b, at)) continue;
      PRODUCT_TAIL.lastIndex = at + b.length;
      const m = PRODUCT_TAIL.exec(text);
      if (!m) continue;
      const words = m[1].split(/\s+/);
      for (let k = 1; k <= words.length; k++) out.add(words.slice(0, k).join(' ').toLowerCase());
      from = PRODUCT_TAIL.lastIndex;
      break;
    }
  }
  return out;
}

const AFTER_BRAND = new RegExp(String.raw`((?:\s+${TOKEN}){0,3}),?\s+${SUFFIX}(?![\p{L}])`, 'uy');

/** The legal name the document gives a brand ("Rexx" → "Rexx Systems GmbH"), or the brand: the first occurrence followed by up to three words and a legal suffix. */
export function legalName(text: string, brand: string): string {
  if (ENDS_WITH_SUFFIX.test(brand)) return brand;
  if (text.length > LONG_TEXT && brand.length <= BRAND_MARGIN) {
    const long = legalNameNearSuffixes(text, brand);
    if (long !== undefined) return long;
  }
  for (let at = text.indexOf(brand), n = 0; at >= 0 && n < 200; at = text.indexOf(brand, at + 1), n++) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue;
    AFTER_BRAND.lastIndex = at + brand.length;
    const m = AFTER_BRAND.exec(text);
    if (m) return (brand + m[0]).replace(/\s+/g, ' ');
  }
  return brand;
}

// In a long text (many documents in one) each name's scan above is as long as the text, and most names have no
// legal name: there only the occurrences near a legal suffix are looked at (the same answer, see below).
const LONG_TEXT = 1 << 20;
const BRAND_MARGIN = 200;
const SUFFIX_AFTER_SPACE = new RegExp(String.raw`\s(?=${SUFFIX}(?![\p{L}]))`, 'gu');
let suffixWindows: { text: string; windows: AnchoredWindows; capitals?: CapitalIndex } | undefined;

/**
 * {@link legalName}'s loop, over the occurrences that can be followed by AFTER_BRAND (which ends in a suffix after
 * at most three words): those inside a window before a suffix. The loop's bound of 200 occurrences still counts
 * every occurrence in the text before the one taken. Undefined when the brand cannot be looked up that way.
 */
function legalNameNearSuffixes(text: string, brand: string): string | undefined {
  if (suffixWindows?.text !== text) {
    const ranges: [number, number][] = [];
    SUFFIX_AFTER_SPACE.lastIndex = 0;
    for (let m = SUFFIX_AFTER_SPACE.exec(text); m; m = SUFFIX_AFTER_SPACE.exec(text)) {
      const p = m.index + 1;
      ranges.push([Math.max(0, wordsBefore(text, p, 3) - BRAND_MARGIN), p]);
    }
    suffixWindows = { text, windows: new AnchoredWindows(text, ranges) };
  }
  let m: RegExpExecArray | null = null;
  const at = suffixWindows.windows.visitWordStarts(brand, (i) => {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) return false;
    AFTER_BRAND.lastIndex = i + brand.length;
    m = AFTER_BRAND.exec(text);
    return m !== null;
  });
  if (at === undefined) return undefined;
  if (at < 0 || !m) return brand;
  let n = (suffixWindows.capitals ??= new CapitalIndex(text)).countBefore(brand, at, 200);
  if (n === undefined) {
    n = 0;
    for (let i = text.indexOf(brand); i >= 0 && i < at && n < 200; i = text.indexOf(brand, i + 1)) n++;
  }
  return n < 200 ? (brand + (m as RegExpExecArray)[0]).replace(/\s+/g, ' ') : brand;
}

const HEAD_CHARS = 1000;
const COUNTED_CHARS = 60_000;

/**
 * The brand a document names itself by when it defines no alias for itself: the capitalised word it uses far more
 * often than any other (at least 8 times and twice the runner-up) and already in its first 1,000 characters, not an
 * ordinary word of the text nor a word policies capitalise ("Vodafone" in Vodafone's policy, "Sonic" in Sonic.net's).
 * A document is mostly about its author; a provider it names is not its most frequent word by that margin. Lower
 * case, or undefined. Stricter than the definitions' guess (clauses/definitions.ts), which names the vendor for
 * every fact: this one only keeps the author out of its own recipients, and skips words the text also writes in
 * lower case ("Days" in a retention table), which there outnumber a real brand.
 */
export function dominantBrand(text: string, isLowerWord: (w: string) => boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const [w, n] of capitalisedWordsOfText(text.slice(0, COUNTED_CHARS))) {
    // Rare words cannot be the brand nor its runner-up that matters (the brand needs 8 and twice the runner-up).
    if (n < 2 || w.length < 3) continue;
    // "Sonic.net" counts as "Sonic".
    const k = (w.includes('.') ? w.replace(/\.[a-z]{2,4}$/, '') : w).toLowerCase();
    counts.set(k, (counts.get(k) ?? 0) + n);
  }
  // Words are judged from the most frequent down, until the runner-up is known: most are never asked about.
  const judged: [string, number][] = [];
  for (const e of counts) if (e[1] >= 4) judged.push(e);
  judged.sort((a, b) => b[1] - a[1]);
  let best: [string, number] | undefined;
  let second = 0;
  for (const [w, n] of judged) {
    if (POLICY_WORDS.has(w) || NOT_A_NAME.test(w) || !/^[\p{L}\p{N}]+$/u.test(w) || isLowerWord(w)) continue;
    if (!best) best = [w, n];
    else {
      second = n;
      break;
    }
  }
  if (!best || best[1] < 8 || best[1] < 2 * second) return undefined;
  // The author introduces itself at the start; a provider explained at length ("Google Analytics …") comes later.
  // Not as a platform's product the user meets ("the Google Play Store", "your Apple ID"): that is a store, not the author.
  const head = text.slice(0, HEAD_CHARS).toLowerCase();
  return hasWholeWord(head, best[0], PLATFORM_PRODUCT) ? best[0] : undefined;
}
const PLATFORM_PRODUCT = /\s+(?:play|app\s+store|store|id|account|analytics|ads|maps|tag)\b/uy;
