import { BREACH_RULE_REFERENCE, breachRuleStance, type Evidence, type Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { hitsOf, passive, subjectOf } from '../clauses/clause.js';
import type { Sentence } from '../text/sentences.js';
import { findDurations } from '../text/numbers.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt, found, operative, silent } from './fact-context.js';

const PREFILTER = /\b(?:breach|incident|unauthori[sz]ed|compromise)/i;
const BREACH = /\b(?:breach(?:es)? of (?:unsecured )?(?:phi|protected health information|security|personal (?:data|information)|(?:customer |client )?data|confidentiality)|(?:security|data|privacy|personal data) breach(?:es)?|breach(?:es)?\b(?! of (?:this|the|any|its|their) (?:agreement|contract|terms?|obligations?|representations?|warrant))|security incidents?|data incidents?|unauthori[sz]ed (?:access|use|disclosure|acquisition)|compromise of)/i;
const NOTIFY = /\b(?:notif|report|inform|notice|alert)/i;
const CONTRACT_BREACH = /\bcure\b|\bmaterial breach\b|\bterminat/i;
const DEADLINE = /\b(?:within|no later than|not later than|in no (?:event|case) (?:later|more) than|not to exceed|up to|no more than|not more than|at most|maximum of)\s*$/i;

/**
 * In a table row, the cell of the duration must itself speak of notice: a retention table whose purpose cell names
 * security incidents and reports ("investigate, report … | Up to 6 years from date of collection") sets no deadline.
 */
function noticeInCell(v: string, at: number): boolean {
  if (!v.includes('|')) return true;
  const cell = v.slice(v.lastIndexOf('|', at) + 1, (v.indexOf('|', at) + 1 || v.length + 1) - 1);
  return NOTIFY.test(cell);
}

/**
 * `breach_notice_days`: the longest time the vendor has to notify the customer of a breach or security
 * incident, in calendar days (business days × 7/5, hours / 24, rounded up: see text/numbers.ts).
 * Only deadlines in a breach-notification clause count; "without undue delay" alone gives null, and
 * contract-breach cure periods are ignored. A clause that states no days but binds the vendor's report to the Breach
 * Notification Rule ("report … breaches of unsecured protected health information as required by 45 CFR 164.410")
 * gives null too, since the text states no number, with that clause as evidence: the rule's own deadline applies
 * (domain `bindsToBreachRule`), which a BAA silent on breach reporting lacks.
 */
export function extractBreachNotice(ctx: FactContext): Fact<'breach_notice_days'> {
  let best: number | null = null;
  const evidence: Evidence[] = [];
  // Every clause citing the rule, not the first only: a later one may set it aside or bind it on a condition, and the
  // reading weighs them all (domain breachRuleStance), the deciding one quoted first.
  const byRule: Evidence[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    if (!BREACH.test(v) || !NOTIFY.test(v) || CONTRACT_BREACH.test(v)) continue;
    const ref = BREACH_RULE_REFERENCE.exec(v);
    if (ref && !notOwedToCustomer(ctx.clauses(s), s, ref.index)) byRule.push(evidenceAt(ctx, s, ref.index, ref.index + ref[0].length));
    for (const d of findDurations(v)) {
      const lead = v.slice(Math.max(0, d.index - 60), d.index);
      if (!DEADLINE.test(lead) || !noticeInCell(v, d.index) || notOwedToCustomer(ctx.clauses(s), s, d.index)) continue;
      const ev = evidenceAt(ctx, s, d.index, d.index + d.length);
      if (best === null || d.days > best) {
        best = d.days;
        evidence.unshift(ev);
      } else evidence.push(ev);
    }
  }
  if (best === null) return byRule.length ? found<'breach_notice_days'>(null, decidingFirst(byRule), 0.6) : silent('breach_notice_days');
  return found<'breach_notice_days'>(best, evidence, 0.85);
}

/** The clauses citing the rule, the one that decides their reading (breachRuleStance) first, the others in text order. */
function decidingFirst(clauses: Evidence[]): Evidence[] {
  if (clauses.length === 1) return clauses;
  const stance = breachRuleStance(clauses.map((e) => e.quote));
  const at = clauses.findIndex((e) => breachRuleStance([e.quote]) === stance);
  return at <= 0 ? clauses : [clauses[at]!, ...clauses.slice(0, at), ...clauses.slice(at + 1)];
}

/**
 * Whether the deadline at `at` (an offset in the sentence view) is one the customer is not owed, read from the notify act
 * before it (the last notify word before the deadline):
 * - the parties it names between that word and the deadline are all authorities ("we will notify the relevant supervisory
 *   authority within 72 hours and affected individuals without undue delay") or the vendor itself ("notify us within 24
 *   hours", a list item "notify the Company no later than …" under "The Merchant shall:");
 * - its subject is the customer or the user, in the active ("Customer shall notify …", "you must notify …"): the duty runs
 *   to the vendor or to the customer's own people. "You will be notified within 72 hours" is the passive, and "you will
 *   receive notification within 72 hours" names the receiver: the user is told. "The Company" told by a contractor or
 *   business associate is the contractor's counterparty, so only a vendor word told with no subject or the customer's counts.
 * The README's deadline is the customer's or the user's; a regulator's is a legal duty owed to someone else, and the
 * customer's own is the other way round.
 */
function notOwedToCustomer(clauses: Clause[], s: Sentence, at: number): boolean {
  const c = clauses.find((x) => x.start - s.start <= at && x.end - s.start > at);
  if (!c) return false;
  const pos = at - (c.start - s.start);
  const notify = hitsOf(c, 'action', 'notify').filter((h) => h.end <= pos).pop();
  if (!notify) return false;
  // Not the sender named after the notice ("notice from us", "notified by the Company").
  const told = c.hits.filter((x) => x.cat === 'actor' && x.t0 >= notify.t1 && x.end <= pos && !/\b(?:from|by)\s+(?:the\s+)?$/i.test(c.view.slice(Math.max(0, x.start - 12), x.start)));
  const authority = (x: Hit) => x.kind === 'authority' && /authorit|regulat|commission|attorney general|secretary|law enforcement|police/i.test(c.view.slice(x.start, x.end));
  if (told.length > 0 && told.every(authority)) return true;
  const subject = subjectOf(c, notify);
  // "the Company" told by a contractor, a provider or a business associate is that party's counterparty, not the vendor.
  if (told.length > 0 && told.every((x) => authority(x) || x.kind === 'vendor') && (!subject || subject.kind === 'customer')) return true;
  // The customer who receives notice ("you will receive notification within 72 hours") is the one told.
  return subject?.kind === 'customer' && !passive(c, notify) && !RECEIVES.test(c.view.slice(0, notify.start));
}
const RECEIVES = /\b(?:receive|receives|get|gets|obtain|obtains)\s+(?:(?:a|an|the|any|such|written|prompt|prior|email|electronic)\s+)*$/i;
