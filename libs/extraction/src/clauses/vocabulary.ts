/**
 * The vocabulary of the clause layer, as data: who acts, what they do, to what, under which instrument or
 * condition, and how firmly. Every fact reader sees documents only through these words (plus the document's
 * own definitions), so a wording missed on a new document is fixed here, once, for every fact.
 *
 * Entries are lower-case phrases of one to five words. Verbs are listed by their base form and inflected
 * automatically (discloses, disclosed, disclosing; irregular forms in inflection.ts); nouns under `plural` get their
 * plural. Review changes here like data: each addition should name the document wording it stands for.
 */

import { ACTIONS, OBJECTS } from './vocabulary-acts.js';
import { ACTORS } from './vocabulary-actors.js';
import { FRENCH } from './vocabulary-fr.js';
import { INSTRUMENTS } from './vocabulary-instruments.js';
import { LAW_DUTY } from './vocabulary-law.js';
import { QUALIFIERS } from './vocabulary-qualifiers.js';

/** What a phrase is, and which kind of it. */
export type Category =
  | 'actor' // a party that acts or receives: the vendor, its providers, the customer, an authority …
  | 'action' // what is done to data
  | 'object' // what it is done to
  | 'instrument' // the legal instrument a disclosure answers to
  | 'condition' // when it happens: consent, opt-out, instructions, the end of the contract …
  | 'modal' // how firmly: may, will, may attempt
  | 'negation'
  | 'restriction' // only, solely …
  | 'exception' // except, unless …
  | 'purpose' // for whose benefit: the vendor's own purposes, the services, advertising …
  | 'place'; // where data may go

export interface Entries {
  /** Verb lemmas: inflected (-s, -ed, -ing and the irregular forms). */
  verbs?: string[];
  /** Nouns: the plural is added. */
  plural?: string[];
  /** Taken as written. */
  exact?: string[];
  /**
   * Verb phrases whose particle may stand after the object, written "verb … particle": "make … available" also
   * reads "make your personal data available", "hand … over" reads "hand the records over". The verb is inflected.
   */
  separable?: string[];
}

// Each category's words live in a file named for what they describe; the categories keep this order.
export const VOCABULARY: Record<Category, Record<string, Entries>> = { actor: ACTORS, action: ACTIONS, object: OBJECTS, instrument: INSTRUMENTS, ...QUALIFIERS };
// The French words (vocabulary-fr.ts) and the law's duty in more words (vocabulary-law.ts), under the same kinds.
for (const [cat, kinds] of [...Object.entries(FRENCH), ...Object.entries(LAW_DUTY)]) {
  for (const [kind, words] of Object.entries(kinds)) {
    const entry = VOCABULARY[cat as Category][kind];
    if (!entry) throw new Error(`vocabulary-fr/-law: no ${cat}.${kind} in the vocabulary`);
    entry.exact = [...(entry.exact ?? []), ...words];
  }
}

// The rest of the clause layer's word lists, each in its own file, read from here by the readers.
export { inflect, verbForms } from './inflection.js';
export { LEAD_EXCEPTION, NEGATION_SCOPE } from './vocabulary-negation.js';
export { ACCOUNT_DATA, NOT_IN_CONTEXT } from './vocabulary-senses.js';
export { NOT_RECIPIENT, PROVIDER_NOUN, RELATION_VERB } from './vocabulary-providers.js';
export {
  ADDRESS_WORD,
  INDUSTRY_OPT_OUT_BODY,
  NON_SOCIAL_PLUGIN_PURPOSE,
  NOT_AN_ORGANISATION,
  PAYMENT_MEANS,
  PLATFORM_AS_RECIPIENT,
  PLATFORM_BRANDS,
  POLICY_WORDS,
  SELF_HOSTED_SOFTWARE,
  SOCIAL_NETWORK,
} from './vocabulary-names.js';
