import { SENSITIVE_CATEGORIES, type ContractRoute, type DataCategory, type Graph, type GraphSystem, categoryList, partyName, unique, valuePhrase } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, heldCategories, holderRoutes, holdingEvidence, routeEvidence, systemById, vendorSystems } from '../graph-queries.js';
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
  const routes = holderRoutes(ctx.graph, s.id);
  if (routes) return weakRoutes(ctx, s, routes, categories);
  const posture = postureOf(s, ctx.now);
  if (!posture.weak) return undefined;
  return {
    subject: `system:${s.id}`,
    systems: [s.id],
    categories,
    likelihood: posture.likelihood,
    impact: impactOf(raisedLens(ctx) ? 1 : 0.8, categories, ctx.settings),
    evidence: [...posture.evidence, ...holdingEvidence(ctx.graph, s.id, categories)],
    detail: () =>
      `${displayName(ctx.graph, s.id)} holds ${categoryList(categories)}; ${postureWords(posture.value)}. ` +
      'An administrative request could reach these records without a judge or the practice.',
  };
}

const raisedLens = (ctx: RuleContext) => lensActive(ctx, 'immigrant-clients') || lensActive(ctx, 'substance-use');

/**
 * A holder bound through a sender's flow-down: each route judged by its own contracts (routeJudgements), the
 * categories of the weak ones raised, citing their clauses and the flows that bring them.
 */
function weakRoutes(ctx: RuleContext, s: GraphSystem, routes: readonly ContractRoute[], held: readonly DataCategory[]): FindingDraft | undefined {
  const weak = routeJudgements(routes, ctx.now, (r) => r.categories.filter((c) => LAW_ENFORCEMENT_CATEGORIES.includes(c)));
  if (weak.length === 0) return undefined;
  const categories = held.filter((c) => weak.some((w) => w.categories.includes(c)));
  return {
    subject: `system:${s.id}`,
    systems: [s.id],
    categories,
    likelihood: Math.max(...weak.map((w) => w.posture.likelihood)),
    impact: impactOf(raisedLens(ctx) ? 1 : 0.8, categories, ctx.settings),
    evidence: [...s.evidence, ...weak.flatMap((w) => [...w.posture.evidence, ...routeEvidence(w.route, w.categories)])],
    detail: () =>
      `${displayName(ctx.graph, s.id)} holds ${categoryList(categories)}; ${routeWords(ctx.graph, weak, routes)}. ` +
      'An administrative request could reach these records without a judge or the practice.',
  };
}

/** A route whose law-enforcement posture is weak, and the categories of it that matter. */
export interface WeakRoute {
  route: ContractRoute;
  categories: DataCategory[];
  posture: ReturnType<typeof postureOf>;
}

/** The routes whose `pick`ed categories are held under a weak posture (their own contracts read): shared with `sensitive-detail-exposed`. */
export function routeJudgements(routes: readonly ContractRoute[], now: Date, pick: (r: ContractRoute) => DataCategory[]): WeakRoute[] {
  const out: WeakRoute[] = [];
  for (const route of routes) {
    const categories = pick(route);
    if (categories.length === 0) continue;
    const posture = postureOf(route, now);
    if (posture.weak) out.push({ route, categories, posture });
  }
  return out;
}

/**
 * The postures of weak routes as clauses of a finding's sentence: for what each route's senders send, its posture;
 * a route bound only by its holder's own terms says which flow-down does not reach it. Shared with `sensitive-detail-exposed`.
 */
export function routeWords(graph: Graph, weak: readonly WeakRoute[], routes: readonly ContractRoute[]): string {
  // A fleet install is named by its vendor: its contracts and flow-down are the vendor's.
  const nameOf = (id: string) => { const x = systemById(graph, id); return x ? partyName(x) : id; };
  const senders = (r: ContractRoute) => {
    const names = unique(r.flows.map((f) => nameOf(f.from)));
    return names.length > 0 ? `what ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} other(s)` : ''} send${names.length > 1 ? '' : 's'} it` : 'what it is declared to hold';
  };
  const flowdowns = unique(routes.flatMap((r) => (r.via ? [nameOf(r.via)] : [])));
  return weak
    .map((w) => w.route.via
      ? `for ${senders(w.route)}, bound by ${nameOf(w.route.via)}'s flow-down, ${postureWords(w.posture.value)}`
      : `for ${senders(w.route)}, ${postureWords(w.posture.value)} (${flowdowns.map((n) => `${n}'s contract`).join(' and ')} bind${flowdowns.length > 1 ? '' : 's'} it only for what ${flowdowns.join(' and ')} send${flowdowns.length > 1 ? '' : 's'})`)
    .join('; ');
}
