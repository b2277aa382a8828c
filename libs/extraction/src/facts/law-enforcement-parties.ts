import type { Clause } from '../clauses/clause.js';
import { has, negated, passive, subjectOf } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';

/** The law-enforcement reader's parties: who discloses (the vendor, the customer, another company), and what. */

// The user as the agent of a participle ("Personal data provided by the user"): the data described, not disclosed.
export const USER_AGENT = /^\s+by\s+(?:the\s+)?(?:users?|you|customers?|members?|subscribers?)\b/i;
// The authority is the agent ("disclosure of the Software by the U.S. Government"), not the recipient; "required
// by", "ordered by", "requested by" an authority is a ground and stays.
// The participles naming who demands or orders (a ground), shared with `agentSide`.
const DEMANDING = String.raw`required|requested|ordered|compelled|demanded|issued|mandated|authori[sz]ed|directed|served|signed|approved`;
export const AGENT_BY = new RegExp(String.raw`\b(?<!\b(?:${DEMANDING}) )by\s+(?:the\s+|a\s+|an\s+|any\s+)?$`, 'i');
// The prepositions that open the phrase a party stands in: only an agent's "by" puts it on the supplying side.
const PREPOSITION = /^(?:to|with|by|at|of|from|upon|on|in|for|through|via|under)$/;
// A participle naming who demands or orders (a ground): "requested by the police" keeps the police as the demanding side.
const DEMAND_PARTICIPLE = new RegExp(`^(?:${DEMANDING})$`);

/**
 * Whether the party at `a` is the agent of the disclosure word at `h` used as a participle on the data ("traffic data
 * provided by Acme and its licensors, which include Local Highway Authorities"): the data's source, which receives
 * nothing. The party's own phrase must open with that "by". A passive verb ("may be provided by the Administration only
 * at the request of competent authorities", "can only be disclosed through a request by a court") is the disclosure
 * itself and is left to the other readings.
 */
export function agentSide(c: Clause, h: Hit, a: Hit): boolean {
  if (a.t0 < h.t1 || passive(c, h) || !/(?:ed|en)$/.test(c.tokens[h.t1 - 1].lower)) return false;
  for (let i = a.t0 - 1; i >= h.t1; i--) {
    const t = c.tokens[i].lower;
    if (!PREPOSITION.test(t)) continue;
    return t === 'by' && i === h.t1 && !DEMAND_PARTICIPLE.test(c.tokens[h.t0].lower);
  }
  return false;
}

// A capitalised name as the clause's subject before the action: "USPS does not disclose …" (another company acts).
const NAMED_SUBJECT = /^\s*(?:[-*•]\s+)?((?:[\p{Lu}][\p{L}\p{N}&.'-]*\s+){1,4})(?:(?:does|do|did|will|shall|may|can|must|might|would|should|also|only)\s+)*(?:not\s+|never\s+)?$/u;

/** Whether the disclosure names data as its object: in its clause, the clause of the ground, the sentence or the list intro. */
export function aboutData(ctx: FactContext, s: Sentence, c: Clause, dc: Clause, intro: Clause[]): boolean {
  return has(c, 'object') || has(dc, 'object') || ctx.clauses(s).some((x) => has(x, 'object')) || intro.some((x) => has(x, 'object')) || IDENTITY.test(dc.view);
}

// Who the person is, as what is disclosed ("co-operate with those authorities by disclosing your identity to them"): the
// identity is personal data, though the vocabulary holds no object word for it.
// The user's own identity, not anyone's ("the identity of the fraudster to the victim").
const IDENTITY_WORDS = String.raw`(?:(?:your|their|his or her|the user's|users'|the person's)\s+identit(?:y|ies)|the identit(?:y|ies) of (?:the |any )?(?:users?|account holders?|members?|customers?))\b`;
const IDENTITY = new RegExp(String.raw`\b${IDENTITY_WORDS}`, 'i');
const IDENTITY_AFTER = new RegExp(String.raw`^\s+${IDENTITY_WORDS}`, 'i');
/** Whether a text opens with the person's identity as the object of the verb before it ("… disclosing| your identity to them"). */
// Given to someone named after it, that one must be the authorities ("… your identity to the victim" is no disclosure to them).
const TO_OTHER = /^\s+to\s+(?!them\b|(?:(?:the|those|these|such|relevant|competent|appropriate)\s+)*(?:authorit|police|law enforcement|courts?\b|regulat|prosecut|government))/i;
export const identityAt = (after: string): boolean => {
  const m = IDENTITY_AFTER.exec(after);
  return m !== null && !TO_OTHER.test(after.slice(m[0].length));
};

const USERS_ACT = /\byour\s+(?:[a-z]+,?\s+(?:or|and|and\/or)\s+)?$/i;
const ACT_NOUN = /^[a-z]+(?:ure|ures|sion|sions|ing|al|als)\b|^[a-z]+\s+of\b/i;

/** Whether the vendor discloses (or the clause is impersonal), not the customer. */
export function vendorActs(c: Clause, h: Hit | undefined, othersKnown: () => boolean): boolean {
  if (!h) {
    const first = c.hits.find((x) => x.cat === 'actor');
    return !first || first.kind !== 'customer' || c.tokens[first.t0].lower === 'your';
  }
  // "your use or disclosure of member data": the possessive before the act (or before the acts it coordinates) names
  // whose act it is.
  // Only when the act is a noun ("disclosure", "sharing", or followed by "of"): "we may retain your information or disclose
  // it" is the vendor's verb after the user's data.
  if (USERS_ACT.test(c.view.slice(Math.max(0, h.start - 40), h.start)) && ACT_NOUN.test(c.view.slice(h.start))) return false;
  const s = subjectOf(c, h);
  if (!s) return !(namedOther(c, h) && othersKnown()) && !otherAgent(c, h);
  // Providers barred from disclosing except to comply with the law ("Service Providers are not authorized to use or
  // disclose your information except …") is a limit on them, not the vendor's posture towards authorities.
  if (s.kind === 'provider' && negated(c, h)) return false;
  if (s.kind === 'vendor' || s.kind === 'provider' || s.kind === 'affiliate') return true;
  return s.kind !== 'customer' && passive(c, h);
}

// What may stand between "by" and a user agent: determiners and capitalised names ("by DeviantArt users").
const AGENT_QUALIFIERS = /^\s+by\s+(?:(?:the|its|our|other|registered|[\p{Lu}][\p{L}\p{N}'-]*)\s+){0,2}$/u;

/** An act in the passive whose agent is not the vendor: "the proof given by the report's author". */
function otherAgent(c: Clause, h: Hit): boolean {
  // A participle with its agent, with or without "is" ("the proof given by …", "information is provided by …").
  if (!/(?:ed|en|wn|ld|nt|pt|de)$/i.test(c.tokens[h.t1 - 1].lower) || !/^\s+by\s/i.test(c.view.slice(h.end, h.end + 4))) return false;
  // "the content made available by DeviantArt users": the users are the agent, whatever name qualifies them.
  // Only a name or determiner between "by" and them: "disclosed by us to you" has the vendor as agent, the user receives.
  if (c.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 > h.t1 && x.t0 - h.t1 <= 3 && AGENT_QUALIFIERS.test(c.view.slice(h.end, x.start)))) return true;
  // "required to be provided by administrative, judicial, or other government authorities": an authority's demand.
  return !c.hits.some((x) => x.cat === 'actor' && x.t0 > h.t1 && x.t0 - h.t1 <= 7 && (x.kind === 'vendor' || x.kind === 'authority'));
}

/** The clauses of the sentence just before `s` in its paragraph (none across a heading or paragraph). */
export function previousClauses(ctx: FactContext, s: Sentence): Clause[] {
  const p = ctx.sentences[s.index - 1];
  return p && p.paragraph === s.paragraph && !p.isHeading ? ctx.clauses(p) : [];
}

/** Whether the document speaks as "we": at least ten "we" in its first 100,000 characters. */
export function firstPerson(text: string): boolean {
  let n = 0;
  for (const _ of text.slice(0, 100_000).matchAll(/\b[Ww]e\b/g)) if (++n >= 10) return true;
  return false;
}

/** Whether a capitalised name that is no vocabulary word is the subject of the action ("USPS does not disclose …"). */
function namedOther(c: Clause, h: Hit): boolean {
  if (passive(c, h)) return false;
  const m = NAMED_SUBJECT.exec(c.view.slice(0, h.start));
  if (!m) return false;
  const end = m.index + m[0].indexOf(m[1]) + m[1].trimEnd().length;
  // Words of the vocabulary ("Personal Data", "Law enforcement") are not another company's name.
  return !c.hits.some((x) => x.start < end && x.cat !== 'negation' && x.cat !== 'modal');
}
