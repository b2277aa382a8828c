/**
 * What a consultant hands over beyond the findings list: findings grouped by rule and vendor with their
 * instances counted, the fixes that take the most points off first, a remediation plan per vendor, and the
 * contract facts in plain words. Pure presentation over the report: nothing here scores or judges.
 */
import type { AuditReport, FactName, Finding, FindingKind, Severity } from '@custody/domain';
import { severityRank } from '@custody/domain';
import { isOpen } from './report-model.js';

export interface FindingGroup {
  ruleId: string;
  kind: FindingKind;
  /** The party the problem lands on (a fleet's installs all count under their vendor). */
  vendor: string;
  severity: Severity;
  /** The worst finding: its title, citations, remediation and first quote stand for the group. */
  lead: Finding;
  findings: Finding[];
  /** Places it occurs: a grouped fleet finding counts each of its installs. */
  instances: number;
  /** Points the group adds to the score (what fixing all of it takes off). */
  points: number;
}

export type Effort = 'hours' | 'days' | 'weeks';

/** How long a fix usually takes: a setting is hours, a process change days, a contract amendment weeks. */
const EFFORT: Record<FindingKind, Effort> = {
  missing_baa: 'weeks', expired_baa: 'weeks', no_subcontractor_flowdown: 'weeks', baa_chain_break: 'weeks', psychotherapy_notes_exposed: 'days',
  ai_training: 'hours', deidentified_reuse: 'weeks', data_sale_or_marketing: 'weeks', weak_law_enforcement_posture: 'weeks', vendor_owns_records: 'weeks',
  no_return_or_destroy: 'weeks', slow_breach_notice: 'weeks', recording_retention: 'hours', notetaker_cannot_disable: 'hours',
  recording_without_consent: 'days', claims_aggregation: 'weeks', tracking_technology: 'hours', unencrypted_transport: 'hours',
  offshore_processing: 'weeks', unauthorized_third_party_disclosure: 'days', identifiable_research_data: 'days', minimum_necessary: 'days',
  part2_without_consent: 'days', sensitive_detail_exposed: 'days', secret_in_config: 'hours', aggregation_hub: 'days',
};
export const EFFORT_LABEL: Record<Effort, string> = { hours: 'Hours (a setting or a tag)', days: 'Days (a process change)', weeks: 'Weeks (a contract amendment)' };
export const effortOf = (kind: FindingKind): Effort => EFFORT[kind];

/** The contract clause a fix asks the vendor to change, when the fix is contractual. */
const CLAUSE: Partial<Record<FindingKind, FactName>> = {
  missing_baa: 'baa_offered', expired_baa: 'baa_offered', no_subcontractor_flowdown: 'subcontractor_flowdown', baa_chain_break: 'subcontractor_flowdown',
  ai_training: 'ai_training_on_customer_data', deidentified_reuse: 'deidentified_data_use', data_sale_or_marketing: 'data_sale_or_marketing',
  weak_law_enforcement_posture: 'law_enforcement_disclosure', vendor_owns_records: 'record_ownership', no_return_or_destroy: 'return_or_destroy_on_termination',
  slow_breach_notice: 'breach_notice_days', recording_retention: 'audio_or_recording_retention_days', offshore_processing: 'offshore_processing',
};
export const clauseOf = (kind: FindingKind): FactName | undefined => CLAUSE[kind];

/** Groups open and triaged findings by rule and the vendor they land on, worst groups first. */
export function groupByRuleAndVendor(report: AuditReport, vendorOf: (f: Finding) => string): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = `${f.ruleId}\u0000${vendorOf(f)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups].map(([key, fs]): FindingGroup => {
    const sorted = [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.contribution - a.contribution || a.id.localeCompare(b.id));
    const open = sorted.filter(isOpen);
    const lead = open[0] ?? sorted[0];
    return { ruleId: lead.ruleId, kind: lead.kind, vendor: key.split('\u0000')[1], severity: lead.severity, lead, findings: sorted,
      instances: sorted.reduce((n, f) => n + (f.instances?.length || 1), 0),
      points: Math.round(open.reduce((s, f) => s + f.contribution, 0) * 100) / 100 };
  }).sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.points - a.points || a.ruleId.localeCompare(b.ruleId) || a.vendor.localeCompare(b.vendor));
}

export interface VendorPlan {
  vendor: string;
  points: number;
  items: { group: FindingGroup; clause?: FactName; effort: Effort }[];
}

/** One plan per vendor: what to ask for, which clause, which findings it closes, effort; biggest first. */
export function remediationPlan(groups: FindingGroup[]): VendorPlan[] {
  const byVendor = new Map<string, FindingGroup[]>();
  for (const g of groups) if (g.findings.some(isOpen)) byVendor.set(g.vendor, [...(byVendor.get(g.vendor) ?? []), g]);
  return [...byVendor].map(([vendor, gs]) => ({
    vendor,
    points: Math.round(gs.reduce((s, g) => s + g.points, 0) * 100) / 100,
    items: gs.map((group) => ({ group, clause: clauseOf(group.kind), effort: effortOf(group.kind) })),
  })).sort((a, b) => b.points - a.points || a.vendor.localeCompare(b.vendor));
}

/** The five fixes that take the most off the score (a fix closes a whole group), cheapest first among equals. */
export function firstFixes(groups: FindingGroup[], n = 5): FindingGroup[] {
  const rank: Record<Effort, number> = { hours: 0, days: 1, weeks: 2 };
  return groups.filter((g) => g.points > 0)
    .sort((a, b) => b.points - a.points || rank[effortOf(a.kind)] - rank[effortOf(b.kind)] || a.ruleId.localeCompare(b.ruleId))
    .slice(0, n);
}

