import { wholeWordOffsets } from '../text/whole-word.js';

/**
 * Whether a sentence casts a name as a tool the vendor itself runs for a purpose of its own: "We use Paydesk to manage
 * subscriptions", "We also rely on Sendwave for delivering our newsletters", "This website uses Statwise, a web analytics
 * service, to …", "Mailfast is used to send our emails", "Hostco stores the data on our behalf". A careful reader takes
 * such a name for a provider receiving the data it works on, as surely as one listed under "our service providers",
 * though the sentence uses no provider noun: the clause's actor is the vendor and the name is its instrument.
 *
 * Only the vendor ("we", "us", "our website/app/service") as the one using, without a negation between it and the verb
 * (the adverbs allowed between them are listed), the name as the whole object (not the first word of a longer name:
 * "We use Google Analytics" says nothing of "Google"), and a purpose after it ("to …", "for …", "as …"); or the name as
 * the subject of a passive "is used to/for/as" with nothing before it but an opening, or of a verb of processing "on our
 * behalf". Sentences where the reader is the one using ("you can use Google to sign in") or the name is used to sign in
 * (a data source, README conventions) do not qualify.
 *
 * Used as a calibration feature of names (features.ts), never to read a name by itself: the name must already be read.
 */

// The vendor as the subject: "we", "us" (after "help"/"let"), "our website", "this app" …
const VENDOR_SUBJECT = String.raw`(?:\b[Ww]e|\b(?:[Oo]ur|[Tt]his|[Tt]he)\s+(?:web\s*site|site|apps?|applications?|platform|services?|company))`;
// Adverbs and modals a reader skips between the subject and its verb; "not", "never", "no longer" are not among them.
const SKIPPED = String.raw`(?:(?:may|might|can|could|will|would|also|currently|further|additionally|primarily|mainly|generally|sometimes|do|does|presently)\s+)*`;
// Not "we partner/work with": a partner may be a charity or a channel the vendor refers users to, not its tool.
const USE_VERB = String.raw`(?:use[sd]?|utili[sz]e[sd]?|employs?|employed|engages?|engaged|rel(?:y|ies|ied)\s+(?:up)?on)`;
// "the services of", "tools provided by", "a service called" between the verb and the name.
const OBJECT_LEAD = String.raw`(?:(?:the\s+)?(?:(?:web\s+)?(?:services?|tools?|platform|products?|solutions?|technology|software)\s+(?:of|from|by|provided\s+by|offered\s+by)\s+)|the\s+)?`;
// Names coordinated before this one in the same object ("We use Paydesk, Sendwave and Hostco to …").
const NAMES_BEFORE = String.raw`(?:[\p{Lu}][\p{L}\p{N}.&'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}.&'’-]*){0,3}(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*`;
const BEFORE_ACTIVE = new RegExp(String.raw`${VENDOR_SUBJECT}\s+${SKIPPED}${USE_VERB}\s+${OBJECT_LEAD}${NAMES_BEFORE}$`, 'u');
// The purpose after the name, within the clause: "to manage …", "for payments", "as our email provider", "in order to",
// past an apposition ("Statwise, a web analytics service, to …"), not past the end of the clause.
const PURPOSE_AFTER = /^[^.;:!?]{0,100}?\b(?:to|for|as|in\s+order\s+to)\s+\p{L}/u;
// A name going on as a longer name ("Google" in "Google Analytics"): the next word is capitalised.
const LONGER_NAME = /^(?:\s+|-)(?:[\p{Lu}\d]|&)/u;
// The name as the subject of a passive use with a purpose: "Mailfast is used to send …", "Statwise is also used for …".
const PASSIVE_AFTER = /^\s*(?:\([^)]{0,40}\)\s*)?(?:is|are)\s+(?:also\s+|only\s+|currently\s+)*used\s+(?:by\s+us\s+)?(?:to|for|as)\s+\p{L}/u;
// Before a passive subject: the start of the sentence or of an entry, at most an opening word ("Additionally, ", "- ").
const SENTENCE_OPENING = /^(?:[\s*_#>•·-]|\d+[.)])*(?:(?:additionally|also|further(?:more)?|moreover|in\s+addition|finally),?\s+)?(?:the\s+)?$/i;
// The name doing the processing for the vendor: "Hostco stores the data on our behalf", "… provides hosting on our behalf".
const ON_OUR_BEHALF_AFTER = /^[^.;!?]{0,40}?\b(?:provides?|process(?:es)?|performs?|hosts?|stores?|handles?|operates?|manages?|sends?|delivers?|carries\s+out)\b[^.;!?]{0,120}?\bon\s+(?:our|the\s+company['’]s)\s+behalf\b/i;
// A purpose the convention excludes: the name is how the user signs in or pays it directly, a source not a recipient.
const SIGN_IN = /^[^.;]{0,100}?\b(?:sign(?:s|ing)?[\s-]?(?:in|on|up)|log(?:s|ging)?[\s-]?in|login|authenticate\s+you)\b/i;

/** Whether the sentence text `view` casts the name written at `at` as the vendor's own tool for a purpose (see above). */
export function vendorUsesName(view: string, at: number, name: string): boolean {
  if (at < 0 || view.slice(at, at + name.length) !== name) return false;
  // The clause before the name: a sentence rarely puts more than this between its subject and its object.
  const before = view.slice(Math.max(0, at - 200), at);
  const after = view.slice(at + name.length);
  if (LONGER_NAME.test(after)) return false;
  if (BEFORE_ACTIVE.test(before) && PURPOSE_AFTER.test(after) && !SIGN_IN.test(after)) return true;
  const opening = SENTENCE_OPENING.test(before);
  if (opening && PASSIVE_AFTER.test(after) && !SIGN_IN.test(after)) return true;
  return opening && ON_OUR_BEHALF_AFTER.test(after);
}

/** Every place in `view` that writes `name` as a whole word, for {@link vendorUsesName}. */
export function vendorUsesNameIn(view: string, name: string): boolean {
  for (const at of wholeWordOffsets(view, name)) if (vendorUsesName(view, at, name)) return true;
  return false;
}
