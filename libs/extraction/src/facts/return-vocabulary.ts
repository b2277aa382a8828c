import { BOUNDED_AFTER_END, BOUNDED_THEREAFTER } from './kept-after-end.js';
import { CLAIMS_AND_EVIDENCE, DUTY_PURPOSES, REQUIRED_BY_LAW } from './retention-duty.js';
import { ACCOUNT_DATA } from '../clauses/vocabulary.js';

// The vocabulary of return_or_destroy_on_termination, as data: what makes a sentence a candidate, a request rather than the
// end, moderation or a sanction rather than the contract's end, and keeping that has no end.

// French: supprimé(e)s, effacé(e)s, détruit(e)s, conservé(e)s.
export const PREFILTER = /\b(?:return|destroy|delet|purge|erase|dispos|retain|keep|kept|hold|held|stor|maintain|remov|supprim|effac|détrui|conserv)/i;
export const ON_REQUEST = /\b(?:upon|on|following|after|(?:once|when|after|if) we (?:receive|confirm|get)|if you|when you|where you)\b[^.;]{0,60}\brequests?\b|\brequests? (?:the )?(?:deletion|erasure)\b|\bright to (?:erasure|deletion|be forgotten)\b/i;
// The account ended, in the passive, present, past or future ("your account is closed", "if your account will be closed",
// "accounts are deleted"): not "may be closed", the vendor's option (a sanction, SANCTION).
export const ACCOUNT_ENDED = String.raw`(?:is|are|has been|have been|was|were|will be|shall be|gets|got)\s+(?:deleted|closed|terminated|cancell?ed|deactivated)`;
// The end of the contract or the account itself (not "delete your account" as a feature); "If this Agreement
// terminates, then: … (b) … Google will delete Customer Data; … (d) upon request …" is the end, not a request.
// Asking for the account itself to be deleted ends the account ("If you request account deletion", "after you request your
// Account to be deleted", "once we receive your request to delete your account"); asking to erase data is a right
// exercised during it.
export const END_STRICT = new RegExp(String.raw`\b(?:(?:request\w*|upon|after|following|on)\s+(?:(?:the|your|their)\s+)?account (?:deletion|closure)|request\w* (?:(?:your|the|their) )?account (?:to )?be (?:deleted|closed)|request\w* to (?:delete|close|deactivate|cancel|terminate) (?:your|the|their) account|termination|expiration|expiry|end of (?:the|this|your) (?:agreement|contract|subscription|services?|relationship)|cancellation|(?:account|subscription) ${ACCOUNT_ENDED}|close (?:your|their|the) account|closes (?:your|their|the) account|deactivat\w+|(?:agreement|contract|subscription) (?:terminates|expires|ends))\b`, 'i');
export const CHILD = /\b(?:child|children|minor|minors|under (?:the age of )?1[3-8]|under the age)\b/i;
// Keeping with no end the vendor commits to: indefinitely, "also after the Agreement is terminated", "for as long as
// we deem it valuable", "for our own business purposes", or the discretion to keep or delete.
export const OPEN_ENDED = /\bindefinitely\b|\bperpetual(?:ly)?\b|\b(?:also|even|still)\s+after\b|\bfor (?:as long as|so long as|however long)\s+(?:we|it|the company|the vendor|company|vendor)\s+(?:consider|deem|find|believe|judge|see fit|decide|wish|want|determine)s?\b|\bfor (?:our|its) (?:own )?(?:business|commercial) (?:purposes|needs|use)\b|\b(?:discretion|is entitled to|are entitled to)\b/i;

// Deleting content that breaks the rules is moderation during the contract, not deletion at its end.
export const MODERATION = /\bviolat\w*|\bmalicious\b|\binfring\w*|\bobjectionable\b|\bharmful\b|\babus\w+|\billegal\b|\binappropriate\b|\bunlawful\b/i;
// The vendor ending the account as a sanction ("We may terminate your account … and we may delete any comments",
// "we are entitled to block and delete the account"): its discretion over a closed account, not the contract's end.
export const SANCTION = /\b(?:we|us)\b[^.;]{0,30}?\b(?:may|can|reserves? the right to|(?:is|are) entitled to)(?:,?\s*(?:in|at) (?:its|our|their) (?:sole |absolute |own )*discretion,?)?\s+(?:\w+\s+){0,3}?(?:terminate|suspend|block|close|disable|deactivate)\b|(?<!\byou\s{1,3})\b(?:may|can|reserves? the right to)(?:,?\s*(?:in|at) (?:its|our|their) (?:sole |absolute |own )*discretion,?)?\s+(?:\w+\s+){0,2}?(?:terminate|suspend|block|close|disable|deactivate)\s+(?:your|the user's|a user's|any user's)\b|\bresults? in (?:the )?(?:deletion|termination|suspension) of (?:your|the) account\b|\breserves? the right to\s+(?:\w+\s+){0,2}?(?:terminate|suspend|block|close|disable|deactivate)\b/i;
// The account with the vendor, not another one the text names ("until your bank account is closed", "your email account").
const ACCOUNT = String.raw`(?:your|the)\s+(?:(?!(?:bank|banking|e-?mail|mail|social|linked|connected|third-party|external|payment|credit|savings|checking|brokerage)\b)[\w-]+\s+)?account`;
// The account's end: "you delete your account", "deletion of your account", "your account is deleted".
const ACCOUNT_END = String.raw`(?:you\s+(?:delete|close|cancel|deactivate|terminate)\s+${ACCOUNT}(?!\s+${ACCOUNT_DATA}\b)|(?:the\s+)?(?:deletion|closure|closing|termination|cancellation)\s+of\s+${ACCOUNT}|${ACCOUNT}\s+${ACCOUNT_ENDED})\b`;
// Keeping up to the account's end: "until you delete your account", "until your account is deleted" (then no longer:
// README, delayed deletion).
export const UNTIL_ACCOUNT_END = new RegExp(String.raw`\buntil\s+${ACCOUNT_END}`, 'i');
// Keeping that goes on after the account's end, said after "until you delete your account".
const KEPT_BEYOND = /\b(?:afterwards?|thereafter|after that|even after|for longer|longer periods?|beyond (?:that|this|then)|some (?:data|information|of (?:it|your))|other (?:data|information)|as (?:needed|necessary|required) for our)\b/i;
// Another end, open, as the alternative to the account's: "until you delete your account or as long as necessary", "… or
// as needed to provide our services", "or until we no longer need it", "unless we need it for our business purposes".
const OPEN_ALTERNATIVE = /\b(?:or|unless)\s+(?:for\s+)?(?:(?:as long as\s+|so long as\s+|as\s+|where\s+|when\s+|if\s+)?(?:(?:is|it is|we|may be|reasonably|otherwise|strictly|deem|consider|still)\s+){0,3}(?:needed|necessary|required|permitted|appropriate|need)\b|until\s+(?:we|it is|they are)\s+no longer\s+(?:need|needed|necessary|required|useful)\b|(?:as|so)\s+long\s+as\s+we\s+(?:have|need|retain)\b|we\s+have\s+(?:an?\s+)?(?:\w+\s+){0,2}(?:need|interest|reason|purpose|basis)\b)/gi;
// The law's alternative is no open end ("or as required by law", "or as long as necessary to comply with our legal
// obligations"): keeping the law bounds is not open-ended. Only the alternative's own words count, up to the next one
// ("or as needed to provide our services and to comply with law" stays open).
export const openAlternative = (tail: string): boolean =>
  [...tail.matchAll(OPEN_ALTERNATIVE)].some((m) => !LEGAL_RETENTION.test(m[0] + tail.slice(m.index + m[0].length).split(/[.;,]|\b(?:and|or)\b/)[0]));
// A stated period after the account's end is delayed deletion, not keeping beyond it ("and for up to 30 days thereafter").
const PERIOD_THEREAFTER = /\bfor\s+(?:up to\s+|a maximum of\s+|no more than\s+|at most\s+)?(?:\d+|[a-z]+)\s+(?:\(\d+\)\s+)?(?:days?|weeks?|months?|years?)\s+(?:thereafter|afterwards?|after that)\b/i;
export const boundedAfter = (tail: string): string => tail.replace(BOUNDED_THEREAFTER, ' ').replace(PERIOD_THEREAFTER, ' ');
// "until you delete your account … or as long as necessary for our compliance purposes, whichever is longer": the later
// of two ends decides, and when the other end is open-ended the account's end is no deletion. Against a bounded period
// ("or for 30 days after you close it, whichever is later") the keeping still ends, so that stays a deletion.
const LATER_OF = /\bwhichever (?:is|comes) (?:the )?(?:longer|later|greater)\b/i;
const OPEN_OTHER_END = new RegExp(String.raw`\bas long as (?:(?:is|it is|may be|we consider|we deem) )?(?:reasonably |strictly )?(?:necessary|needed|required)\b|\bfor (?:our |its |the )?(?:legitimate )?(?:${DUTY_PURPOSES}|business)(?:,? (?:and |or )?(?:${DUTY_PURPOSES}|business))* (?:purposes|needs|reasons)\b`, 'i');
export const keptBeyond = (tail: string) => KEPT_BEYOND.test(tail) || (LATER_OF.test(tail) && OPEN_OTHER_END.test(tail));
// Keeping that goes on with no end after a stated period, unless the tail deletes ("… and thereafter deleted").
const keptOnAfter = (tail: string) => ((OPEN_ENDED.test(tail) && !LEGAL_RETENTION.test(tail)) || keptBeyond(tail)) && !/\b(?:delet|destr|eras|purg|anonymi)/i.test(tail);
// A bounded period "thereafter" ("and a reasonable period thereafter") is the period itself, not keeping beyond it;
// so is one named with its end ("a reasonable period following account deletion"), whose end is no deletion.
export const keptOn = (tail: string) => keptOnAfter(tail.replace(BOUNDED_THEREAFTER, ' ').replace(BOUNDED_AFTER_END, ' '));
// A retention the law or a legal obligation requires is bounded by it, not open-ended ("we may retain certain
// information as required by law").
export const LEGAL_RETENTION = new RegExp(String.raw`${REQUIRED_BY_LAW}|\bpermitted (?:by|under) (?:applicable )?laws?\b|\blegal (?:obligations?|requirements?)\b|\bcomply with\b`, 'i');
// A newsletter or mailing list ends by unsubscribing: not the end of the contract or account (OTA labels: Ethereum, noyb).
export const NEWSLETTER = /\bnewsletters?\b|\bmailing lists?\b|\bunsubscrib\w*/i;
// A deletion noun that still names what the vendor does at the end: "results in the deletion of", "marked for deletion".
export const NOMINAL_DELETE = /^(?:deletion|destruction|erasure)$/;
export const NOMINAL_ACT = /\bresult(?:s|ed)? in (?:the )?(?:permanent |automatic |irreversible )?$/i;

// A refused deletion whose exception or limit is the account's end ("we cannot delete them except by also deleting your
// account", "… unless you close your account", "will not be deleted until your account is closed"): when deletion
// happens, not a refusal. Other exceptions ("except when required by law", "unless you ask us to") leave the refusal.
export const AT_ACCOUNT_END_ONLY = new RegExp(String.raw`^[^.;]{0,60}?\b(?:(?:except|other than)\s+(?:by|through)\s+(?:also\s+)?(?:deleting|closing|cancell?ing|terminating|deactivating)\s+${ACCOUNT}\b|(?:(?:except|other than)\s+(?:when|if|upon)|unless|until)\s+${ACCOUNT_END})`, 'i');

// A list's lead-in that ends on an option the vendor keeps ("Acme may (at its sole discretion):", "we reserve the right
// to:"): its items are what it may do, a sanction's or a discretion's acts, not duties at the end.
export const LEAD_OPTION = /\b(?:may|can|reserves? the right to|(?:is|are) entitled to|ha(?:s|ve) the right to)(?:\s*\([^)]{0,60}\)|,[^,:;]{0,60},)?\s*:\s*$/i;

// A refusal whose object is the customer's software, not its data ("no other obligation to delete copies of, references
// to, or links to your Application"): what the vendor declines to purge is its listing of the product, no record kept.
export const SOFTWARE_OBJECT = /^[^.;()]{0,80}?\b(?:your|the customer's|customer's|developer's)\s+(?:applications?|apps?|software|integrations?|plug-?ins?|extensions?)\b(?![^.;()]{0,30}\b(?:data|content|information|records?|files)\b)/i;
const SOFTWARE_SPAN_HAS_DATA = /\b(?:data|content|information|records?|files)\b/i;
/** Whether the object after a deletion at `end` is the customer's software and names no data on the way there. */
export function softwareObject(view: string, end: number): boolean {
  const m = SOFTWARE_OBJECT.exec(view.slice(end));
  return m !== null && !SOFTWARE_SPAN_HAS_DATA.test(m[0]);
}

// A right to delete is a discretion: "has the perpetual and irrevocable right to delete", "reserves the right to delete".
// "Reserves the right at any time to delete", "the right, in its sole discretion, to delete": the same right.
export const RIGHT_TO = /\bright,?\s+(?:(?:at any time|in (?:its|our|their) (?:sole |absolute )*discretion|without (?:prior )?notice),?\s+)?to\s+(?:\w+\s+){0,2}?$/i;
// An act the vendor says it may not manage: "we do not guarantee that we will be able to return …".
export const NO_PROMISE = /\b(?:do|does|can|cannot|can't|will) not\s+(?:\w+\s+)?(?:guarantee|promise|warrant|ensure)\b[^.;]*$/i;


// Deletion the data subject asks for ("To request deletion of such data", "such deletion request must be made
// separately", "ask us to delete"), and a refusal of it only as the account's automatic consequence ("will not
// automatically delete"): together, deletion on request rather than at the account's end.
export const ERASURE_REQUEST = /\brequest(?:s|ing)?\s+(?:the\s+)?(?:deletion|erasure)\b|\b(?:deletion|erasure)\s+requests?\b|\bask\s+us\s+to\s+(?:delete|erase)\b/i;
export const NOT_AUTOMATIC = /\bautomatically\s+$/i;

// A condition that the deletion happen only when another rule requires it: "if required by the applicable policy", "where
// and when required by law", "to the extent required by", "if the law requires it" (return-acts.ts `onlyIfRequired`).
const REQUIREMENT_CONDITION = String.raw`\b(?:if|where|when|whenever|to the extent(?: that)?|insofar as)(?:\s+(?:and|or)\s+(?:if|where|when))?\s+(?:(?:(?:so|it is|we are|this is)\s+)?(?:required|mandated|obliged|obligated)\b|(?:the\s+|applicable\s+)*(?:laws?|regulations?)\s+(?:so\s+)?requires?\b)`;
/**
 * The condition opening the deletion's sentence or comma-part, the deletion after its subject and modal ("we will, if
 * required by …, delete"), or after a short passive subject (", if required by these Terms, all Content must be deleted").
 */
export const CONDITION_BEFORE = new RegExp(String.raw`(?:^|[,(]\s*)${REQUIREMENT_CONDITION}[^,;.()]{0,80}[,)]\s*(?:[\w-]+\s+){0,3}?(?:(?:will|shall|must|would|may|can)\s+)?(?:be\s+)?(?:\w+ly\s+)?$`, 'i');
/** The condition after the deletion in its part of the sentence ("delete your data where required by law"). */
export const CONDITION_AFTER = new RegExp(REQUIREMENT_CONDITION, 'i');
// Between the deletion and a condition after it: an exception ("except where required by law to keep them"), another act
// the condition governs ("and keep the invoices where required"), or a coordinated clause it opens ("and, where required, notify").
export const CONDITION_ELSEWHERE = /\b(?:unless|except|excepting|save|other than|but|retain\w*|keep\w*|kept|stor(?:e|es|ing)|hold|held|preserv\w*)\b|\b(?:and|or|then)\s*,?\s*$/i;

// Keeping that lasts past the end, or that holds what the customer removed: "after termination", "beyond your cessation
// of use", "after you stop using", "copies of your videos that have been removed or deleted", "Content removed from the
// Services", "continue to exist".
export const KEPT_PAST_END = /\b(?:after|following|beyond|past)\s+(?:the\s+|any\s+|your\s+|its\s+|such\s+)?(?:termination|expiration|expiry|cancellation|cessation|end|closure|deletion|deactivation)\b|\b(?:after|once)\s+(?:you|the customer|customer)\s+(?:stop|stops|cease|ceases|close|closes|delete|deletes|terminate|terminates)\b|\b(?:that|which)\s+(?:have|has|had)\s+been\s+(?:removed|deleted)\b|\b(?:removed|deleted)\s+from\s+(?:the|our|its|your)\b|\bpersist\w*\s+beyond\b|\bcontinue\s+to\s+(?:exist|be\s+(?:stored|retained|kept))\b/i;
// A reason that bounds the keeping, which a careful reader does not take for keeping with no end: a duty's purposes,
// claims and evidence, the law in other words ("where we are legally required to"), a need that ends ("as long as
// necessary to provide the services", "as needed for our legitimate interests"), backups and archives kept until
// overwritten, anonymised or aggregated data, a stated period, or the keeping left to another document ("as described
// in our retention policy", "in accordance with our Data Retention Policy"), which says how long.
export const KEPT_FOR_A_REASON = new RegExp(String.raw`${CLAIMS_AND_EVIDENCE}|\b(?:${DUTY_PURPOSES})\s+(?:purposes|reasons|obligations|requirements)\b|\b(?:prevent|investigat|resolv|enforc)\w*\b|\blegally\s+(?:required|obliged|obligated|bound)\b|\bas\s+(?:long\s+as\s+)?(?:is\s+|it\s+is\s+|reasonably\s+|strictly\s+)?(?:necessary|needed|required)\b|\bback-?ups?\b|\barchiv\w*|\boverwritten\b|\banonymi[sz]\w*|\baggregat\w*|\bde-?identif\w*|\b(?:limited|reasonable|short|certain|specified)\s+(?:period|time)\b|\bperiod of time\b|\b(?:as (?:described|set out|set forth|explained|detailed|stated) in|in accordance with|according to|pursuant to|under)\s+(?:our|the|its|this|applicable)\s+(?:[\w-]+\s+){0,2}?(?:polic(?:y|ies)|notice|schedule|section|terms|agreement)\b`, 'i');
// Keeping and deleting together left to another document: "will be maintained and deleted in accordance with our
// Privacy Policy", "is stored and deleted as described in our retention policy".
export const DEFERRED_LIFECYCLE = /\b(?:maintained|retained|kept|stored|processed|held)\s+and\s+(?:deleted|destroyed|removed|erased)\s+(?:in accordance with|according to|as (?:described|set out|set forth|explained) in|pursuant to|under)\b/i;
// An act set aside ("rather than delete", "instead of deleting") or conceded ("Notwithstanding such return or
// destruction", "regardless of any deletion"), just before the deletion.
export const SET_ASIDE = /\b(?:rather than|instead of|notwithstanding(?:\s+(?:such|any|the|that|this))?|regardless of(?:\s+(?:such|any|the|that|this))?)\s+(?:[\w-]+\s+)?$/i;

// A request referred back to ("Upon receiving such a request, Acme will delete such information") whose sentence before
// asks for the account itself to go ("If you want to delete your Acme account and your personal information, you can
// do so by using the Delete Account function"): the account's end, as END_STRICT reads it in one sentence.
// Only a request the sentence itself does not make ("You may also ask us to delete specific records; upon such a request
// …" refers to its own), and only a wish or request in the sentence before, not a statement ("You may close your account
// at any time", "The customer cannot delete the account").
export const REQUEST_REFERRED = /^(?:(?!\b(?:ask|asks|request|requests|requesting|asking)\b)[^])*?\b(?:such (?:a )?|this |that )requests?\b/i;
export const ACCOUNT_END_WISH = /\b(?:want|wish|would like|like|choose|decide|ask(?:s|ing)? us|request(?:s|ing)?)\s+to\s+(?:delete|close|deactivate|cancel|terminate)\s+(?:your|the|their)\s+(?:[\w-]+\s+)?account\b/i;
// A sentence that states the consequence of the one before ("We store your personal information for as long as needed …
// This means we might retain your personal information even after you close your account"): its reason is the one before.
export const CONSEQUENCE = /^\W*(?:(?:this|that) (?:means|is why)\b|(?:as a result|therefore|consequently|accordingly|for (?:this|that) reason|thus|hence)\b)/i;
