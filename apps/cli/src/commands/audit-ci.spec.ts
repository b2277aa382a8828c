/**
 * `custody audit` as a CI gate on the bundled example practice: SARIF that the official schema and GitHub's
 * ingestion rules accept, with every location resolvable to a line of a real file; triage from
 * custody-triage.yaml; a gate that fails only on findings a baseline does not have.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuditReport } from '@custody/domain';
import { auditFiles } from '@custody/audit';
import { FINDING_FINGERPRINT, githubIngestionProblems, parseSarifBaseline, renderSarif } from '@custody/reports';
import { sarifSchemaErrors } from '../../../../test/support/sarif-schema.js';
import { findTriageFile, gateHits, loadTriage, sarifOptionsFor, staleDecisions } from './audit-ci.js';

const REPO = resolve(import.meta.dirname, '../../../..');
const EXAMPLE = join(REPO, 'examples/harborview-counseling');
type Obj = Record<string, any>;

describe('custody audit as a CI gate (example practice)', () => {
  let report: AuditReport;
  let log: Obj;
  let dir: string;

  beforeAll(async () => {
    report = await auditFiles([EXAMPLE], { now: new Date('2026-11-01T00:00:00Z') });
    log = JSON.parse(renderSarif(report, sarifOptionsFor([EXAMPLE], { srcRoot: REPO })));
    dir = mkdtempSync(join(tmpdir(), 'custody-triage-'));
    cpSync(EXAMPLE, dir, { recursive: true });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes SARIF valid against the SARIF 2.1.0 schema and GitHub ingestion rules', () => {
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubIngestionProblems(log)).toEqual([]);
  });

  it('locates every result at a line of a file that exists under SRCROOT', () => {
    const root = fileURLToPath(log.runs[0].originalUriBaseIds.SRCROOT.uri);
    expect(resolve(root)).toBe(REPO);
    let locatedQuotes = 0;
    for (const r of log.runs[0].results) {
      for (const l of r.locations) {
        const { artifactLocation, region } = l.physicalLocation;
        expect(artifactLocation.uri).toMatch(/^examples\/harborview-counseling\//);
        const file = join(root, decodeURIComponent(artifactLocation.uri));
        expect(existsSync(file)).toBe(true);
        const lines = readFileSync(file, 'utf8').split('\n');
        expect(region.startLine).toBeLessThanOrEqual(lines.length);
        // Contract quotes (the Markdown contracts): every one is found in the source, and the line found
        // starts the quote (its first word is on that line), rather than falling back to line 1.
        if (artifactLocation.uri.endsWith('.md')) {
          expect(region.charOffset).toBeDefined();
          const firstWord = region.snippet.text.trim().split(/\s+/)[0];
          expect(lines[region.startLine - 1]).toContain(firstWord);
          locatedQuotes++;
        }
      }
    }
    expect(locatedQuotes).toBeGreaterThan(10);
  });

  it('refuses evidence outside --src-root with the reason', () => {
    const opts = sarifOptionsFor([EXAMPLE], { srcRoot: join(REPO, 'libs') });
    expect(() => opts.artifactPath!('custody.yaml')).toThrow(/outside --src-root/);
    expect(() => sarifOptionsFor([EXAMPLE], { srcRoot: join(REPO, 'no-such-dir') })).toThrow(/not a folder/);
  });

  it('applies custody-triage.yaml beside custody.yaml: mitigated and false positives leave the score, accepted stays', async () => {
    const [a, b, c] = [...report.findings].sort((x, y) => y.contribution - x.contribution);
    writeFileSync(join(dir, 'custody-triage.yaml'), [
      '# decisions on findings, reviewed in pull requests',
      'triage:',
      `  - finding: "${a.id}"`, '    status: mitigated', '    reason: vendor signed the amended BAA', '    by: jane@harborview.example',
      `  - finding: "${b.id}"`, '    status: accepted', '    reason: no alternative vendor this year', '    by: jane@harborview.example', '    at: 2026-10-30',
      `  - finding: "${c.id}"`, '    status: false_positive', '    reason: the flow is disabled', '    by: sam@harborview.example',
      '  - finding: "old-rule@system:gone"', '    status: mitigated', '    reason: fixed', '    by: sam',
    ].join('\n'));
    const file = findTriageFile([dir]);
    expect(file).toBe(join(dir, 'custody-triage.yaml'));
    const triage = loadTriage(file!);
    const triaged = await auditFiles([dir], { now: new Date('2026-11-01T00:00:00Z'), triage });
    const byId = new Map(triaged.findings.map((f) => [f.id, f]));
    expect(byId.get(a.id)!.triage).toMatchObject({ status: 'mitigated', by: 'jane@harborview.example' });
    expect(byId.get(a.id)!.contribution).toBe(0);
    expect(byId.get(c.id)!.contribution).toBe(0);
    expect(byId.get(b.id)!.triage).toMatchObject({ status: 'accepted', at: '2026-10-30' });
    expect(byId.get(b.id)!.contribution).toBeGreaterThan(0);
    expect(triaged.score.total).toBeLessThan(report.score.total);
    // The triage file is input, not evidence: it is not audited as a config.
    expect(triaged.documents.map((d) => d.file)).not.toContain('custody-triage.yaml');
    expect(staleDecisions(triage, triaged.findings)).toEqual(['old-rule@system:gone']);
    // Triaged findings do not fail the gate; the accepted one is a decision too.
    const hits = gateHits(triaged.findings, { failOn: 'info' });
    expect(hits.map((f) => f.id)).not.toEqual(expect.arrayContaining([a.id]));
    expect(hits.some((f) => f.id === b.id || f.id === c.id)).toBe(false);
  }, 120_000);

  it('--fail-on-new fails only on findings the baseline does not have', () => {
    const baseline = parseSarifBaseline(JSON.stringify(log));
    expect(gateHits(report.findings, { failOn: 'high', baseline, newOnly: true })).toEqual([]);
    expect(gateHits(report.findings, { failOn: 'high', baseline }).length).toBeGreaterThan(0);
    const older = structuredClone(log);
    const dropped = older.runs[0].results.find((r: Obj) => r.level === 'error');
    older.runs[0].results = older.runs[0].results.filter((r: Obj) => r !== dropped);
    const hits = gateHits(report.findings, { failOn: 'high', baseline: parseSarifBaseline(JSON.stringify(older)), newOnly: true });
    expect(hits.map((f) => f.id)).toEqual([dropped.partialFingerprints[FINDING_FINGERPRINT]]);
    expect(() => gateHits(report.findings, { failOn: 'high', newOnly: true })).toThrow(/needs --baseline/);
  });
});
