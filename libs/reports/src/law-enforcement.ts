/**
 * The law-enforcement view ("if an agent shows up with an administrative warrant, who in my stack could hand my
 * records over without me?"): every holder of client information, its disclosure posture, the clause that states
 * it and who decides on release. Computed once here from an AuditReport; the reports (report-model.ts) and the
 * API's GET /law-enforcement, which the dashboard draws, read the same rows. Pure: no Node, no rendering, so the
 * dashboard's bundle may import its types and words.
 */
import type { AttachedContract, AuditReport, DataCategory, Evidence, Finding, GraphSystem, Severity, SystemRole } from '@custody/domain';
import { contractRoutes, counted, DATA_CATEGORIES, hasExpired, isTriageCleared, partyName, SENSITIVE_CATEGORIES, unique } from '@custody/domain';
import type { GraphFlow } from '@custody/domain';
import { POSTURE_ORDER, POSTURE_TEXT, type Posture } from './plain-language.js';

export const LE_LEAD = 'Who can release your clients\' records without you, and on what paper:';
export const LE_INTRO = 'who holds them, and who decides whether to release them when an agency asks. ' +
  'Under HIPAA (45 CFR 164.512(f)) an administrative request, such as one from ICE, permits disclosure but never requires it: your practice should control release.';
export const PRACTICE_POSTURE = { posture: 'Your own records', controls: 'You: ask for a judicial warrant or court order and consult counsel before releasing anything' };

/** What a holder (or one part of its data) holds, and the terms that say who may release it. */
interface HeldUnderTerms {
  /** Every category it holds or receives, in taxonomy order; `sensitive` those the practice and the law treat as sensitive. */
  held: DataCategory[];
  sensitive: DataCategory[];
  posture: Posture;
  /** The clause that states the posture; never a bare heading. */
  quote?: Evidence;
  /** Set when the contract's only quotes for the posture are headings: the file they came from. */
  headingOnlyIn?: string;
  /** The contract the posture is read from (absent for no_contract). */
  contract?: AttachedContract;
}

export interface LawEnforcementRow extends HeldUnderTerms {
  system: GraphSystem;
  isPractice: boolean;
  /** Open law-enforcement findings on this holder. */
  findings: Finding[];
  /** Every system the row stands for: itself, or a vendor's service and its fleet installs. */
  systems: string[];
  /** Set on a fleet row: the vendor its installs are grouped under, and how many installs it counts. */
  fleet?: { vendor: string; installs: number };
  /**
   * Set when the holder is bound through a sender's flow-down: that contract covers only what that sender sends it,
   * so each part of its data is listed with the terms that govern it (the row's own posture is the weakest part's).
   */
  routes?: LawEnforcementRoute[];
}

/** One part of a holder's data and the terms that govern it (see {@link LawEnforcementRow.routes}). */
export interface LawEnforcementRoute extends HeldUnderTerms {
  /** Who sends this part (vendors by name; a fleet's installs by their vendor); empty for what it is declared to hold. */
  senders: string[];
  /** The sender whose flow-down BAA binds the holder for this part; absent: only the holder's own contracts. */
  via?: { system: string; name: string };
}

/**
 * Which part of a holder's data a route is, in a reader's words: "Data from CarePath EHR (bound by CarePath EHR's
 * contract, flowed down)", "Data from Scribewell AI". Shared by the reports and the dashboard.
 */
export function routeLabel(r: Pick<LawEnforcementRoute, 'senders' | 'via'>): string {
  const from = r.senders.length ? `Data from ${r.senders.join(', ')}` : 'What it is declared to hold';
  return r.via ? `${from} (bound by ${r.via.name}'s contract, flowed down)` : from;
}

/** The posture the first contract stating one gives, its clause (never a bare heading) and the contract. */
function readPosture(contracts: readonly AttachedContract[]): Pick<LawEnforcementRow, 'posture' | 'quote' | 'headingOnlyIn' | 'contract'> {
  const facts = contracts.map((c) => ({ c, fact: c.facts.law_enforcement_disclosure }));
  const stated = facts.find((x) => x.fact && x.fact.value !== 'unspecified');
  const posture: Posture = stated ? stated.fact.value : facts.length > 0 ? 'unspecified' : 'no_contract';
  // A clause heading ("2.5 Legal requests.") names the topic but not the terms: the first quote that states them stands.
  const quoteEv = stated?.fact.evidence.find((e) => !isHeadingOnly(e.quote));
  const quote = quoteEv ? { file: stated!.c.file, documentId: stated!.c.documentId, ...quoteEv } : undefined;
  return {
    posture, quote, contract: stated?.c ?? contracts[0],
    headingOnlyIn: stated && !quoteEv && stated.fact.evidence.length > 0 ? stated.c.file ?? 'the contract' : undefined,
  };
}

/**
 * True when a quote is only a clause heading ("2.5 Legal requests.", "Legal Process.", "Section 7 — Disclosures"):
 * once a leading section number is dropped, fewer than six words and no sentence inside it.
 */
export function isHeadingOnly(quote: string): boolean {
  const text = quote.trim().replace(/^(?:(?:section|article|§)\s*)?(?:\d+(?:\.\d+)*\.?|[IVX]+[.)]|\([a-z\d]+\))\s+/i, '');
  const words = text.split(/\s+/).filter((w) => /\w/.test(w));
  return words.length < 6 && !/[.;:]\s+\S/.test(text);
}

/**
 * One row per holder of client information, the practice first, then weakest posture and most sensitive holdings
 * first. `refer` is told of every quote shown (the reports number their evidence with it).
 */
export function lawEnforcementRows(report: Pick<AuditReport, 'systems' | 'flows' | 'findings' | 'practice'>, refer: (e: Evidence) => unknown = () => undefined): LawEnforcementRow[] {
  const inbound = new Map<string, Set<DataCategory>>();
  for (const f of report.flows) for (const c of f.data) inbound.set(f.to, (inbound.get(f.to) ?? new Set()).add(c));
  // The practice is where its records start: it holds what it sends out, even when nothing flows back to it.
  const practices = new Set(report.systems.filter((s) => s.role === 'practice').map((s) => s.id));
  const practiceSends = new Set(report.flows.filter((f) => practices.has(f.from)).flatMap((f) => f.data));
  const sensitiveSet = new Set<DataCategory>([...SENSITIVE_CATEGORIES, ...(report.practice.records.documents_sensitive ?? [])]);

  // The open weak-posture findings charged to each system, indexed once, in the report's order: looking them up per
  // system scanned every finding for each of a 10,000-install fleet's systems (~7 s for the view).
  const weak = new Map<string, Finding[]>();
  for (const f of report.findings) {
    if (f.kind !== 'weak_law_enforcement_posture' || isTriageCleared(f)) continue;
    for (const id of new Set([...f.systems, ...(f.subject.startsWith('system:') ? [f.subject.slice('system:'.length)] : [])])) (weak.get(id) ?? weak.set(id, []).get(id)!).push(f);
  }
  // A holder bound through a sender's flow-down: its data split by the contracts that govern each part (domain contractRoutes).
  const byId = new Map(report.systems.map((s) => [s.id, s]));
  let into: Map<string, GraphFlow[]> | undefined;
  const holderRoutes = (system: GraphSystem): LawEnforcementRoute[] | undefined => {
    if (!system.contracts.some((c) => c.via)) return undefined;
    if (!into) {
      into = new Map();
      for (const f of report.flows) (into.get(f.to) ?? into.set(f.to, []).get(f.to)!).push(f);
    }
    const nameOf = (id: string) => { const x = byId.get(id); return x ? partyName(x) : id; };
    return contractRoutes(system, into.get(system.id) ?? [], (id) => byId.get(id))?.map((r) => ({
      senders: unique(r.flows.map((f) => nameOf(f.from))),
      ...(r.via ? { via: { system: r.via, name: nameOf(r.via) } } : {}),
      held: DATA_CATEGORIES.filter((c) => r.categories.includes(c)),
      sensitive: DATA_CATEGORIES.filter((c) => r.categories.includes(c) && sensitiveSet.has(c)),
      ...readPosture(r.contracts),
    }));
  };
  const rows = report.systems.flatMap((system): LawEnforcementRow[] => {
    const isPractice = system.role === 'practice';
    const held = new Set([...system.holds, ...(inbound.get(system.id) ?? []), ...(isPractice ? practiceSends : [])]);
    if (held.size === 0) return [];
    const routes = !isPractice ? holderRoutes(system) : undefined;
    const own = readPosture(system.contracts);
    // Bound through a flow-down: the weakest part's terms lead the row, as the weak-posture finding charges them.
    const lead = routes ? routes.reduce((a, b) => (POSTURE_ORDER.indexOf(b.posture) < POSTURE_ORDER.indexOf(a.posture) ? b : a)) : own;
    for (const r of routes ?? []) if (r.quote) refer(r.quote);
    if (!routes && own.quote) refer(own.quote);
    return [{
      system, isPractice, posture: lead.posture, quote: lead.quote, contract: lead.contract, systems: [system.id],
      headingOnlyIn: lead.headingOnlyIn,
      held: DATA_CATEGORIES.filter((c) => held.has(c)),
      sensitive: DATA_CATEGORIES.filter((c) => held.has(c) && sensitiveSet.has(c)),
      findings: weak.get(system.id) ?? [],
      ...(routes ? { routes } : {}),
    }];
  });
  // A fleet's installs of one vendor hold the same data under the same contract: one row, installs counted.
  const fleet = new Map<string, LawEnforcementRow[]>();
  for (const r of rows) if (r.system.group?.vendor) (fleet.get(r.system.group.vendor) ?? fleet.set(r.system.group.vendor, []).get(r.system.group.vendor)!).push(r);
  // The vendor's own service (same name, same contract) joins its installs' row instead of repeating its quote.
  // Looked up by name once: a 10,000-install fleet asks for each install's vendor.
  const services = new Map<string, LawEnforcementRow>();
  for (const x of rows) if (!x.system.group && !x.isPractice && !services.has(x.system.name)) services.set(x.system.name, x);
  const service = (vendor: string) => services.get(vendor);
  const absorbed = new Set([...fleet.keys()].map(service).filter((x): x is LawEnforcementRow => x !== undefined));
  const merged = rows.flatMap((r) => {
    if (absorbed.has(r)) return [];
    const same = r.system.group?.vendor ? fleet.get(r.system.group.vendor)! : [r];
    const own = r.system.group?.vendor ? service(r.system.group.vendor) : undefined;
    if (same.length === 1 && !own) return [r];
    if (same[0] !== r) return [];
    const all = own ? [own, ...same] : same;
    const sensitive = DATA_CATEGORIES.filter((c) => all.some((x) => x.sensitive.includes(c)));
    const held = DATA_CATEGORIES.filter((c) => all.some((x) => x.held.includes(c)));
    const name = `${r.system.group!.vendor} (${own ? 'service and ' : ''}${counted(same.length, 'install')})`;
    // Where the service's contract and the installs' differ, the weaker posture is the one a reader must see.
    const base = own && POSTURE_ORDER.indexOf(own.posture) <= POSTURE_ORDER.indexOf(r.posture) ? own : r;
    return [{
      ...base, held, sensitive, system: { ...base.system, name }, systems: all.map((x) => x.system.id),
      fleet: { vendor: r.system.group!.vendor!, installs: same.length }, findings: [...new Set(all.flatMap((x) => x.findings))],
    }];
  });
  // The practice leads (it should control release); then weakest posture and most sensitive holdings first.
  return merged.sort((a, b) => Number(b.isPractice) - Number(a.isPractice) ||
    POSTURE_ORDER.indexOf(a.posture) - POSTURE_ORDER.indexOf(b.posture) || b.sensitive.length - a.sensitive.length);
}

/**
 * Who decides whether a holder's records go to an agency: `practice` (your own records), `notice` (you are told
 * first and can object), `judge` (only a judicial order releases them), `holder` (the holder alone, on any legal
 * request) or `unknown` (nothing on file says, or the contract that said it has expired; assume the holder decides).
 */
export const RELEASE_CONTROLS = ['practice', 'notice', 'judge', 'holder', 'unknown'] as const;
export type ReleaseControl = (typeof RELEASE_CONTROLS)[number];

const RELEASE: Record<Posture, ReleaseControl> = {
  judicial_process_only: 'judge', legal_process_with_notice: 'notice', any_legal_request: 'holder', unspecified: 'unknown', no_contract: 'unknown',
};

/** A release control in a practice owner's words: does releasing these records need you? */
export const RELEASE_TEXT: Record<ReleaseControl, string> = {
  practice: 'You decide',
  notice: 'You are told first and can object',
  judge: 'Only a judge\'s order; an administrative warrant is not enough',
  holder: 'The holder alone, without you',
  unknown: 'Unknown: no contract in force says; assume the holder decides',
};

/** One holder as GET /law-enforcement answers it: plain data, the words included, so every client says the same. */
export interface LawEnforcementHolder {
  /** The row's system (a fleet row: its vendor's service, or its first install). */
  id: string;
  name: string;
  role: SystemRole;
  /** Set when the row's system is a template (GraphSystem.template): its role is not a vendor's, and reads so (roleText). */
  template?: true;
  isPractice: boolean;
  /**
   * The systems the row stands for, fleet installs aside: a fleet row names its vendor and counts its installs
   * instead (the map draws them as groups of that vendor; 10,000 ids would be most of the answer).
   */
  systems: string[];
  fleet?: { vendor: string; installs: number };
  /** Every category it holds or receives; `sensitive` the sensitive ones among them. */
  held: DataCategory[];
  sensitive: DataCategory[];
  posture: Posture;
  /** The posture in words, and who decides, as the reports say them. */
  postureText: string;
  controlsText: string;
  release: ReleaseControl;
  /** The clause stating the posture and the document it is in; absent when no document says. */
  quote?: { text: string; file?: string; documentId?: string; line?: number; page?: number };
  /** The document was found but only a heading speaks of legal requests. */
  headingOnlyIn?: string;
  /** The contract binds this holder through another system's (a vendor's BAA flowing down to its subcontractor). */
  via?: { system: string; name: string };
  /** The contract the posture is read from expired on this date: its terms may no longer bind the holder. */
  expired?: string;
  findings: { id: string; severity: Severity; title: string }[];
  /**
   * Set when the holder is bound through a sender's flow-down, which covers only that sender's data: each part of
   * its data, who sends it and the terms that govern it (the holder's own posture and release are the weakest part's).
   */
  routes?: LawEnforcementHolderRoute[];
}

/** One part of a holder's data as GET /law-enforcement answers it (see {@link LawEnforcementHolder.routes}). */
export interface LawEnforcementHolderRoute {
  senders: string[];
  via?: { system: string; name: string };
  held: DataCategory[];
  sensitive: DataCategory[];
  posture: Posture;
  postureText: string;
  release: ReleaseControl;
  quote?: { text: string; file?: string; documentId?: string; line?: number; page?: number };
  headingOnlyIn?: string;
  expired?: string;
}

export interface LawEnforcementView {
  lead: string;
  intro: string;
  holders: LawEnforcementHolder[];
}

/** The law-enforcement view of a report, as the API serves it. */
export function lawEnforcementView(report: Pick<AuditReport, 'systems' | 'flows' | 'findings' | 'practice' | 'generatedAt'>): LawEnforcementView {
  const byId = new Map(report.systems.map((s) => [s.id, s]));
  const holders = lawEnforcementRows(report).map((r): LawEnforcementHolder => {
    const words = r.isPractice ? PRACTICE_POSTURE : POSTURE_TEXT[r.posture];
    const q = r.quote;
    const c = r.contract;
    const expired = lapsed(r, report.generatedAt);
    return {
      id: r.system.id, name: r.system.name, role: r.system.role, ...(r.system.template ? { template: true as const } : {}), isPractice: r.isPractice,
      systems: r.fleet ? r.systems.filter((id) => !byId.get(id)?.group) : r.systems,
      ...(r.fleet ? { fleet: r.fleet } : {}),
      held: r.held, sensitive: r.sensitive, posture: r.posture, postureText: words.posture, controlsText: words.controls,
      release: r.isPractice ? 'practice' : expired ? 'unknown' : RELEASE[r.posture],
      ...(q ? { quote: quoteOf(q) } : {}),
      ...(r.headingOnlyIn ? { headingOnlyIn: r.headingOnlyIn } : {}),
      // A fleet install's contract is its vendor's: named by the vendor, not by the one install the flow-down was read from.
      ...(c?.via ? { via: { system: c.via.system, name: byId.get(c.via.system)?.group?.vendor ?? byId.get(c.via.system)?.name ?? c.via.system } } : {}),
      ...(expired ? { expired } : {}),
      findings: r.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
      ...(r.routes ? { routes: r.routes.map((x): LawEnforcementHolderRoute => {
        const gone = lapsed(x, report.generatedAt);
        return {
          senders: x.senders, ...(x.via ? { via: x.via } : {}), held: x.held, sensitive: x.sensitive, posture: x.posture,
          postureText: POSTURE_TEXT[x.posture].posture, release: gone ? 'unknown' : RELEASE[x.posture],
          ...(x.quote ? { quote: quoteOf(x.quote) } : {}), ...(x.headingOnlyIn ? { headingOnlyIn: x.headingOnlyIn } : {}), ...(gone ? { expired: gone } : {}),
        };
      }) } : {}),
    };
  });
  return { lead: LE_LEAD, intro: LE_INTRO, holders };
}

const quoteOf = (q: Evidence) => ({ text: q.quote, file: q.file, documentId: q.documentId, line: q.line, page: q.page });

/** A lapsed contract binds nobody: who decides is unknown again, whatever its clause said (the clause is still shown). */
function lapsed(r: Pick<LawEnforcementRow, 'posture' | 'contract'>, at: string): string | undefined {
  const stated = r.posture !== 'no_contract' && r.posture !== 'unspecified';
  return stated && r.contract?.expires && hasExpired(r.contract.expires, at) ? r.contract.expires : undefined;
}
