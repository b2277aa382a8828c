import { sampleAuditReport } from '../../../../test/fixtures/reports/sample-audit-report.js';
import { sarifSchemaErrors } from '../../../../test/support/sarif-schema.js';
import { githubIngestionProblems } from './github-ingestion.js';
import { renderSarif, sarifLevel } from './render-sarif.js';
import { FINDING_FINGERPRINT, parseSarifBaseline } from './sarif-baseline.js';

type Obj = Record<string, any>;
const render = (...args: Parameters<typeof renderSarif>): Obj => JSON.parse(renderSarif(...args));

/** A stand-in source for the sample's PDF BAA: the quotes at other offsets and lines, as in a real file. */
function sourceOf(report: ReturnType<typeof sampleAuditReport>) {
  const quotes = [...new Set(report.findings.flatMap((f) => f.evidence).filter((e) => e.file === 'docs/scribewell-baa.pdf' && e.start !== undefined).map((e) => e.quote))];
  const text = ['# ScribeWell BAA', '', ...quotes.flatMap((q, i) => [`## ${i + 1}. Clause`, '', q, ''])].join('\n');
  return (file: string) => (file === 'docs/scribewell-baa.pdf' ? text : undefined);
}

describe('renderSarif', () => {
  const report = sampleAuditReport();
  const log = render(report, { srcRoot: 'file:///repo/', sourceText: sourceOf(report) });
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
    // The validator can fail: a level outside the enum is caught.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(sarifSchemaErrors(broken).join('\n')).toMatch(/results\/0\/level/);
  });

  it('meets GitHub code scanning ingestion rules: startLine, resolvable URI, known ruleId, limits', () => {
    expect(githubIngestionProblems(log)).toEqual([]);
    for (const r of run.results) {
      expect(r.locations.length).toBeGreaterThan(0);
      for (const l of r.locations) {
        expect(l.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
        expect(l.physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
      }
    }
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///repo/' } });
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].locations[0].physicalLocation.region.startLine;
    broken.runs[0].results[1].ruleId = 'no-such-rule';
    expect(githubIngestionProblems(broken)).toEqual([
      expect.stringMatching(/result 0 .*without region.startLine/),
      expect.stringMatching(/result 1 \(no-such-rule\): ruleId not in tool.driver.rules/),
      expect.stringMatching(/result 1 .*ruleIndex/),
    ]);
  });

  it('has one rule per ruleId and one result per finding, each pointing at its rule', () => {
    expect(run.tool.driver.rules.map((r: Obj) => r.id)).toEqual([...new Set(report.findings.map((f) => f.ruleId))].sort());
    expect(run.results).toHaveLength(report.findings.length);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('describes rules with remediation, kind and citations as tags', () => {
    const rule = run.tool.driver.rules.find((r: Obj) => r.id === 'baa-chain-break');
    expect(rule.name).toBe('BaaChainBreak');
    expect(rule.help.text).toBe(report.findings[0].remediation);
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['baa_chain_break', '45 CFR 164.504(e)(2)(ii)(D)', '45 CFR 164.502(e)']));
    expect(rule.defaultConfiguration.level).toBe('error');
  });

  it('maps severities to levels: error only for high and critical', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual(['error', 'error', 'warning', 'note', 'note']);
    for (const r of run.results) {
      const f = report.findings.find((x) => x.id === r.partialFingerprints[FINDING_FINGERPRINT])!;
      expect(r.level).toBe(sarifLevel(f.severity));
    }
  });

  it('fingerprints results with the stable finding id, identical across renders', () => {
    expect(run.results.map((r: Obj) => r.partialFingerprints[FINDING_FINGERPRINT])).toEqual(report.findings.map((f) => f.id));
    const again = render(sampleAuditReport(), { srcRoot: 'file:///elsewhere/' });
    expect(again.runs[0].results.map((r: Obj) => r.partialFingerprints)).toEqual(run.results.map((r: Obj) => r.partialFingerprints));
  });

  it('keeps config lines, and maps contract character offsets to the line of the quote in the source', () => {
    const tracking = run.results.find((r: Obj) => r.ruleId === 'tracking-technology');
    expect(tracking.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'portal/index.html', uriBaseId: 'SRCROOT' }, region: { startLine: 42 } });
    const training = report.findings.find((f) => f.ruleId === 'ai-training')!;
    const text = sourceOf(report)('docs/scribewell-baa.pdf')!;
    const at = text.indexOf(training.evidence[0].quote);
    const expectedLine = text.slice(0, at).split('\n').length;
    const r = run.results.find((x: Obj) => x.ruleId === 'ai-training');
    expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: expectedLine, startColumn: 1, charOffset: at, charLength: training.evidence[0].quote.length });
    expect(expectedLine).toBeGreaterThan(1);
  });

  it('falls back to line 1 with the extracted-text offsets when the source is not given', () => {
    const plain = render(report);
    const r = plain.runs[0].results.find((x: Obj) => x.ruleId === 'ai-training');
    const ev = report.findings.find((f) => f.ruleId === 'ai-training')!.evidence[0];
    expect(r.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, properties: { extractedText: { start: ev.start, end: ev.end } } });
    expect(githubIngestionProblems(plain)).toEqual([]);
    expect(sarifSchemaErrors(plain)).toEqual([]);
  });

  it('rewrites artifact paths relative to SRCROOT', () => {
    const out = render(report, { srcRoot: 'file:///repo/', artifactPath: (f) => `practices/harborview/${f}` });
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^practices\/harborview\//);
  });

  it('records triage as an external suppression and rule errors as a failed invocation', () => {
    const r = sampleAuditReport();
    r.ruleErrors = [{ ruleId: 'aggregation-hub', message: 'boom' }];
    const out = render(r).runs[0];
    expect(out.invocations[0].executionSuccessful).toBe(false);
    const accepted = out.results.find((x: Obj) => x.ruleId === 'minimum-necessary');
    expect(accepted.suppressions).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted' })]);
  });

  it('marks results new, unchanged or absent against a baseline', () => {
    const before = sampleAuditReport();
    const gone = before.findings[0];
    const now = sampleAuditReport();
    now.findings = now.findings.slice(1);
    const added = { ...now.findings[0], id: `${now.findings[0].ruleId}@system:new-vendor`, subject: 'system:new-vendor' };
    now.findings.push(added);
    const baseline = parseSarifBaseline(renderSarif(before));
    const out = render(now, { baseline });
    const state = (id: string) => out.runs[0].results.find((x: Obj) => x.partialFingerprints[FINDING_FINGERPRINT] === id)?.baselineState;
    expect(state(added.id)).toBe('new');
    expect(state(now.findings[0].id)).toBe('unchanged');
    expect(state(gone.id)).toBe('absent');
    expect(out.runs[0].results.filter((x: Obj) => x.baselineState === 'new')).toHaveLength(1);
    expect(sarifSchemaErrors(out)).toEqual([]);
    expect(githubIngestionProblems(out)).toEqual([]);
    // A baseline that is itself diffed: its absent results are not carried into the next baseline.
    expect(parseSarifBaseline(renderSarif(now, { baseline })).ids.has(gone.id)).toBe(false);
  });

  it('refuses a baseline that is not a Custody SARIF log, saying why', () => {
    expect(() => parseSarifBaseline('{', 'old.sarif')).toThrow(/old.sarif: not JSON/);
    expect(() => parseSarifBaseline('{"version":"2.0.0","runs":[]}')).toThrow(/not a SARIF 2.1.0 log/);
    expect(() => parseSarifBaseline(JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ESLint' } }, results: [] }] }))).toThrow(/written by ESLint/);
  });
});
