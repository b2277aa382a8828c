import type { Sentence } from '../text/sentences.js';
import { vendorUsesNameIn } from '../calibration/vendor-uses.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { isLetterOrDigit } from '../text/char-classes.js';
import { NAME_AT } from './subprocessor-names.js';

/**
 * A section titled by one provider, whose first sentences say what that provider does for the vendor: "4.1 Information
 * on Statwise" ⏎ "Statwise is a web analytics service offered by Statwise Inc. that …", "Error reports and Hostco" ⏎
 * "Hostco is used as a caching proxy in front of our servers …", "13.2 Deployr GmbH" ⏎ "This is our technical service
 * provider for …", "Use of Sendquill" ⏎ "We use Sendquill to send our newsletter …". Policies written from templates
 * give each tool its own numbered subsection this way; the title is the provider's name, the body its role, so a careful
 * reader lists it as a recipient even though no sentence of the body names it in a list of providers.
 *
 * The title is read as a name after what a section title adds to it: its number ("4.1", "13.2."), a lead ("Information
 * on", "Use of", "Our use of") and, in a title joining a topic and a name ("Error reports and Hostco"), the part the body
 * opens with. Then one of the first two sentences of the section must give the title a provider's role:
 * - the name as subject: "is used to/for/as …", or "is a … service/tool/platform/provider …" that goes on to another
 *   party ("offered by", "provided by", "third-party") or is a provider noun ("is a payment service provider");
 * - the vendor using it for a purpose ("We use Sendquill to …", "This website uses Statwise, a …, to …": vendor-uses.ts);
 * - the body's pronoun as the vendor's provider ("This is our hosting provider", "They are our payment processor").
 * A title whose body only describes what the reader can do with the name ("You can sign in with Gatekey"), a link to
 * it or the vendor's page on it ("We run a page on Chirper") gives it no such role and is not read; the collector's
 * filters (the vendor's own names and products, ordinary words, sign-in providers) apply to what is read.
 */

// What a section title adds before the name: a number, then a lead naming the topic as the use of the name.
const TITLE_NUMBER = /^(?:[-*•]\s+)?(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[ivx]+\.)\s+/;
const TITLE_LEAD = /^(?:(?:information|details|notes?)\s+(?:on|about|regarding)|(?:our\s+)?use\s+of|using|(?:data\s+)?processing\s+(?:by|via)|integration\s+of)\s+(?:the\s+)?/i;
// A title joining a topic and a name ("Error reports and Hostco"): each side is tried as the name.
const JOINED = /\s+(?:and|&)\s+/;
const MAX_WORDS = 4;
const MAX_LENGTH = 40;
// The name as the subject of its role.
const USED_AS = /^\s*(?:\([^)]{0,40}\)\s*)?(?:is|are)\s+(?:also\s+|only\s+)?used\s+(?:by\s+us\s+)?(?:as|to|for)\s+\p{L}/u;
const IS_A_SERVICE = /^\s*(?:\([^)]{0,40}\)\s*)?(?:is|are)\s+an?\s+(?:[\p{L}-]+\s+){0,6}?(?:service|tool|platform|provider|processor|network|solution)s?\b/iu;
// What makes "is a … service" someone else's service: another party named as offering it, or a provider noun.
// Data or tracking words alone do not: the vendor's own analytics product is "a service that tracks traffic" too. Nor
// does the vendor offering it ("a support tool offered by our team", "provided by us"): that is its own feature.
const SERVICE_ROLE = /\b(?:offered|provided|operated|run|owned|developed)\s+by\s+(?!(?:us|we|ourselves|our|the\s+company)\b)|\bthird[- ]part(?:y|ies)\b/i;
// "is a payment service provider", "is a data processor": the kind named is a provider's (not "an analytics service").
const PROVIDER_WORD = /\b(?:providers?|processors?|sub-?processors?|vendors?)\b/i;
// The body's pronoun as the vendor's provider.
const PRONOUN_PROVIDER = /^(?:this|it|they|these)\s+(?:is|are)\s+our\s+(?:[\p{L}-]+\s+){0,3}?(?:service\s+providers?|providers?|processors?|sub-?processors?|hosts?|partners?\s+for)\b/iu;

/** The names a section title may be, after its number and lead (see above). */
function titleNames(heading: string): string[] {
  const v = heading.trim().replace(TITLE_NUMBER, '').replace(TITLE_LEAD, '').trim();
  const parts = [v, ...(JOINED.test(v) ? v.split(JOINED) : [])];
  return parts.filter((p) => {
    if (p.length === 0 || p.length > MAX_LENGTH || p.split(/\s+/).length > MAX_WORDS || /[.:;!?|]$/.test(p)) return false;
    const m = NAME_AT.exec(p);
    return m !== null && m[1] === p;
  });
}

// "The" before the name opening a body sentence ("The Statwise service is …").
const THE = /^the\s+/iu;

/**
 * Where the name that opens `x` ends, as `^(?:the\s+)?NAME(?![\p{L}\p{N}])` with flags `iu` matches (-1: it does not).
 * Compared by character codes when both sides are ASCII, where that pattern's case folding is ASCII's; a non-ASCII
 * character on either side asks the pattern itself. Every heading's name was compiled into that pattern for each body
 * sentence, at ~0.3 ms a time (a Unicode class under `i`): more than all the reading the sub-processor reader does.
 */
export function nameOpening(x: string, name: string): number {
  const the = THE.exec(x);
  // The pattern's order: past "the" and its whole run of spaces first, then giving spaces back, then without "the".
  const starts: number[] = [];
  if (the) for (let p = the[0].length; p >= 4; p--) starts.push(p);
  starts.push(0);
  for (const p of starts) {
    const same = sameIgnoringAsciiCase(x, p, name);
    if (same === undefined) {
      const m = new RegExp(String.raw`^(?:the\s+)?${escapeRegExp(name)}(?![\p{L}\p{N}])`, 'iu').exec(x);
      return m ? m[0].length : -1;
    }
    const end = p + name.length;
    if (same && (end >= x.length || !isLetterOrDigit(x.codePointAt(end)!))) return end;
  }
  return -1;
}

/** Whether `x` from `p` writes `name` up to ASCII case; undefined when a non-ASCII character meets the comparison first. */
function sameIgnoringAsciiCase(x: string, p: number, name: string): boolean | undefined {
  for (let i = 0; i < name.length; i++) {
    const a = name.charCodeAt(i);
    if (p + i >= x.length) return false;
    const b = x.charCodeAt(p + i);
    if (a >= 128 || b >= 128) return undefined;
    if (a !== b && !(isAsciiLetter(a) && (a | 0x20) === (b | 0x20))) return false;
  }
  return true;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether sentence `x` (of the section's body) gives `name` a provider's role (see above). */
function givesRole(x: string, name: string): boolean {
  const end = nameOpening(x, name);
  if (end >= 0) {
    const after = x.slice(end);
    if (USED_AS.test(after)) return true;
    const service = IS_A_SERVICE.exec(after);
    if (service && (SERVICE_ROLE.test(after.slice(service[0].length)) || PROVIDER_WORD.test(service[0]))) return true;
  }
  return vendorUsesNameIn(x, name) || PRONOUN_PROVIDER.test(x);
}

/** The provider titling the section that heading `s` opens (see above), with its offset in the heading's view. */
export function titledProviderSection(sentences: Sentence[], s: Sentence): { name: string; at: number } | undefined {
  if (!s.isHeading || s.view.length > 120) return undefined;
  const names = titleNames(s.view);
  if (names.length === 0) return undefined;
  // The first two sentences of the section's body.
  const body: Sentence[] = [];
  for (let i = s.index + 1; i < sentences.length && body.length < 2 && !sentences[i].isHeading; i++) body.push(sentences[i]);
  for (const name of names) {
    if (body.some((x) => givesRole(x.view.trim(), name))) {
      const at = s.view.lastIndexOf(name);
      if (at >= 0) return { name, at };
    }
  }
  return undefined;
}
