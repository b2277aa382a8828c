import type { Sentence } from '../text/sentences.js';
import { core } from './subprocessor-names.js';
import { namedAsUs, weDefinitionSentences } from './subprocessor-we.js';
import { GROUP_INCLUDES } from './subprocessor-patterns.js';

/**
 * The vendor's own group companies when the document's "we" takes the group in (README, subprocessors_named: "Includes
 * affiliates outside the document's own definition of 'we'"; the vendor itself is excluded). A policy that "applies to
 * IBM Corporation and IBM subsidiaries" or is "published by FT companies" speaks for the whole group, so a subsidiary it
 * gives as an example of its own companies ("internal collaboration between our subsidiaries (such as Red Hat)";
 * "services are provided between legal entities in the FT group … For example, we may share … with F.T. Specialist Inc.")
 * is one of "us", not a recipient. A parent company stays outside "us" ("our parent company, Nikkei Inc."), and so does
 * every group company where the document's "we" is one entity ("other organisations in the IKEA Group (such as IKEA IT
 * AB)" in a policy of IKEA Ireland Limited): the scope decides, not the group wording.
 */

// What the document says it covers or who publishes it: the policy itself is the subject ("This Privacy Policy applies
// to …", "It applies to …") and its object is a company together with its subsidiaries, or a group's companies.
const POLICY_SUBJECT = /\b(?:this|our)\s+(?:privacy\s+|cookie\s+)?(?:policy|statement|notice)\b|^\s*It\s+applies\b/i;
const GROUP_SCOPE = /\b(?:applies\s+to|covers|(?:published|operated|provided)\s+by)\s+(?:all\s+)?(?:the\s+)?((?:[A-Z][\w.&'-]*\s+){1,4})(?:(?:and|&)\s+(?:its|their|our|(?:[A-Z][\w.&'-]*\s+){1,3})\s*(?:subsidiaries|affiliates|affiliated\s+companies|group\s+companies)|(?:group\s+)?companies)\b/;
// The head of a document says what it covers.
const HEAD = 80;

/**
 * Whether the document's own scope takes in the vendor's subsidiaries or group companies. Where the document names its
 * vendor, the group must be the vendor's: "This Privacy Policy applies to the Acme app, which runs on services provided by
 * Google and its affiliates" speaks of another company's group.
 */
export function groupInScope(sentences: Sentence[], weDefinitions: string[], vendorNames: string[]): boolean {
  if (weDefinitions.some(takesGroup)) return true;
  const brands = new Set(vendorNames.map(firstWord));
  return sentences.slice(0, HEAD).some((s) => {
    if (s.isHeading || !POLICY_SUBJECT.test(s.view)) return false;
    const m = GROUP_SCOPE.exec(s.view);
    return m !== null && (brands.size === 0 || brands.has(firstWord(m[1])));
  });
}
const firstWord = (name: string): string => core(name.trim().split(/\s+/)[0]);
// A definition of "we" (kept lower-cased) that takes in the vendor's subsidiaries or affiliates.
const WE_TAKES_GROUP = /\b(?:its|our|their)\s+(?:[\w-]+\s+){0,2}(?:subsidiaries|affiliates|affiliated\s+(?:companies|entities)|group\s+companies)\b/g;
// Not when its own clause leaves them out ('applies to Acme Ltd ("we"), and not to its affiliates', 'does not cover our affiliates').
const LEFT_OUT = /\b(?:not|nor|except|excluding|excludes?|other\s+than)\b[^,;()]*$/;
const takesGroup = (d: string): boolean => [...d.matchAll(WE_TAKES_GROUP)].some((m) => !LEFT_OUT.test(d.slice(0, m.index)));

// The vendor's own companies as a noun: "our subsidiaries", "its affiliated companies", "entities in the FT group".
const OWN_COMPANIES = String.raw`(?:(?:our|its|their)\s+(?:[\w.-]+\s+)?(?:subsidiaries|affiliates|affiliated\s+(?:companies|entities)|group\s+(?:companies|entities)|sister\s+companies)|(?:companies|entities|organi[sz]ations)\s+(?:in|within|of)\s+(?:the\s+|our\s+)?(?:[\w.&'-]+\s+){0,2}group)\b`;
// The name is an example of them in its own clause ("between our subsidiaries (such as Red Hat)").
const EXAMPLE_OF_OWN = new RegExp(String.raw`${OWN_COMPANIES}[^.;]{0,120}?(?:\bsuch\s+as|\bfor\s+(?:instance|example)|\be\.g\.|\bincluding|\bnamely)[^.;]{0,120}$`, 'i');
// Or the name is set off right after them, first or later in the list of their names ("Acme, LLC and its U.S. subsidiaries
// Acme Media, Inc., Acme Labs, LLC and …"); the list's legal suffixes may carry stops. The owner of "its subsidiaries" must be
// one the definition of "we" names: "provided by Alphabet Inc. and its subsidiaries Google LLC and …" lists another group.
const APPOSITION_OF_OWN = new RegExp(String.raw`${OWN_COMPANIES}\s*,?\s+(?:[^;:()]{0,160}?(?:,|\s+and)\s+)?$`, 'i');
const OWNER_BEFORE = /((?:\p{Lu}[\p{L}\p{N}.&'-]*,?\s+){1,4})(?:and|&)\s+$/u;
// Or the sentence before speaks of them and this one opens with an example ("For example, we may share … with …").
const OWN_BEFORE = new RegExp(OWN_COMPANIES, 'i');
const OPENS_EXAMPLE = /^\s*(?:for\s+(?:example|instance)|e\.g\.)\b/i;
// A parent company, a company outside the group, or another kind of recipient is named in the name's own clause: the
// example may then be of them ("our subsidiaries and service providers, such as Stripe", "our affiliates. For example,
// our payment processor Stripe"), not of the group.
const OUTSIDE = /\b(?:parent|third[- ]part(?:y|ies)|unaffiliated|outside|external|partners?|(?:sub-?)?processors?|(?:sub-?)?contractors?|providers?|vendors?|suppliers?|advertisers?|(?:ad|advertising)\s+networks?|agents?|agencies|other\s+(?:[\w-]+\s+)?(?:companies|businesses|organi[sz]ations|entities))\b/i;
// "Hokuto Holdings Inc., our parent company": the name's own appositive sets it outside the group's examples.
const PARENT_AFTER = /^[\s,.(]*(?:which\s+is\s+|is\s+)?(?:our|its|their|the)\s+(?:[\w-]+\s+)?parent\b/i;

/** Whether the name from `at` to `end` of sentence `s` is given as an example of the vendor's own group companies. */
export function ownGroupExample(sentences: Sentence[], s: Sentence, at: number, end: number): boolean {
  // A name opening a sentence after initials ("… with F.T." | "Specialist Inc. for …") was cut from the sentence before
  // it by the initials' stop: that sentence is the name's own clause.
  let first = s;
  let before = s.view.slice(0, at);
  const cut = s.index > 0 ? sentences[s.index - 1] : undefined;
  if (cut && /^\s*$/.test(before) && INITIALS_END.test(cut.view)) [first, before] = [cut, cut.view + ' '];
  const clause = before.slice(before.lastIndexOf(';') + 1);
  if (OUTSIDE.test(clause) || PARENT_AFTER.test(s.view.slice(end))) return false;
  if (EXAMPLE_OF_OWN.test(before.slice(-320)) || ownAppositive(sentences, before.slice(-240))) return true;
  // A sentence that enumerates the group ("Our subsidiaries are A (Ireland), B (UK) and C", "These related group companies
  // include …"): each name is one of its companies, inside "us" where the scope takes the group in.
  if (GROUP_INCLUDES.test(first.view) && !OUTSIDE.test(before)) return true;
  const prev = first.index > 0 ? sentences[first.index - 1] : undefined;
  // The sentence before speaks only of the group ("legal entities in the FT group"), not of providers as well.
  return prev !== undefined && OPENS_EXAMPLE.test(first.view) && OWN_BEFORE.test(prev.view) && !OUTSIDE.test(prev.view);
}
/** Whether `before` ends with a list after the vendor's own companies: "our subsidiaries", or "its" after a name "we" is. */
function ownAppositive(sentences: Sentence[], before: string): boolean {
  const m = APPOSITION_OF_OWN.exec(before);
  if (!m) return false;
  if (!/^(?:its|their)\b/i.test(m[0])) return true;
  // The owner's name, from its last words back (the run may begin with a word of the sentence: "Privacy: Acme, LLC").
  const owner = OWNER_BEFORE.exec(before.slice(0, m.index));
  if (!owner) return false;
  const words = owner[1].trim().replace(/,$/, '').split(/\s+/);
  const defs = weDefinitionSentences(sentences);
  return words.some((_, i) => namedAsUs(defs, words.slice(i).join(' ')));
}
// Initials ending a sentence ("F.T.", "U.S."): a stop that may not end it.
const INITIALS_END = /(?:^|\s)(?:\p{Lu}\.){1,3}$/u;
