import { negationBefore } from '../clauses/negation.js';
import { NOT_RECIPIENT } from '../clauses/vocabulary.js';

/**
 * Whether the names a provider clause gives (subprocessor-triggers.ts finds where they start) receive data: the vendor
 * passes data to them or uses them, nothing denies it, they are not a source, the user's choice or the vendor's own
 * (examplesReceive), no convention sets a name aside (excludedBecause), and the examples of the vendor's group.
 */

// What the vendor does with the providers a parenthesis gives examples of: uses them or passes data to them.
// "provide" passes data only to someone ("provide your details to"): "we provide premium services, such as A" names
// the vendor's own offerings.
const PASSES_TO = /\b(?:use[sd]?|using|allow(?:s|ed)?|permit(?:s|ted)?|engage[sd]?|rel(?:y|ies)\s+on|works?\s+with|share[sd]?|sharing|disclos\w+|transferr?\w*|sen[dt]s?|sending|provid(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}?(?:to|with)\b|transmit\w*|process\w*|host\w*|stor(?:e|es|ed|ing)\b)\b/i;
const PASSES_TO_ALL = new RegExp(PASSES_TO.source, 'gi');
// A denial between the subject and the verb ("we never use", "we do not share", "we don't rely on"): the shared
// negation reader, over the words just before the verb. A verb joined by "and" after the refused verb's object is the
// vendor's own next act, not refused ("We do not store your card details and use Stripe to process payments", "we do
// not run our own servers and use AWS"): "not sell and share" keeps one verb group, "not sell your data or share it"
// refuses both.
const AND_BEFORE = /\band\s+(?:(?:also|instead|then|rather|simply)\s+)?$/i;
const denied = (clause: string, index: number): boolean => {
  const at = negationBefore(clause, index, 40);
  if (at < 0) return false;
  const and = AND_BEFORE.exec(clause.slice(0, index));
  // The negation, its verb and at most one more word ("not currently sell and share") before the "and".
  return !(and && and.index > at && clause.slice(at, and.index).trim().split(/\s+/).length > 3);
};
// A verb in the passive ("will be shared with", "is disclosed to"): the vendor is the one who passes the data on.
const EXCEPTION = /\b(?:except|other\s+than|unless|apart\s+from|besides|but|only|save\s+for|without\s+your)\b/i;
const PASSIVE = /\b(?:is|are|be|been|being|was|were|gets?)\s+(?:\w+ly\s+)?$/i;

/**
 * Whether the clause before a kind's examples has the vendor pass data to them or use them: the verb's subject is the
 * vendor ("we", "us", one of its names, "it"), or the verb is in the passive, and nothing denies it ("we never use",
 * "we do not share"). "Practices that use scheduling tools such as A", "many clinics use platforms such as B": the
 * customers' tools, not the vendor's providers.
 */
export function vendorPassesTo(clause: string, vendor: RegExp): boolean {
  PASSES_TO_ALL.lastIndex = 0;
  for (let m = PASSES_TO_ALL.exec(clause); m; m = PASSES_TO_ALL.exec(clause)) {
    const before = clause.slice(0, m.index);
    if (denied(clause, m.index)) continue;
    if (PASSIVE.test(before)) return true;
    const subject = before.replace(/\s+(?:(?:also|currently|may|might|will|can|could|do|does|only|would|shall|must|sometimes|\w+ly)\s+)*$/i, ' ').replace(/\s+$/, '');
    if (/\b(?:we|us|it)$/i.test(subject) || vendor.test(subject)) return true;
    // "We collect your information and share it with …": a verb joined by "and" shares the subject of the clause's first verb.
    // Not when another subject comes between ("We also appreciate that End Users may wish to stream … and share it with …").
    if (/^\s*(?:[-*•]\s*)?we\s+(?![^,;:()]*\b(?:that|which|who|whom|you|users?|they|customers?|if|when|where|while)\b)[^,;:()]*\band$/i.test(subject)) return true;
    // "Orbital uses payment services such as A" where the document gives no name of its own: a name opening the clause
    // with a verb in the singular is a company, the one whose notice this is ("Clinics use platforms such as B" is not).
    if (/^\s*(?:[-*•]\s*)?[\p{Lu}][\p{L}\d.&-]*(?:\s+[\p{Lu}][\p{L}\d.&-]*){0,3}$/u.test(subject) && /^(?!process\b)(?:\w+s|relies)\b/i.test(m[0])) return true;
    // "Orbit, which uses processors such as A": a relative pronoun stands for the vendor named before it.
    const antecedent = subject.replace(/\s*,?\s*(?:which|who|that)$/i, '');
    if (antecedent !== subject && (/\b(?:we|us)$/i.test(antecedent) || vendor.test(antecedent))) return true;
  }
  return false;
}

/** Whether a clause denies every verb of passing data it has ("we never use X", "we do not share your data with"). */
export function deniedUse(clause: string): boolean {
  PASSES_TO_ALL.lastIndex = 0;
  let any = false;
  for (let m = PASSES_TO_ALL.exec(clause); m; m = PASSES_TO_ALL.exec(clause)) {
    // "We do not share your data except with providers such as A": the exception names recipients.
    if (!denied(clause, m.index) || EXCEPTION.test(clause.slice(m.index))) return false;
    any = true;
  }
  return any;
}
// The examples are then a service the user chooses ("if you choose to use an unaffiliated payment service (…), such as
// X"), a source, a sign-in, a store, a link the user makes, the user's own provider ("uploaded to
// your file hosting service (e.g. X)") or the vendor's own services.
// A list item or clause of the user's means of payment ("using an online payment service (Paypal, Direct Debit, etc.)") too.
const EXAMPLES_NOT_RECIPIENTS = /^\s*(?:[-*•]\s*)?(?:by\s+)?(?:using|paying\s+(?:with|by|via|through))\b|\b(?:you|users?)\s+(?:choose|chooses|decide|decides|elect|opt)\s+to\s+(?:use|pay|connect|link)\b|\b(?:from|collect\w*|obtain\w*|receiv\w+|log[- ]?in|sign[- ]?(?:in|on|up)|credentials|authenticat\w*|connect\w*|link\w*|stores?)\b|\bour\s+(?:[\w-]+\s+){0,2}(?:services|products|tools|platforms|apps|offerings)\s*$|\byour\s+(?:own\s+)?(?:(?!to\b|with\b|for\b)[\w-]+\s+){0,2}(?:services?|providers?|accounts?|platforms?|apps?)\s*$/i;

/**
 * Whether providers given as examples in a parenthesis ("disclose your data to partners (such as A and B)") are
 * named as receiving data: the clause before the noun says the vendor uses them or passes data to them and is not
 * about a source, a sign-in, a store or the vendor's own services; or the sentence is an entry of a recipients list
 * ("- Billing services (e.g., A, B)").
 */
export function examplesReceive(clause: string, inRecipientList: boolean, rest = ''): boolean {
  // "We collect your information and share it with the third-party service for processing (such as A)": the verb joined
  // last, the one the kind is the object of, decides; the collection before "and" is the vendor's own.
  const tail = GIVES_LAST.exec(clause);
  if (EXAMPLES_NOT_RECIPIENTS.test(tail ? tail[0].replace(/^\s*(?:and|then)\s+/i, '') : clause)) return false;
  return inRecipientList || PASSES_TO.test(clause) || (WE_AND_OUR.test(clause) && CO_COLLECT.test(rest));
}
// A verb of giving joined last by "and" with its "with"/"to" before the kind ("… and share it with the third-party service").
const GIVES_LAST = /\b(?:and|then)\s+(?:(?:may|will|also|then|can)\s+)*(?:share[sd]?|disclos\w+|transfer\w*|sen[dt]s?|pass(?:es|ed)?|provid\w+|transmit\w*)\b[^.;()]*\b(?:with|to)\b[^.;()]*$/i;
// "we and our third-party advertising partners (including … Meta, Google, and Reddit) may use a variety of technologies …
// to collect": the partners act beside the vendor on its services, so they get the data they collect there.
const WE_AND_OUR = /\bwe\s+and\s+our\s+(?:[\w-]+\s+){0,3}(?:partners|providers|vendors)\s*$/i;
const CO_COLLECT = /^[^()]{0,200}\)\s+(?:may\s+|also\s+|will\s+|can\s+)*(?:use|collect|set|place|access|receive)\b/i;

/**
 * Why a name found in a provider clause is not a recipient (README conventions), or undefined. `cellAround`: the name's
 * own cell when it was read from a table row (see NOT_RECIPIENT's `ownCell`).
 */
export function excludedBecause(around: string, before: string, after: string, cellAround?: string): string | undefined {
  for (const x of NOT_RECIPIENT) {
    if (x.ownCell && cellAround !== undefined) {
      if (x.around && x.around.test(cellAround)) return x.reason;
      continue;
    }
    if (x.both) {
      if (x.before!.test(before) && x.after!.test(after)) return x.reason;
      continue;
    }
    if (x.before && x.before.test(before)) return x.reason;
    if (x.after && x.after.test(after)) return x.reason;
    if (x.around && x.around.test(around)) return x.reason;
  }
  return undefined;
}

// The vendor's group as a kind of recipient: "affiliates", "affiliated companies", "group companies", "other organisations in
// the Acme Group", "Acme Group companies". Its examples follow an introducer ("such as", "for instance", "e.g.", "including",
// "namely") or the colon ending the clause, within the clause (no stop or semicolon between). Without the `u` flag: V8 runs /iu alternations five times slower.
const GROUP_KIND = /\b(?:affiliates|affiliated\s+(?:companies|entities|businesses)|subsidiaries|group\s+(?:companies|entities|members)|(?:companies|organi[sz]ations|entities|members)\s+(?:in|of|within)\s+(?:our|the)\s+(?:\S+\s+)?group|sister\s+companies)\b[^.;:]{0,160}?(?:(?:\(\s*|,\s*|\s)(?:such\s+as|for\s+instance,?|for\s+example,?|e\.g\.,?|including|namely)\s+(?:our\s+|the\s+)?|:\s*)/gi;
// A kind of place between the group and the examples: the examples are places, not companies.
const PLACES_BETWEEN = /\b(?:countr(?:y|ies)|jurisdictions?|regions?|territor(?:y|ies)|locations?|cities|states|places|markets)\b/i;
// The clause takes data from the group rather than giving it ("information we receive from our affiliates, such as A").
const FROM_GROUP = /\b(?:receiv\w*|obtain\w*|collect\w*|get|gets|comes?|learn)\s+(?:[\w-]+\s+){0,6}?from\s+(?:[\w-]+\s+){0,4}?$/i;

/**
 * Examples of the vendor's group companies in a clause that passes data to them: "We may share the personal data with other
 * organisations in the Acme Group … (such as Acme IT AB, Acme of Sweden AB)", "transfer your information to other Acme
 * Group companies (for instance our Acme Intelligence Solutions centres)", "shared … among the other Acme affiliated
 * companies …: Acme Dealer Services, …". The positions right after the introducer. Not when the clause denies passing
 * data or takes data from the group.
 */
export function groupExamples(v: string): number[] {
  const out: number[] = [];
  if (!/\b(?:affiliat|subsidiar|group|sister)/i.test(v)) return out;
  GROUP_KIND.lastIndex = 0;
  for (let m = GROUP_KIND.exec(v); m; m = GROUP_KIND.exec(v)) {
    const clause = v.slice(Math.max(0, v.lastIndexOf(';', m.index) + 1), m.index);
    // A name starts with a capital or a digit (checked here: the pattern has no `u` flag, see GROUP_KIND).
    if (!/^[\p{Lu}\d]/u.test(v.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    if (!PASSES_TO.test(clause) || deniedUse(clause) || FROM_GROUP.test(clause)) continue;
    // "our affiliates … located in countries other than yours (e.g. Singapore)": the examples are of the places named last.
    if (PLACES_BETWEEN.test(m[0])) continue;
    out.push(m.index + m[0].length);
  }
  return out;
}
