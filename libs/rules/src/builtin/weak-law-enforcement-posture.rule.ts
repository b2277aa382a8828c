import { SENSITIVE_CATEGORIES, type DataCategory, type Evidence, type Graph, type GraphSystem, categoryList, unique, valuePhrase } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, flowdownSender, heldCategories, holderRoutes, routeEvidence, termsParts, vendorSystems, type TermsPart } from '../graph-queries.js';
import { lensActive } from '../lenses.js';
import { streamingRule, type FindingDraft, type Rule, type RuleContext } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Who could hand records over without the practice? 164.512(f) *permits* disclosure to law enforcement on an
 * administrative request under narrow conditions; nothing *requires* it. A holder whose terms release on "any
 * legal request", or say nothing, lets an agency with an administrative subpoena or warrant bypass the
 * practice. Payers and government bodies are out of scope: the practice has no contract to negotiate there.
 */
export const weakLawEnforcementPostureRule: Rule = streamingRule({
  id: 'weak-law-enforcement-posture',
  classReads: { settings: [] },
  title: 'Holder of sensitive PHI may release it to law enforcement without a court order or notice',
  kind: 'weak_law_enforcement_posture',
  citations: [CITE.lawEnforcement, CITE.adminRequest, CITE.judicial],
  remediation:
    'Negotiate a law-enforcement clause: the vendor discloses only on a court order or judicial warrant signed by a ' +
    'judge (not an administrative warrant or subpoena), notifies the practice before disclosing unless a court forbids ' +
    'it, and refers requests to the practice. Train front-desk staff: ask for the judicial order, do not consent to ' +
    'searches, call the practice\'s counsel.',
  evaluateInto(ctx, drafts) {
    for (const s of vendorSystems(ctx.graph)) {
      const draft = weakPosture(ctx, s);
      if (draft) drafts.push(draft);
    }
  },
});

/** The law-enforcement posture of a holder, if weak: shared with `sensitive-detail-exposed`. */
export function postureOf(s: Pick<GraphSystem, 'contracts'>, now: Date): { weak: boolean; likelihood: number; value: string; evidence: GraphSystem['evidence'] } {
  const fact = governingFact(s, 'law_enforcement_disclosure', now);
  if (fact.value === 'any_legal_request') return { weak: true, likelihood: 0.9, value: fact.value, evidence: fact.evidence };
  if (fact.value === 'unspecified') {
    // Silence (or no contract) leaves the vendor free to answer an administrative request as 164.512(f)
    // permits; rated the same either way so that signing a silent BAA neither helps nor hurts here.
    return { weak: true, likelihood: 0.6, value: s.contracts.length > 0 ? 'unspecified' : 'no_contract', evidence: [] };
  }
  return { weak: false, likelihood: 0, value: fact.value, evidence: fact.evidence };
}

/** A holder's posture (postureOf's value) as a clause of a finding's sentence: shared with `sensitive-detail-exposed`. */
export function postureWords(value: string): string {
  if (value === 'unspecified') return 'its terms do not say when it discloses records to law enforcement';
  if (value === 'no_contract') return 'no contract on file says when it discloses records to law enforcement';
  return `its terms say it ${valuePhrase(value)}`;
}

/**
 * Payers and government bodies (covered entities or the requester itself) and employers (a recipient of a
 * disclosure, not a custodian under contract): the practice has no disclosure clause to negotiate there, and
 * what matters about an employer is whether it should have the records at all (`unauthorized_third_party_disclosure`).
 */
export function outOfLawEnforcementScope(s: GraphSystem): boolean {
  return s.role === 'payer' || s.role === 'government' || s.role === 'employer';
}

/**
 * What an agency comes looking for: the sensitive categories, plus claims — an insurance-claims database is
 * exactly what enforcement searched for addresses and household members (seeds/003, ISO ClaimSearch).
 */
const LAW_ENFORCEMENT_CATEGORIES: readonly DataCategory[] = [...SENSITIVE_CATEGORIES, 'claims'];

function weakPosture(ctx: RuleContext, s: GraphSystem): FindingDraft | undefined {
  if (outOfLawEnforcementScope(s)) return undefined;
  const categories = heldCategories(ctx.graph, s.id).filter((c) => LAW_ENFORCEMENT_CATEGORIES.includes(c));
  if (categories.length === 0) return undefined;
  // Each part of its data judged by the contracts that govern it (termsParts): a flow-down binds only its sender's.
  const weak = weakParts(termsParts(ctx.graph, s, categories), ctx.now, (p) => p.categories);
  if (weak.length === 0) return undefined;
  const held = weak.length === 1 ? weak[0]!.categories : categories.filter((c) => weak.some((w) => w.categories.includes(c)));
  return {
    subject: `system:${s.id}`,
    systems: [s.id],
    categories: held,
    likelihood: Math.max(...weak.map((w) => w.posture.likelihood)),
    impact: impactOf(raisedLens(ctx) ? 1 : 0.8, held, ctx.settings),
    evidence: weakEvidence(s, weak, (w) => w.categories),
    detail: () =>
      `${displayName(ctx.graph, s.id)} holds ${categoryList(held)}; ${postureClauses(ctx.graph, s, weak)}. ` +
      'An administrative request could reach these records without a judge or the practice.',
  };
}

const raisedLens = (ctx: RuleContext) => lensActive(ctx, 'immigrant-clients') || lensActive(ctx, 'substance-use');

/** A part of a holder's data (termsParts) whose law-enforcement posture is weak, and the categories of it that matter. */
export interface WeakPart {
  part: TermsPart;
  categories: DataCategory[];
  posture: ReturnType<typeof postureOf>;
}

/** The parts whose `pick`ed categories are held under a weak posture (their own contracts read): shared with `sensitive-detail-exposed`. */
export function weakParts(parts: readonly TermsPart[], now: Date, pick: (p: TermsPart) => DataCategory[]): WeakPart[] {
  const out: WeakPart[] = [];
  for (const part of parts) {
    const categories = pick(part);
    if (categories.length === 0) continue;
    const posture = postureOf(part, now);
    if (posture.weak) out.push({ part, categories, posture });
  }
  return out;
}

/**
 * A weak-posture finding's evidence: each weak part's clause, the holder's own lines, then the flows that bring each
 * weak part's `pick`ed categories. Shared with `sensitive-detail-exposed`.
 */
export function weakEvidence(s: GraphSystem, weak: readonly WeakPart[], pick: (w: WeakPart) => readonly DataCategory[]): Evidence[] {
  return [...weak.flatMap((w) => w.posture.evidence), ...s.evidence, ...weak.flatMap((w) => routeEvidence(w.part, pick(w)))];
}

/**
 * The postures of weak parts as clauses of a finding's sentence: a holder bound through no one's flow-down, its one
 * posture; else, for what each part's senders send, its posture, and a part bound only by its holder's own terms says
 * which flow-down does not reach it. Shared with `sensitive-detail-exposed`.
 */
export function postureClauses(graph: Graph, s: GraphSystem, weak: readonly WeakPart[]): string {
  const routes = holderRoutes(graph, s.id);
  if (!routes) return postureWords(weak[0]!.posture.value);
  // A fleet install is named by its vendor: its contracts and flow-down are the vendor's.
  const nameOf = (id: string) => flowdownSender(graph, id);
  const senders = (p: TermsPart) => {
    const names = unique(p.flows.map((f) => nameOf(f.from)));
    return names.length > 0 ? `what ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} other(s)` : ''} send${names.length > 1 ? '' : 's'} it` : 'what it is declared to hold';
  };
  const flowdowns = unique(routes.flatMap((r) => (r.via ? [nameOf(r.via)] : [])));
  return weak
    .map((w) => w.part.via
      ? `for ${senders(w.part)}, bound by ${nameOf(w.part.via)}'s flow-down, ${postureWords(w.posture.value)}`
      : `for ${senders(w.part)}, ${postureWords(w.posture.value)} (${flowdowns.map((n) => `${n}'s contract`).join(' and ')} bind${flowdowns.length > 1 ? '' : 's'} it only for what ${flowdowns.join(' and ')} send${flowdowns.length > 1 ? '' : 's'})`)
    .join('; ');
}
