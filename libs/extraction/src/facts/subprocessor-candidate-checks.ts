import { ownEntityElsewhere, ownSiteElsewhere } from '../clauses/definitions.js';
import { POLICY_WORDS } from '../clauses/vocabulary.js';
import type { Sentence } from '../text/sentences.js';
import type { SectionSpan } from '../types.js';
import type { FactContext } from './fact-context.js';
import { NO_PERSONAL_DATA } from './subprocessor-lists.js';
import { BRAND_SHAPE, dominantBrand, HAS_SUFFIX, productsOf } from './subprocessor-names.js';
import { BIG_TECH, EMBEDDED_PLUGIN, FUNCTION_WORD, OWN_PRESENCE, SUFFIX_TAIL } from './subprocessor-patterns.js';
import type { SelfNames } from './subprocessor-self.js';
import { selfNames } from './subprocessor-self.js';

/**
 * What the sub-processor candidates' filters (subprocessor-candidates.ts) ask of the document beyond the sentence a name
 * is read in: the vendor's own names and products, whether a product is shown as an organisation elsewhere, what a
 * section says of plug-ins, and a name's table cell. Each document's answers are memoised in the closures it gets.
 */

// Words right after "the X service" that make it the vendor's own product.
const OWN_PRODUCT_AFTER = /^[^.;]{0,30}?\b(?:our|its)\s+(?:own\s+)?(?:in-?house|proprietary|internal)\b|^[^.;]{0,30}?\b(?:developed|built|operated|run)\s+(?:in-?house|by\s+us)\b/i;
// How much of a section is read for what it says of a platform's plug-ins: a platform's own subsection is short.
const SECTION_READ = 4000;

/** The innermost section holding `at` under the heading a sentence carries, if any. */
function sectionAt(sections: SectionSpan[], at: number, heading: string | undefined): SectionSpan | undefined {
  let found: SectionSpan | undefined;
  for (const sec of sections) if (sec.start <= at && at < sec.end && sec.heading === heading && (!found || sec.start >= found.start)) found = sec;
  return found;
}

/** The vendor's own names, products and brand in a document, each computed when first asked. */
export function vendorOwn(ctx: FactContext) {
  const vendorNames = ctx.vendorNames;
  let selfMemo2: SelfNames | undefined;
  const self = (): SelfNames => (selfMemo2 ??= selfNames(ctx));
  let productSet: Set<string> | undefined;
  const products = (): Set<string> => {
    if (!productSet) productSet = productsOf(ctx.text, vendorNames.filter((b) => b.length >= 3));
    return productSet;
  };
  // A frequent brand is someone else's when the document names its own legal entity and that entity does not share it.
  // Computed when a candidate first reaches the check (many documents have none that far).
  let selfMemo: { v: string | undefined } | undefined;
  const selfBrandOf = (): string | undefined => {
    if (!selfMemo) {
      const frequent = dominantBrand(ctx.text, ctx.isLowerWord);
      selfMemo = { v: frequent !== undefined && !ownEntityElsewhere(ctx.vendorNames, frequent) && !ownSiteElsewhere(ctx.text, frequent) ? frequent : undefined };
    }
    return selfMemo.v;
  };
  // First words of the vendor's names and brand ("google" for "Google LLC" in a Google policy).
  const vendorFirstWords = new Set(vendorNames.map((n) => n.split(/\s+/)[0].toLowerCase().replace(/[^\p{L}\p{N}.]/gu, '')).filter((w) => w.length >= 3 && !POLICY_WORDS.has(w)));
  return { self, products, selfBrandOf, vendorFirstWords };
}

/** The checks of a candidate against the rest of its document. */
export function candidateChecks(ctx: FactContext) {
  /**
   * Whether `name`, read from "the X platform" at offset `from` of the text, is shown as an organisation elsewhere: named
   * again on its own, not after "the" ("Vidstream may collect usage data"), with a legal suffix, or as a domain
   * ("vidstream.com"); and the product is not said to be the vendor's own ("our in-house engine", "our proprietary").
   */
  const brandElsewhere = (name: string, from: number): boolean => {
    const text = ctx.text;
    if (OWN_PRODUCT_AFTER.test(text.slice(from + name.length, from + name.length + 80))) return false;
    const word = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (i === from || word(text[i - 1]) || word(text[i + name.length])) continue;
      const after = text.slice(i + name.length, i + name.length + 12);
      if (/^\.[a-z]{2,6}\b/.test(after) || HAS_SUFFIX.test(text.slice(i, i + name.length + 14))) return true;
      if (!/\bthe\s+$/i.test(text.slice(Math.max(0, i - 4), i))) return true;
    }
    return false;
  };

  // Whether the section a sentence is in says the vendor's pages embed a platform's plug-ins or buttons (read once per section).
  const pluginSections = new Map<number, boolean>();
  const embedsPlugin = (s: Sentence): boolean => {
    const sec = sectionAt(ctx.sections, s.start, s.heading);
    if (!sec) return false;
    let b = pluginSections.get(sec.start);
    if (b === undefined) {
      const body = ctx.text.slice(sec.start, Math.min(sec.end, sec.start + SECTION_READ));
      pluginSections.set(sec.start, (b = EMBEDDED_PLUGIN.test(body) && !OWN_PRESENCE.test(body) && !NO_PERSONAL_DATA.test(body)));
    }
    return b;
  };
  const truncatedTail = (n: string, before: string): boolean => {
    // Cut off from a capitalised word, a parenthesis or a brand written in lower case ("emedia") just before it.
    const prev = /(\S+)\s+$/u.exec(before)?.[1] ?? '';
    if (!(/^[\p{Lu}]/u.test(prev) || prev.endsWith(')') || (/^[\p{Ll}][\p{L}]+$/u.test(prev) && !FUNCTION_WORD.test(prev)))) return false;
    const words = n.replace(SUFFIX_TAIL, '').split(/\s+/).filter((w) => w.length > 0);
    return words.length > 0 && words.every((w) => /^[\p{Lu}][\p{Ll}]+$/u.test(w) && ctx.isLowerWord(w.toLowerCase()));
  };
  return { brandElsewhere, embedsPlugin, truncatedTail };
}

/** The cell of a table row (cells joined by "|") that holds the text from `from` to `to`. */
export function ownCell(row: string, from: number, to: number): string {
  const end = row.indexOf('|', to);
  return row.slice(row.lastIndexOf('|', from - 1) + 1, end < 0 ? row.length : end);
}

// The last words of a product named like an institution ("NextGen Office", "Azure Government"); never "X of Y".
const PRODUCT_HEAD = /^(?:\S+\s+){1,3}(?:Office|Government)$/u;
// Words that open a public body's name, not a brand's ("Federal", "Home", "Cabinet", "Post").
const PUBLIC_WORD = /^(?:Federal|State|National|Home|Cabinet|Foreign|Patent|Post|Public|Local|City|County|Royal|Privacy|Information|Tax|U\.?S\.?|UK|EU|HM|Civil|Government)$/;

/**
 * Whether a name cell under a party column reads as a brand's product with an institution's last word: a word before
 * it is shaped like a brand ("NextGen"), is a big platform's name ("Microsoft") or is a word the document never writes in
 * lower case and that opens no public body's name. "Home Office", "Federal Government", "Office of Civil Rights" are not.
 */
export function productCell(name: string, isLowerWord: (w: string) => boolean): boolean {
  if (!PRODUCT_HEAD.test(name)) return false;
  const words = name.split(/\s+/).slice(0, -1);
  if (words.some((w) => PUBLIC_WORD.test(w))) return false;
  return words.some((w) => BRAND_SHAPE.test(w) || BIG_TECH.test(w) || (/^[\p{Lu}][\p{L}]+$/u.test(w) && !isLowerWord(w.toLowerCase())));
}
