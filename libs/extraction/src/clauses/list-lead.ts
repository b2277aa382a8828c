import type { Sentence } from '../text/sentences.js';
import type { Clause } from './clause.js';
import { verbal } from './clause.js';
import type { Hit } from './lexicon.js';
import { introChain } from './structure.js';
import { negationBefore } from './negation.js';
import { LEAD_EXCEPTION } from './vocabulary.js';

/**
 * The action a list item without a verb of its own inherits from its lead-in: "We collect the following data: *
 * Aggregate website usage statistics (…)" names what is collected, and the item is read with "collect". The last
 * verbal action of the nearest lead-in that has one (nested lists: up to three levels), with its clause; undefined
 * when the item has a verb of its own (an action `own` accepts: a reader may leave out its own vocabulary, as "Aggregate"
 * opening an item names data, not an act) or no lead-in names an action.
 */
export function leadAction(sentences: Sentence[], s: Sentence, clausesOf: (s: Sentence) => Clause[], own: (h: Hit) => boolean = () => true): { clause: Clause; hit: Hit } | undefined {
  if (clausesOf(s).some((c) => c.hits.some((h) => h.cat === 'action' && own(h) && verbal(c, h)))) return undefined;
  for (const lead of introChain(sentences, s)) {
    if (lead.isHeading) return undefined;
    const found = clausesOf(lead).flatMap((clause) => clause.hits.filter((h) => h.cat === 'action' && verbal(clause, h)).map((hit) => ({ clause, hit })));
    if (found.length > 0) return found[found.length - 1];
  }
  return undefined;
}

// An item that opens with a subject of its own ("- we use it to …") is a sentence, not the lead-in's continuation.
const OWN_SUBJECT = /^\W*(?:we|you|they|i)\b/i;

/**
 * What a list item takes from its lead-in besides the action (leadAction): whether the lead-in is negated up to its
 * colon ("We do not:", "We will never:"; not "We do not sell your data, but we may use it for:"), so the item is
 * refused, or ends in an exception ("We will not disclose your information except:", "… other than in the following
 * cases:"), so the item is one of the refusal's exceptions: an act that may happen. The nearest lead-in, read once for
 * every fact (items of a list split into sentences of their own; inside one sentence negatedBefore reads the lead-in).
 */
export interface LeadIn {
  lead: Sentence;
  negated: boolean;
  excepted: boolean;
  /** Whether the lead-in's refusal binds the user ("it is forbidden for our Users to post any content:", "You may not:"):
   *  its items are the user's, not the vendor's, refusals. */
  bindsUser: boolean;
}
// The user as the one a lead-in's negation binds: "forbidden for our Users to", "prohibited by you", "You may not:".
const USER_BOUND = /\b(?:for|by)\s+(?:our\s+|the\s+|any\s+)?(?:users?|you|members?|customers?|subscribers?|visitors?)\b|\b(?:you|users?|members?|customers?|subscribers?|visitors?)\s+(?:(?:may|must|shall|will|can|should|agrees?\s+to|are|is)\s+)?(?:not|never)\b|\b(?:you|users?)\s+(?:agree|undertake)\s+not\b/i;

export function leadIn(sentences: Sentence[], s: Sentence): LeadIn | undefined {
  if (OWN_SUBJECT.test(s.view)) return undefined;
  const lead = introChain(sentences, s)[0];
  if (!lead || lead.isHeading) return undefined;
  const body = lead.view.trimEnd();
  const colon = body.length - 1;
  if (body[colon] !== ':') return undefined;
  const at = negationBefore(lead.view, colon, 160);
  // The vendor as the negation's own subject binds the vendor, whoever else the lead-in names: "For customers on the
  // Basic plan, we do not:", "For our customers, we promise that we will never:".
  const vendorBound = at >= 0 && VENDOR_BEFORE.test(body.slice(0, at));
  return { lead, negated: at >= 0, excepted: LEAD_EXCEPTION.test(body.slice(0, colon)), bindsUser: !vendorBound && USER_BOUND.test(body.slice(0, colon)) };
}
const VENDOR_BEFORE = /\bwe\s+(?:(?:will|shall|do|does|did|can|could|would|may|also|currently|have|has)\s+){0,2}$/i;

/** Whether a list item continues a negated lead-in ({@link leadIn}). */
export function leadNegated(sentences: Sentence[], s: Sentence): boolean {
  return leadIn(sentences, s)?.negated === true;
}

/** Whether a list item is one of the exceptions its lead-in names ({@link leadIn}). */
export function leadExcepted(sentences: Sentence[], s: Sentence): boolean {
  return leadIn(sentences, s)?.excepted === true;
}
