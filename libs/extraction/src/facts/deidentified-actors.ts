import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { agentOf, inException, inHypothetical, negationOf, recipientsOf, subjectOf, verbal } from '../clauses/clause.js';

// Who acts on de-identified data in a clause, for deidentified_data_use: the vendor or the customer, another company, a
// delivery to the reader only, or a refusal by the vendor. Split from deidentified-data.extractor.ts to keep it one concern.
// "third-party apps", "third-party websites": other parties' products, not the vendor's providers.
const OTHER_PARTY_NOUN = /^(?:apps?|applications?|websites?|sites?|developers?|platforms?|services?|browsers?)$/;

/**
 * Whether the vendor's disclosure of the de-identified data goes to the reader alone ("provide you with reports that
 * contain anonymized insights"): the first disclosure verb before it, and everyone it reaches.
 */
export function toCustomerOnly(c: Clause, d: Hit): boolean {
  const act = c.hits.find((h) => h.cat === 'action' && h.kind === 'disclose' && h.t1 <= d.t0 && verbal(c, h));
  if (!act) return false;
  // Who it goes to: the verb's own object ("provide you with") or a "to"/"with" party before the data, not "about our users".
  // "you" the data cannot identify ("in a manner that is not identifiable to you"): named after the data, it receives nothing.
  const to = recipientsOf(c, act).filter((r) => r.t0 < d.t0 && (r.t0 === act.t1 || /^(?:to|with)$/.test(c.tokens[r.t0 - 1]?.lower ?? '')));
  // The reader ("you", or the contract's party by its defined name: "provide Customer with reports"), the party the data
  // is delivered to under the contract; not "customers" in general, who may be the vendor's other clients buying access to
  // data about its users ("provides customers access to aggregated member data").
  if (!(to.length > 0 && to.every((r) => r.kind === 'customer' && (c.tokens[r.t0].lower === 'you' || READER.test(c.view.slice(r.start, r.end)))))) return false;
  // Nothing else done with the data in the clause: "…, and we may use such anonymized insights to improve our products",
  // "which we may also use", "and share anonymized data with advertisers" are the vendor's own use beside the delivery.
  // A verb, after a modal, a subject or a conjunction ("we may use", "and share"), not a noun ("reports", "(“Reports”)").
  return !c.hits.some((h) => h.cat === 'action' && h !== act && h.kind !== 'deidentify' && h.t0 > act.t0 && VERB_BEFORE.has(c.tokens[h.t0 - 1]?.lower ?? ''));
}
const VERB_BEFORE = new Set(['and', 'or', 'also', 'may', 'will', 'can', 'might', 'shall', 'could', 'would', 'we', 'to', 'then']);
// The reader by its defined name, capitalised and singular ("Customer", "Publisher", "Client"; not "Customers").
const READER = /^(?![\w\s]*s$)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?$/;

/** "shall not de-identify", "will not use de-identified data", "no … aggregated data is sold" — by the vendor. */
export function refused(c: Clause, d: Hit): boolean {
  // "will not use Customer Content for any purpose other than to … use de-identified, aggregated information": the
  // de-identified data is the exception to the refusal, so the exception grants it.
  if (inException(c, d)) return false;
  // "information that cannot identify you": the hit's own "cannot" describes the data (a predicate, not an act on it),
  // so it refuses no act after it ("… cannot identify you to improve our products"); another negation still does
  // ("We will not share information that cannot identify you").
  const own = /^can\s?not\b/i.test(c.view.slice(d.start, d.end));
  for (const a of c.hits) {
    if (a.cat !== 'action' || a.t0 > d.t0 + 6) continue;
    // Another party refused ("third-party apps cannot request to use the Advertising Identifier") binds not the vendor.
    const who = subjectOf(c, a);
    if (who && (who.kind === 'customer' || (who.kind === 'provider' && OTHER_PARTY_NOUN.test(c.tokens[who.t1]?.lower ?? '')))) continue;
    // "cannot be used to identify or locate a person" says what the data is, it refuses no use of it.
    if (/^\s+to\s+(?:re-?)?(?:identify|locate|single out)\b/i.test(c.view.slice(a.end, a.end + 24))) continue;
    // "If neither deletion nor anonymization is possible, we will isolate your data": a negation inside a condition
    // refuses nothing (the clause layer's inHypothetical).
    const n = negationOf(c, a, 8);
    if (n && !(own && n.t0 >= d.t0 && n.t0 < d.t1) && !inException(c, a) && !inHypothetical(c, a)) return true;
  }
  return /\b(?:shall|will|may|must) not\b[^.;]{0,60}\b(?:use|disclose|sell|share|de-?identify|anonymi[sz]e|aggregate)\b[^.;]{0,40}\b(?:de-?identified|anonymi|aggregat)/i.test(c.view);
}

/**
 * Whether an actor is a company other than the vendor: a provider word marked as a third party's ("third-party
 * partners", "advertising partners"). A bare "Provider" or "Service Provider" is often the vendor's own defined
 * name in a contract, so the provider kind alone does not say it.
 */
export function otherCompany(c: Clause, who: Hit | undefined): boolean {
  if (!who || who.kind !== 'provider') return false;
  const words = c.tokens.slice(Math.max(0, who.t0 - 2), who.t1).map((t) => t.lower).join(' ');
  return /\bthird\b|\bpartners?\b|\badvertisers?\b|\bnetworks?\b/.test(words);
}

/**
 * The vendor (or an impersonal clause about the data) does it — not the customer. After an opening condition that holds
 * the data, the doer is the main clause's subject (doerAfterCondition); otherwise agentOf the first verb from the data,
 * which skips a person named inside an opening condition ("When information does not identify you …, we may use it").
 */
export function vendorSide(c: Clause, d: Hit): boolean {
  const action = c.hits.find((h) => h.cat === 'action' && h.t0 >= d.t0 - 8);
  const s = doerAfterCondition(c, d) ?? (action ? agentOf(c, action) : undefined);
  return !s || s.kind !== 'customer';
}

// Words that open a condition before the main clause ("If the data is de-identified, …", "Once de-identified, …").
const OPENING_CONDITION = new Set(['if', 'once', 'when', 'whenever', 'where', 'after', 'upon']);

/**
 * The main clause's subject when the de-identifying word sits in an opening condition ("If the data is de-identified,
 * the Customer may use it"): the actor right before the first modal after the condition's comma. The first verb after
 * the data is the condition's own doer-less participle, and agentOf of a later verb may take the actor of a relative
 * clause ("the information you provide may be used"), so only a subject standing next to its modal is read.
 */
function doerAfterCondition(c: Clause, d: Hit): Hit | undefined {
  if (!OPENING_CONDITION.has(c.tokens[0]?.lower ?? '')) return undefined;
  const comma = c.tokens.findIndex((t, i) => i >= d.t1 && t.lower === ',');
  if (comma < 0) return undefined;
  const modal = c.hits.find((h) => h.cat === 'modal' && h.t0 > comma);
  return modal && c.hits.find((x) => x.cat === 'actor' && x.t0 > comma && x.t1 === modal.t0);
}
