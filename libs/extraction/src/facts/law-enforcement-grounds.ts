import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { hitsOf, inException, negated } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import type { Candidate } from './fact-context.js';
import { negationBefore } from '../clauses/negation.js';

/** The law-enforcement reader's grounds: which legal instruments a clause names as grounds, and when they are judicial only. */

type V = Fact<'law_enforcement_disclosure'>['value'];

// A non-judicial instrument named as a ground for disclosure: a plain subpoena (not judge-signed), other legal
// process, a government or law-enforcement request, "as required by law".
const JUDGE_SIGNED = /\b(?:judicial|judge-signed|court-issued|court-ordered)\s+subpoenas?\b|\bsubpoenas?\s+(?:signed|issued|approved)\s+by\s+(?:a |the )?(?:judge|court|magistrate)/i;
// An instrument set aside by a word that is no negation ("other than a subpoena", "rather than a court order",
// "insufficient"); a negated one ("has not provided the required subpoena") is the shared negation reader's.
const SET_ASIDE = /\b(?:other than|rather than|instead of|insufficient|excluding)\b[^.;,]{0,30}$/i;
// An instrument broken or conflicted with ("a violation of any law, regulation, or court order") is the object of a
// breach, not a ground on which anything is disclosed.
const VIOLATED = /\b(?:violat\w*|breach\w*|conflicts?|conflicting|contraven\w*|infring\w*)\s+(?:of|with)\s+(?:(?!\b(?:as|by|under|to|if|when|where|terms|policy|policies|agreements?|guidelines|rights)\b)[^.;]){0,40}$/i;
// The same with the instrument as the verb's object: "content that violates, or would violate, any applicable law".
const VIOLATES = /\b(?:violat(?:es?|ed|ing)|breach(?:es|ed|ing)?|contraven(?:es?|ed|ing)|infring(?:es?|ed|ing))\s*,?\s+(?:(?:any|all|the|applicable|such|relevant)\s+){0,3}$/i;
// An instrument as the consequence of something ("may give rise to legal proceedings", "result in a court order") is
// no ground on which data is disclosed.
const CONSEQUENCE = /\b(?:give|gives|giving) rise to\s+(?:\w+\s+){0,2}$|\b(?:result|results|resulting|lead|leads|leading) (?:in|to)\s+(?:\w+\s+){0,2}$/i;
// A disclosure conditioned on a judicial instrument: "If presented with a binding court order …, we will hand over".
const CONDITIONED_ON = /\b(?:if|when|whenever|upon|once|on receipt of|after receiving|pursuant to|in accordance with|presented with|served with)\b[^.;]{0,40}$/i;

// What an order directs: "a court order requiring us to …", "directing us to …", "prohibiting us from …".
const DIRECTS = /\b(?:requir(?:e|es|ed|ing)|direct(?:s|ed|ing)?|order(?:s|ed|ing)|compel(?:s|led|ling)?|instruct(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|enjoin(?:s|ed|ing)?|forbid(?:s|ding)?)\s+(?:[\w.'’-]+\s+){0,3}?(?:to|from)\s+(?=\w)/gi;

/**
 * Whether the clause says what the instrument before `upTo` directs, and it is not handing data over: a court order
 * "directing us to suspend your account" or "requiring us to remove your Content" is complied with by suspending or
 * removing, not by a disclosure ("requiring us to disclose your personal data", "to provide records" are).
 */
export function orderForAnotherAct(c: Clause, upTo: number): boolean {
  const before = c.view.slice(0, upTo);
  for (const m of before.matchAll(DIRECTS)) {
    const at = m.index + m[0].length;
    if (!hitsOf(c, 'instrument').some((h) => h.end <= m.index && m.index - h.end <= 40)) continue;
    return !hitsOf(c, 'action', 'disclose').some((h) => h.start === at);
  }
  return false;
}

/** The instruments of a clause that are grounds of a disclosure: not an emergency, not one broken or brought about. */
export function groundsOf(c: Clause): Hit[] {
  return hitsOf(c, 'instrument').filter((h) => h.kind !== 'emergency' && !VIOLATED.test(c.view.slice(Math.max(0, h.start - 60), h.start)) && !VIOLATES.test(c.view.slice(Math.max(0, h.start - 40), h.start)) && !CONSEQUENCE.test(c.view.slice(Math.max(0, h.start - 40), h.start)));
}

// What may stand between coordinated grounds of one list: commas, "or", "and", articles, the law itself.
// "judicial order, requirement of a governmental agency or by operation of law".
const LIST_GLUE = /^[\s,]*(?:(?:or|and|and\/or|a|an|the|any|other|applicable|laws?|regulations?|rules?|search|governmental|government|regulatory|public|requirements?|requests?|demands?|of|by|,)\s*)*$/i;

/**
 * Whether an instrument is refused ("has not provided the required subpoena, court order, or search warrant"): the
 * refusal words just before it, or before the first instrument of the list it belongs to.
 */
function refusedInList(c: Clause, instruments: Hit[], h: Hit): boolean {
  let first = h;
  for (;;) {
    const prev = instruments.filter((x) => x.end <= first.start).pop();
    if (!prev || !LIST_GLUE.test(c.view.slice(prev.end, first.start))) break;
    first = prev;
  }
  if (SET_ASIDE.test(c.view.slice(Math.max(0, first.start - 40), first.start))) return true;
  // "without a court order" is the ground a refusal waits for ("will not disclose … without valid legal process"), not
  // one refused.
  const at = negationBefore(c.view, first.start, 40);
  return at >= 0 && !/^without\b/i.test(c.view.slice(at));
}

// After the last ground, "or"/"and/or" opening another alternative that names an authority within a few words ("a
// court order or other binding request of public authorities", "… or a valid written demand from law enforcement"),
// not a new clause ("…, and will give notice unless a court forbids it").
const ANOTHER_ITEM = /^\s*,?\s*(?:or|and\/or)\s+(?:(?!\b(?:unless|if|when|where|except|will|shall|may|must|we|which|that)\b)[^.;:(),]){0,60}$/i;

/**
 * Whether the list holding the last ground goes on to an authority ("court order, law or governmental agency"): in
 * the closed list vocabulary, or any other item naming an authority shortly after (whatever the words between).
 */
function groundsGoOn(c: Clause, grounds: Hit[], authorities: Hit[]): boolean {
  const last = grounds[grounds.length - 1];
  return authorities.some((a) => a.start >= last.end && (LIST_GLUE.test(c.view.slice(last.end, a.start)) || ANOTHER_ITEM.test(c.view.slice(last.end, a.start))));
}

// Recipients that narrow a refusal to one use: advertisers, marketers, brokers, or "for their marketing".
const NARROW_RECIPIENT = /\b(?:with|to)\s+(?:any\s+|other\s+|outside\s+|third[- ]party\s+)*(?:advertisers|marketers|data brokers|ad networks|(?:advertising|marketing)\s+(?:partners|networks|companies|firms|purposes))\b|\bfor (?:their |its |our )?(?:own )?(?:direct )?(?:marketing|advertising|promotional)\b/i;

/** The refused act up to its exception ("except", "unless", "other than"). */
function beforeException(text: string): string {
  const e = /\b(?:except|unless|other than|save|but)\b/i.exec(text);
  return e ? text.slice(0, e.index) : text;
}

export const CONDITIONAL_JUDICIAL = 'disclosure conditioned on a court order or warrant, without "only"';

/**
 * A disclosure conditioned on a judicial instrument ("if presented with a court order, we will hand over …") is
 * the judicial rule when the document describes no other firm disclosure path; with another path it stays a
 * review candidate (the conservative reading: don't credit a protection the text doesn't clearly give).
 */
export function settle(cands: Candidate<V>[]): Candidate<V>[] {
  const otherPath = cands.some((c) => !c.review && c.value !== 'judicial_process_only');
  if (otherPath) return cands;
  return cands.map((c) => (c.review === CONDITIONAL_JUDICIAL ? { ...c, review: undefined } : c));
}

/**
 * The grounds of a clause's disclosure rule (its exceptions when the disclosure is refused, else its conditions) and
 * whether they are judicial instruments only: "only on a court order", "shall not disclose … except pursuant to a
 * warrant", "requests for content require a court order".
 */
export function judicialRule(c: Clause, instruments: Hit[], authorities: Hit[], d0: Hit | undefined, dc0: Clause, refused: boolean): { ruleGrounds: Hit[]; judicialOnly: boolean } {
  // A refusal to give data to one kind of recipient ("not share … with advertisers except …") leaves every other
  // disclosure open: its exceptions are no judicial rule.
  const narrowRefusal = d0 !== undefined && negated(dc0, d0) && NARROW_RECIPIENT.test(beforeException(dc0.view.slice(d0.start)));
  const ruleGrounds = instruments.filter((h) => h.kind !== 'compelled' && (refused ? inException(c, h) : !inException(c, h)) && !refusedInList(c, instruments, h));
  // "required by court order, law or governmental or regulatory agency": the list of grounds goes on to the law or
  // an authority's demand, so a court order is not the only way.
  const judicialOnly = !narrowRefusal && ruleGrounds.length > 0 && !groundsGoOn(c, ruleGrounds, authorities) && ruleGrounds.every((h) => h.kind === 'judicial' || (h.kind === 'subpoena' && JUDGE_SIGNED.test(c.view.slice(Math.max(0, h.start - 30), h.end + 40))));
  return { ruleGrounds, judicialOnly };
}

/** Whether one of the grounds conditions the disclosure ("if presented with a court order, we will hand over …"). */
export function conditionedOnJudicial(c: Clause, ruleGrounds: Hit[]): boolean {
  return ruleGrounds.some((h) => CONDITIONED_ON.test(c.view.slice(Math.max(0, h.start - 60), h.start)));
}
