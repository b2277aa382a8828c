import type { Sentence } from '../text/sentences.js';
import type { Clause } from './clause.js';
import { verbal } from './clause.js';
import type { Hit } from './lexicon.js';
import { introChain } from './structure.js';
import { negatedBefore } from './negation.js';

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
 * Whether a list item continues a negated lead-in: "We do not:" then "- use it to train machine learning models" (the
 * items of a list split into sentences of their own; inside one sentence negatedBefore reads the lead-in itself). The
 * nearest lead-in, ending in a colon that its negation reaches ("We will never:", not "We do not sell your data, but
 * we may use it for:").
 */
export function leadNegated(sentences: Sentence[], s: Sentence): boolean {
  if (OWN_SUBJECT.test(s.view)) return false;
  const lead = introChain(sentences, s)[0];
  if (!lead || lead.isHeading) return false;
  const colon = lead.view.trimEnd().length - 1;
  return lead.view[colon] === ':' && negatedBefore(lead.view, colon, 160);
}
