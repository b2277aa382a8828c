import type { Sentence } from '../text/sentences.js';
import { vendorUsesNameIn } from '../calibration/vendor-uses.js';
import { escapeRegExp } from '../text/escape-regexp.js';
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

/** Whether sentence `x` (of the section's body) gives `name` a provider's role (see above). */
function givesRole(x: string, name: string): boolean {
  const at = new RegExp(String.raw`^(?:the\s+)?${escapeRegExp(name)}(?![\p{L}\p{N}])`, 'iu').exec(x);
  if (at) {
    const after = x.slice(at[0].length);
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
