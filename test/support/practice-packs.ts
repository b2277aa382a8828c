import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { AuditReport, Finding } from '@custody/domain';
import { auditFiles, collectFiles } from '@custody/audit';

/**
 * Practice packs (test/fixtures/practices/<pack>/): small practices written from the seed stories, each with
 * an `expected.yaml` of the findings a careful auditor expects and those it must not raise. This module audits
 * a pack offline (the `custody audit` path) and judges the result; the spec and the bench share it.
 */
export const PACKS_DIR = resolve('test/fixtures/practices');
/** A fixed clock, so consents and BAAs expire the same way on every run. */
export const PACK_NOW = new Date('2026-12-01T00:00:00Z');

export interface FindingPattern {
  kind: string;
  /** `system:ehr`, `path:*>openai`; `*` matches anything. Absent: any subject. */
  subject?: string;
  /** For an expectation: how many instances (installs) the matching findings must cover. */
  instances?: number;
  /** A gap this pack documents but the code does not close yet: reported, never counted as a pass. */
  known_gap?: string;
}

export interface PackExpectation {
  pack: string;
  /** Every raised finding that matches neither `expected` nor `allowed` is a false alarm. */
  exhaustive?: boolean;
  expected: FindingPattern[];
  allowed?: FindingPattern[];
  must_not_raise: FindingPattern[];
  score?: { max?: number; min?: number };
}

export interface PackResult {
  pack: string;
  report: AuditReport;
  expected: number;
  raised: FindingPattern[];
  missed: FindingPattern[];
  falseAlarms: { finding: Finding; pattern?: FindingPattern }[];
  /** Raised findings the pack neither expects nor forbids (informational when not exhaustive). */
  unlisted: Finding[];
}

export function packNames(): string[] {
  return readdirSync(PACKS_DIR).filter((n) => statSync(join(PACKS_DIR, n)).isDirectory()).sort();
}

export function loadExpectation(pack: string): PackExpectation {
  const raw = parse(readFileSync(join(PACKS_DIR, pack, 'expected.yaml'), 'utf8')) as PackExpectation;
  return { ...raw, expected: raw.expected ?? [], allowed: raw.allowed ?? [], must_not_raise: raw.must_not_raise ?? [] };
}

const glob = (pattern: string) => new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** The subjects a finding speaks for: its own, and each grouped instance's. */
function subjectsOf(f: Finding): string[] {
  const instances = (f as Finding & { instances?: { subject: string }[] }).instances ?? [];
  return [f.subject, ...instances.map((i) => i.subject)];
}

/** How many instances of `p` a finding covers (0: it does not match). */
export function matchCount(f: Finding, p: FindingPattern): number {
  if (f.kind !== p.kind) return 0;
  if (!p.subject) return Math.max(1, ((f as Finding & { instances?: unknown[] }).instances ?? []).length);
  const re = glob(p.subject);
  const instances = (f as Finding & { instances?: { subject: string }[] }).instances ?? [];
  if (instances.length) return instances.filter((i) => re.test(i.subject)).length || (re.test(f.subject) ? instances.length : 0);
  return re.test(f.subject) ? 1 : 0;
}

/** Audit one pack offline: every file in its folder except `expected.yaml`. */
export async function auditPack(pack: string): Promise<AuditReport> {
  const files = collectFiles([join(PACKS_DIR, pack)]).filter((f) => !f.endsWith('/expected.yaml'));
  return auditFiles(files, { now: PACK_NOW });
}

export function judgePack(exp: PackExpectation, report: AuditReport): PackResult {
  const live = report.findings.filter((f) => !f.triage || f.triage.status === 'open' || f.triage.status === 'accepted');
  const raised: FindingPattern[] = [];
  const missed: FindingPattern[] = [];
  for (const p of exp.expected) {
    const n = live.reduce((sum, f) => sum + matchCount(f, p), 0);
    (n > 0 && (p.instances === undefined || n === p.instances) ? raised : missed).push(p);
  }
  const falseAlarms: PackResult['falseAlarms'] = [];
  const unlisted: Finding[] = [];
  for (const f of live) {
    const forbidden = exp.must_not_raise.find((p) => matchCount(f, p) > 0);
    if (forbidden) {
      falseAlarms.push({ finding: f, pattern: forbidden });
      continue;
    }
    const known = [...exp.expected, ...(exp.allowed ?? [])].some((p) => matchCount(f, p) > 0);
    if (known) continue;
    if (exp.exhaustive) falseAlarms.push({ finding: f });
    else unlisted.push(f);
  }
  return { pack: exp.pack, report, expected: exp.expected.length, raised, missed, falseAlarms, unlisted };
}

/** One line per pack, for the bench and the spec's log. */
export function describe(r: PackResult): string {
  const fa = r.falseAlarms.map((x) => `${x.finding.kind}@${x.finding.subject}`);
  return [
    `${r.pack}: expected ${r.raised.length}/${r.expected} raised, ${r.falseAlarms.length} false alarm(s), ` +
      `${r.report.findings.length} finding(s), score ${r.report.score.total}`,
    ...r.missed.map((p) => `  missed: ${p.kind} ${p.subject ?? ''}${p.instances !== undefined ? ` ×${p.instances}` : ''}${p.known_gap ? ` (known gap: ${p.known_gap})` : ''}`),
    ...fa.map((s) => `  false alarm: ${s}`),
    ...r.unlisted.map((f) => `  unlisted: ${f.kind}@${f.subject}`),
  ].join('\n');
}
