/**
 * The law-enforcement view ("if an agent shows up with an administrative warrant, who in my stack could hand my
 * records over without me?"): every holder of client information, its disclosure posture, the clause that states
 * it and who decides on release. Computed once here from an AuditReport; the reports (report-model.ts) and the
 * API's GET /law-enforcement, which the dashboard draws, read the same rows. Pure: no Node, no rendering, so the
 * dashboard's bundle may import its types and words.
 */
import type { AttachedContract, AuditReport, DataCategory, Evidence, Finding, GraphSystem, Severity, SystemRole } from '@custody/domain';
import { counted, DATA_CATEGORIES, hasExpired, isTriageCleared, SENSITIVE_CATEGORIES } from '@custody/domain';
import { POSTURE_ORDER, POSTURE_TEXT, type Posture } from './plain-language.js';

export const LE_LEAD = 'Who can release your clients\' records without you, and on what paper:';
export const LE_INTRO = 'who holds them, and who decides whether to release them when an agency asks. ' +
  'Under HIPAA (45 CFR 164.512(f)) an administrative request, such as one from ICE, permits disclosure but never requires it: your practice should control release.';
export const PRACTICE_POSTURE = { posture: 'Your own records', controls: 'You: ask for a judicial warrant or court order and consult counsel before releasing anything' };

export interface LawEnforcementRow {
  system: GraphSystem;
  isPractice: boolean;
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
  /** Open law-enforcement findings on this holder. */
  findings: Finding[];
  /** Every system the row stands for: itself, or a vendor's service and its fleet installs. */
  systems: string[];
  /** Set on a fleet row: the vendor its installs are grouped under, and how many installs it counts. */
  fleet?: { vendor: string; installs: number };
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
  const rows = report.systems.flatMap((system): LawEnforcementRow[] => {
    const isPractice = system.role === 'practice';
    const held = new Set([...system.holds, ...(inbound.get(system.id) ?? []), ...(isPractice ? practiceSends : [])]);
    if (held.size === 0) return [];
    const facts = system.contracts.map((c) => ({ c, fact: c.facts.law_enforcement_disclosure }));
    const stated = facts.find((x) => x.fact && x.fact.value !== 'unspecified');
    const posture: Posture = stated ? stated.fact.value : facts.length > 0 ? 'unspecified' : 'no_contract';
    // A clause heading ("2.5 Legal requests.") names the topic but not the terms: the first quote that states them stands.
    const quoteEv = stated?.fact.evidence.find((e) => !isHeadingOnly(e.quote));
    const quote = quoteEv ? { file: stated!.c.file, documentId: stated!.c.documentId, ...quoteEv } : undefined;
    if (quote) refer(quote);
    return [{
      system, isPractice, posture, quote, contract: stated?.c ?? system.contracts[0], systems: [system.id],
      headingOnlyIn: stated && !quoteEv && stated.fact.evidence.length > 0 ? stated.c.file ?? 'the contract' : undefined,
      held: DATA_CATEGORIES.filter((c) => held.has(c)),
      sensitive: DATA_CATEGORIES.filter((c) => held.has(c) && sensitiveSet.has(c)),
      findings: weak.get(system.id) ?? [],
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
    const stated = r.posture !== 'no_contract' && r.posture !== 'unspecified';
    // A lapsed contract binds nobody: who decides is unknown again, whatever its clause said (the clause is still shown).
    const expired = stated && c?.expires && hasExpired(c.expires, report.generatedAt) ? c.expires : undefined;
    return {
      id: r.system.id, name: r.system.name, role: r.system.role, isPractice: r.isPractice,
      systems: r.fleet ? r.systems.filter((id) => !byId.get(id)?.group) : r.systems,
      ...(r.fleet ? { fleet: r.fleet } : {}),
      held: r.held, sensitive: r.sensitive, posture: r.posture, postureText: words.posture, controlsText: words.controls,
      release: r.isPractice ? 'practice' : expired ? 'unknown' : RELEASE[r.posture],
      ...(q ? { quote: { text: q.quote, file: q.file, documentId: q.documentId, line: q.line, page: q.page } } : {}),
      ...(r.headingOnlyIn ? { headingOnlyIn: r.headingOnlyIn } : {}),
      // A fleet install's contract is its vendor's: named by the vendor, not by the one install the flow-down was read from.
      ...(c?.via ? { via: { system: c.via.system, name: byId.get(c.via.system)?.group?.vendor ?? byId.get(c.via.system)?.name ?? c.via.system } } : {}),
      ...(expired ? { expired } : {}),
      findings: r.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    };
  });
  return { lead: LE_LEAD, intro: LE_INTRO, holders };
}
