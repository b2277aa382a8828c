import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditFiles } from '@custody/audit';
import { diffAudits, type AuditReport, type Finding } from '@custody/domain';
import { ndjsonChunks, renderReport, type TextReportFormat } from '@custody/reports';
import { PACK_NOW, PACKS_DIR, packNames } from '../support/practice-packs.js';

/**
 * Findings share lists (issue 11, memory): one categories list per set of categories, for the life of the
 * process, and one citations list per rule and run (libs/rules finding-parts.ts, runner.ts). The shared lists
 * are frozen, so a consumer that wrote to one finding's list in place would throw here rather than silently
 * edit every finding holding it. This audits the example and every practice pack and puts each report through
 * everything that reads findings after the run (every text format, NDJSON, the report diff, a second audit in
 * the same process reusing the lists): all must run, and the lists must still read as they did.
 */
const cases = [
  { name: 'example harborview-counseling', paths: [resolve('examples/harborview-counseling')], now: new Date('2026-06-01T00:00:00Z') },
  ...packNames().map((p) => ({ name: `pack ${p}`, paths: readdirSync(join(PACKS_DIR, p)).filter((f) => f !== 'expected.yaml').map((f) => join(PACKS_DIR, p, f)), now: PACK_NOW })),
];
const FORMATS: TextReportFormat[] = ['md', 'json', 'html', 'csv', 'sarif'];

// Instances carry neither list: the finding that groups them holds one of each.
const lists = (r: AuditReport) => JSON.stringify(r.findings.map((f) => [f.id, f.categories, f.citations]));
const heldByAnother = (findings: readonly Finding[], list: (f: Finding) => unknown) =>
  findings.filter((f) => findings.some((g) => g !== f && list(g) === list(f)));

describe('findings share frozen category and citation lists', () => {
  it.each(cases)('$name: shared lists are frozen, and rendering, diffing and a second audit leave them as they were', async ({ paths, now }) => {
    const report = await auditFiles(paths, { now });
    const findings = report.findings;
    // Every list held by two findings is frozen (the example's are shown shared below; a pack may raise none).
    const holders = new Map<unknown, number>();
    for (const f of findings) for (const l of [f.categories, f.citations]) holders.set(l, (holders.get(l) ?? 0) + 1);
    const shared = [...holders].filter(([, n]) => n > 1).map(([l]) => l);
    for (const l of shared) expect(Object.isFrozen(l)).toBe(true);

    const before = lists(report);
    for (const format of FORMATS) expect(renderReport(report, format).length).toBeGreaterThan(0);
    expect([...ndjsonChunks(report)].length).toBeGreaterThan(0);
    const again = await auditFiles(paths, { now });
    const diff = diffAudits(report, again);
    expect([diff.score.delta, diff.appeared, diff.disappeared, diff.changed]).toEqual([0, [], [], []]);
    expect(lists(again)).toBe(before);
    expect(lists(report)).toBe(before);
  });

  it('a finding-level write to a shared list throws instead of editing the other findings', async () => {
    const report = await auditFiles([resolve('examples/harborview-counseling')], { now: new Date('2026-06-01T00:00:00Z') });
    const [a] = heldByAnother(report.findings, (f) => f.categories);
    const b = report.findings.find((g) => g !== a && g.categories === a!.categories);
    const before = [...b!.categories];
    expect(heldByAnother(report.findings, (f) => f.citations).length).toBeGreaterThan(1);
    expect(() => a!.categories.push('contact')).toThrow(TypeError);
    expect(() => a!.categories.reverse()).toThrow(TypeError);
    expect(b!.categories).toEqual(before);
  });
});
