import type { AuditReport } from '@custody/domain';
import { sampleAuditReport, sampleFleetAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { lawEnforcementView, RELEASE_TEXT } from './law-enforcement.js';
import { POSTURE_TEXT, roleText } from './plain-language.js';
import { buildReportModel } from './report-model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

/**
 * A host bound by Cedar EHR's BAA through its flow-down (notice first), that also receives ScribeWell's recordings,
 * for which no contract binds it; `ownTerms` gives it click-through terms of its own that are silent.
 */
function routedReport(opts: { ownTerms?: boolean } = {}): AuditReport {
  const report = sampleAuditReport();
  const ehr = report.systems.find((s) => s.id === 'ehr')!;
  report.systems.push({ id: 'host', name: 'Stratus Hosting', role: 'cloud_storage', holds: [], settings: {}, evidence: [],
    contracts: [{ ...ehr.contracts[0]!, via: { system: 'ehr', relation: 'flowdown' } },
      ...(opts.ownTerms ? [{ documentId: 'host-terms', file: 'stratus-terms.md', kind: 'terms' as const, facts: {} as never }] : [])] });
  const base = { transport: 'https' as const, legalBasis: 'baa' as const, evidence: [] };
  report.flows.push({ ...base, id: 'ehr->host', from: 'ehr', to: 'host', data: ['progress_notes', 'diagnosis'] },
    { ...base, id: 'scribe->host', from: 'scribe', to: 'host', data: ['session_recording'] });
  return report;
}

const holder = (report: AuditReport, id: string) => lawEnforcementView(report).holders.find((h) => h.id === id)!;

describe('lawEnforcementView (what GET /law-enforcement serves)', () => {
  it('lists the report\'s rows, in its order, with its words: the practice first, then the weakest postures', () => {
    const report = sampleAuditReport();
    const view = lawEnforcementView(report);
    expect(view.holders.map((h) => h.name)).toEqual(buildReportModel(report).lawEnforcement.map((r) => r.system.name));
    expect(view.holders[0]).toMatchObject({ id: 'practice', isPractice: true, release: 'practice', postureText: 'Your own records' });
    expect(view.holders.slice(1).map((h) => h.posture)[0]).toBe('any_legal_request');
    const scribe = holder(report, 'scribe');
    expect(scribe).toMatchObject({ posture: 'any_legal_request', release: 'holder', postureText: POSTURE_TEXT.any_legal_request.posture, systems: ['scribe'] });
    expect(scribe.fleet).toBeUndefined();
  });

  it('marks a template\'s row (its role reads as a template, in the dashboard as in the reports); a vendor\'s row has no mark', () => {
    const report = sampleAuditReport();
    const scribe = report.systems.find((s) => s.id === 'scribe')!;
    Object.assign(scribe, { role: 'other', template: true, name: 'Business Associate (name left blank in baa-template.md)' });
    expect(holder(report, 'scribe')).toMatchObject({ role: 'other', template: true });
    expect(roleText(holder(report, 'scribe'))).toBe('template: no vendor named');
    expect('template' in holder(report, 'ehr')).toBe(false);
    expect(roleText(holder(report, 'ehr'))).toBe('EHR');
  });

  it('leads with the practice even when it is declared to hold nothing: its records start there, as its flows out show', () => {
    const report = sampleAuditReport();
    const practice = report.systems.find((s) => s.role === 'practice')!;
    practice.holds = [];
    report.flows = report.flows.filter((f) => f.to !== practice.id);
    const sent = new Set(report.flows.filter((f) => f.from === practice.id).flatMap((f) => f.data));
    expect(sent.has('psychotherapy_notes') || sent.has('session_recording')).toBe(true);
    const first = lawEnforcementView(report).holders[0];
    expect(first).toMatchObject({ id: practice.id, isPractice: true, release: 'practice' });
    expect(first.sensitive.length).toBeGreaterThan(0);
    expect(first.sensitive.every((c) => sent.has(c))).toBe(true);
  });

  it('quotes the clause and names its document; a holder no document speaks for has neither, and nobody knows who decides', () => {
    const report = sampleAuditReport();
    const clause = report.systems.find((s) => s.id === 'ehr')!.contracts[0];
    expect(holder(report, 'ehr')).toMatchObject({ posture: 'legal_process_with_notice', release: 'notice',
      quote: { text: clause.facts.law_enforcement_disclosure!.evidence[0].quote, file: clause.file, documentId: clause.documentId } });
    const payer = holder(report, 'payer');
    expect(payer).toMatchObject({ posture: 'no_contract', release: 'unknown' });
    expect(payer.quote).toBeUndefined();
    expect(RELEASE_TEXT[payer.release]).toMatch(/no contract in force says/);
  });

  it('says everything a holder holds, the sensitive categories among it apart', () => {
    const report = sampleAuditReport();
    const sms = holder(report, 'sms');
    expect(sms.held).toContain('contact');
    expect(sms.sensitive).toEqual([]);
    const ehr = holder(report, 'ehr');
    expect(ehr.sensitive.length).toBeGreaterThan(0);
    expect(ehr.sensitive.every((c) => ehr.held.includes(c))).toBe(true);
    expect(ehr.held.length).toBeGreaterThan(ehr.sensitive.length);
  });

  it('charges the open weak-posture findings to their holder, and drops those triaged away', () => {
    const report = sampleAuditReport();
    const weak = report.findings.find((f) => f.kind === 'weak_law_enforcement_posture')!;
    const id = weak.subject.replace(/^system:/, '');
    expect(holder(report, id).findings).toContainEqual({ id: weak.id, severity: weak.severity, title: weak.title });
    weak.triage = { status: 'false_positive', reason: 'checked', by: 'test', at: report.generatedAt };
    expect(holder(report, id).findings.map((f) => f.id)).not.toContain(weak.id);
  });

  it('makes a fleet one row: the vendor\'s service named, its installs counted by vendor rather than listed', () => {
    const report = sampleFleetAuditReport();
    const rows = lawEnforcementView(report).holders.filter((h) => h.name.startsWith('ScribeWell AI'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'ScribeWell AI (service and 4 installs)', systems: ['scribe'], fleet: { vendor: 'ScribeWell AI', installs: 4 }, posture: 'any_legal_request' });
  });

  it('says when the contract stating the posture binds the holder through another\'s (flow-down) or has expired', () => {
    const report = sampleAuditReport();
    const ehr = report.systems.find((s) => s.id === 'ehr')!;
    const payer = report.systems.find((s) => s.id === 'payer')!;
    // Bound through the EHR's flow-down, and holding only what the EHR sends it (the contract covers that alone).
    const fedOnlyBy = (r: AuditReport, sender: string) => {
      const p = r.systems.find((s) => s.id === 'payer')!;
      p.holds = [];
      r.flows = [...r.flows.filter((f) => f.to !== 'payer'), { id: `${sender}->payer`, from: sender, to: 'payer', data: ['claims'], transport: 'https', legalBasis: 'baa', evidence: [] }];
    };
    fedOnlyBy(report, 'ehr');
    payer.contracts = [{ ...ehr.contracts[0], via: { system: 'ehr', relation: 'flowdown' } }];
    expect(holder(report, 'payer')).toMatchObject({ posture: 'legal_process_with_notice', via: { system: 'ehr', name: 'Cedar EHR' } });
    expect(holder(report, 'ehr').via).toBeUndefined();
    // Bound through a fleet install's contract: the vendor's, named as the vendor.
    const fleet = sampleFleetAuditReport();
    fedOnlyBy(fleet, 'scribe-install-a17');
    fleet.systems.find((s) => s.id === 'payer')!.contracts = [{ ...ehr.contracts[0], via: { system: 'scribe-install-a17', relation: 'flowdown' } }];
    expect(holder(fleet, 'payer').via).toEqual({ system: 'scribe-install-a17', name: 'ScribeWell AI' });
    ehr.contracts[0].expires = '2020-06-30';
    expect(holder(report, 'ehr').expired).toBe('2020-06-30');
    // A lapsed contract's notice promise binds nobody: who decides is unknown again (its clause is still quoted).
    expect(holder(report, 'ehr')).toMatchObject({ posture: 'legal_process_with_notice', release: 'unknown', quote: { file: ehr.contracts[0].file } });
    ehr.contracts[0].expires = '2999-01-01';
    expect(holder(report, 'ehr').expired).toBeUndefined();
    expect(holder(report, 'ehr').release).toBe('notice');
  });

  describe('a contract held through a sender\'s flow-down covers that sender\'s data only', () => {
    it('lists each part of the holder\'s data with who decides on it; the holder reads as its weakest part', () => {
      const report = routedReport();
      const clause = report.systems.find((s) => s.id === 'ehr')!.contracts[0]!.facts.law_enforcement_disclosure!.evidence[0]!.quote;
      const host = holder(report, 'host');
      expect(host).toMatchObject({ posture: 'no_contract', release: 'unknown' });
      expect(host.quote).toBeUndefined();
      expect(host.via).toBeUndefined();
      expect(host.routes).toEqual([
        { senders: ['Cedar EHR'], via: { system: 'ehr', name: 'Cedar EHR' }, held: expect.any(Array), sensitive: expect.any(Array),
          posture: 'legal_process_with_notice', postureText: POSTURE_TEXT.legal_process_with_notice.posture, release: 'notice', quote: expect.objectContaining({ text: clause }) },
        { senders: ['ScribeWell AI'], held: ['session_recording'], sensitive: ['session_recording'], posture: 'no_contract', postureText: POSTURE_TEXT.no_contract.posture, release: 'unknown' },
      ]);
      expect(host.routes![0]!.held).toEqual(expect.arrayContaining(['progress_notes', 'diagnosis']));
    });

    it('reads the holder\'s own terms for the other sender\'s data', () => {
      expect(holder(routedReport({ ownTerms: true }), 'host').routes!.map((r) => r.posture)).toEqual(['legal_process_with_notice', 'unspecified']);
    });

    it('keeps a holder bound only by the flow-down sender\'s data on that contract, and one with no inherited contract as before', () => {
      const report = routedReport();
      report.flows = report.flows.filter((f) => f.id !== 'scribe->host');
      const host = holder(report, 'host');
      expect(host).toMatchObject({ posture: 'legal_process_with_notice', release: 'notice' });
      expect(host.routes).toHaveLength(1);
      expect(holder(report, 'ehr').routes).toBeUndefined();
    });

    it('says the same in the reports, and does not list the holder among those with no contract at all', () => {
      const text = renderMarkdown(routedReport());
      const row = text.split('\n').find((l) => l.includes('**Stratus Hosting**'))!;
      expect(row).toContain('Data from Cedar EHR (bound by Cedar EHR\'s contract, flowed down)');
      expect(row).toContain('Data from ScribeWell AI: No contract on file');
      expect(text.split('\n').find((l) => l.startsWith(`**${POSTURE_TEXT.no_contract.posture}**`)) ?? '').not.toContain('Stratus Hosting');
      expect(renderHtml(routedReport())).toContain('<b>Data from ScribeWell AI</b>: No contract on file');
    });
  });
});
