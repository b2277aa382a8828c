import { compareByImpact, findingKey, pageById, pageFindings, pageInstances, type Finding, type FindingInstance, type FindingsFilter } from '@custody/domain';
import { findingsPageSql } from '@custody/persistence';
import { persistenceForFile } from '../support/database.js';
import { readModelsQuoting } from '../support/sealed-at-rest.js';

/**
 * GET /findings?limit= is answered by one keyset query per page (ProjectionRepository.findingsPage), not by
 * opening every stored finding and paging in memory. It must page exactly as the in-memory paging does: same
 * order, same totals, same cursors, resolved findings only when asked for.
 */
describe(`stored findings paged in the database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();

  it('walks every finding once in id order, with the in-memory paging\'s totals, and resolved ones only when asked', async () => {
    const { workspace } = await p.workspaces.ensure('Paged Findings Practice');
    const { workspace: other } = await p.workspaces.ensure('Other Practice');
    const m = readModelsQuoting('paged');
    const template = m.findings[0]!;
    // Ids whose byte order differs from a locale's order (case, punctuation), as rule@system ids do.
    const ids = ['b@system:x', 'B@system:x', 'a-1@system:y', 'a_1@system:y', 'a@system:Z', 'z@system:a', 'm@system:m'];
    const findings = ids.map((id) => ({ ...template, id }) as Finding);
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings }, { lens: 'default', evaluatedAt: new Date() });
    await p.projections.saveScoring(other.id, 1, { ...m, findings: [{ ...template, id: 'a@system:other' } as Finding] }, { lens: 'default', evaluatedAt: new Date() });
    // A second run without two of them resolves those two.
    await p.projections.saveScoring(workspace.id, 2, { ...m, findings: findings.slice(2) }, { lens: 'default', evaluatedAt: new Date() });

    for (const includeResolved of [false, true]) {
      const all = await p.projections.findings(workspace.id, includeResolved);
      expect(all).toHaveLength(includeResolved ? 7 : 5);
      let after: string | undefined;
      const walked: string[] = [];
      for (;;) {
        const page = await p.projections.findingsPage(workspace.id, includeResolved, { limit: 2, after });
        const expected = pageById(all, { limit: 2, cursor: after === undefined ? undefined : Buffer.from(after).toString('base64url') });
        expect(page.total).toBe(expected.total);
        expect(page.items).toEqual(expected.items);
        expect(page.more).toBe(expected.nextCursor !== undefined);
        walked.push(...page.items.map((f) => f.id));
        if (!page.more) break;
        after = page.items[page.items.length - 1]!.id;
      }
      expect(walked).toEqual(all.map((f) => f.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const resolved = (await p.projections.findingsPage(workspace.id, true, { limit: 10 })).items.filter((f) => f.resolvedAt);
    expect(resolved.map((f) => f.id).sort()).toEqual(['B@system:x', 'b@system:x']);
    // The finding opens from its sealed row with its evidence, as the full list reads it.
    expect((await p.projections.findingsPage(workspace.id, false, { limit: 1 })).items[0]).toMatchObject({ evidence: template.evidence, firstSeenAt: expect.any(String) });
  }, 60_000);

  it('answers past the last finding, and for a workspace with none, with an empty page and the total', async () => {
    const { workspace } = await p.workspaces.ensure('Paged Findings Practice');
    expect(await p.projections.findingsPage(workspace.id, false, { limit: 3, after: '~' })).toEqual({ items: [], total: 5, more: false });
    const { workspace: empty } = await p.workspaces.ensure('No Findings Practice');
    expect(await p.projections.findingsPage(empty.id, true, { limit: 3 })).toEqual({ items: [], total: 0, more: false });
  }, 60_000);

  it('pages worst first and by severity or kind exactly as the in-memory paging does (the dashboard\'s list)', async () => {
    const { workspace } = await p.workspaces.ensure('Ordered Findings Practice');
    const m = readModelsQuoting('ordered');
    const severities = ['low', 'critical', 'high', 'info', 'medium', 'high', 'critical'] as const;
    const kinds = ['ai_training', 'missing_baa'] as const;
    // Points that tie and that do not (0.1 + 0.2 is not 0.3 in floating point: a cursor must carry it exactly).
    const points = [0.3, 0.1 + 0.2, 1.56, 0.3, 0, 2];
    const findings = severities.flatMap((severity, i) => kinds.map((kind, k) => ({ ...m.findings[0]!, id: `${kind}-${i}@system:${k ? 'B' : 'a'}`, severity, kind, contribution: points[(i + k) % points.length]! }) as Finding));
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings }, { lens: 'default', evaluatedAt: new Date() });
    const all = await p.projections.findings(workspace.id, false);
    const filters: FindingsFilter[] = [{ order: 'severity' }, { order: 'severity', severity: 'high' }, { order: 'id', kind: 'missing_baa' }, { order: 'severity', severity: 'critical', kind: 'ai_training' }, { order: 'severity', severity: 'medium', kind: 'missing_baa' }];
    for (const filter of filters) {
      let after: string | undefined;
      const walked: string[] = [];
      for (;;) {
        const page = await p.projections.findingsPage(workspace.id, false, { limit: 3, after, filter });
        const expected = pageFindings(all, { limit: 3, cursor: after === undefined ? undefined : Buffer.from(after).toString('base64url') }, filter);
        expect(page.total).toBe(expected.total);
        expect(page.items).toEqual(expected.items);
        expect(page.more).toBe(expected.nextCursor !== undefined);
        walked.push(...page.items.map((f) => f.id));
        if (!page.more) break;
        after = findingKey(page.items[page.items.length - 1]!, filter.order);
      }
      const wanted = findings.filter((f) => (!filter.severity || f.severity === filter.severity) && (!filter.kind || f.kind === filter.kind));
      expect(walked.sort()).toEqual(wanted.map((f) => f.id).sort());
    }
    // Worst first, then the most points (as a report ranks them): the first page of the whole list holds the critical findings.
    const first = await p.projections.findingsPage(workspace.id, false, { limit: 4, filter: { order: 'severity' } });
    expect(first.items.map((f) => f.severity)).toEqual(['critical', 'critical', 'critical', 'critical']);
    expect(first.items.map((f) => f.id)).toEqual(findings.filter((f) => f.severity === 'critical').sort(compareByImpact).map((f) => f.id));
    expect(first.items[0]!.contribution).toBe(1.56);
    expect(first.total).toBe(findings.length);
  }, 60_000);

  it('with instances=N carries each finding\'s first N instances and their count, and pages one finding\'s instances', async () => {
    const { workspace } = await p.workspaces.ensure('Grouped Findings Practice');
    const m = readModelsQuoting('grouped');
    const installs: FindingInstance[] = Array.from({ length: 12 }, (_, i) => ({
      subject: `system:install-${String(i).padStart(2, '0')}`, system: `system:install-${String(i).padStart(2, '0')}`, severity: 'high', evidence: [{ quote: `install ${i} sends notes`, file: 'fleet.csv' }],
    }) as FindingInstance);
    const grouped = { ...m.findings[0]!, id: 'fleet@vendor:scribe', instances: installs } as Finding;
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings: [grouped, m.findings[1]!] }, { lens: 'default', evaluatedAt: new Date() });

    const whole = await p.projections.findingsPage(workspace.id, false, { limit: 10 });
    const cut = await p.projections.findingsPage(workspace.id, false, { limit: 10, instances: 3 });
    // Without the parameter the page is as before: every instance, no count.
    expect(whole.items.find((f) => f.id === grouped.id)).not.toHaveProperty('instanceCount');
    expect(whole.items.find((f) => f.id === grouped.id)!.instances).toEqual(installs);
    expect(cut.total).toBe(whole.total);
    expect(cut.items.map((f) => f.id)).toEqual(whole.items.map((f) => f.id));
    expect(cut.items.find((f) => f.id === grouped.id)).toMatchObject({ instances: installs.slice(0, 3), instanceCount: 12, evidence: m.findings[0]!.evidence });
    expect(cut.items.find((f) => f.id !== grouped.id)).toMatchObject({ instanceCount: 0 });
    expect((await p.projections.findingsPage(workspace.id, false, { limit: 10, instances: 0 })).items.find((f) => f.id === grouped.id)!.instances).toEqual([]);

    // One finding read by id pages all its instances, sealed at rest as the list reads them.
    const one = await p.projections.finding(workspace.id, grouped.id);
    expect(one).toMatchObject({ id: grouped.id, instances: installs, firstSeenAt: expect.any(String) });
    const walked: FindingInstance[] = [];
    let cursor: string | undefined;
    do {
      const page = pageInstances(one!, { limit: 5, cursor });
      expect(page.total).toBe(12);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(installs);
    expect(await p.projections.finding(workspace.id, 'no@such')).toBeUndefined();
    const { workspace: other } = await p.workspaces.ensure('Other Practice');
    expect(await p.projections.finding(other.id, grouped.id)).toBeUndefined();
  }, 60_000);

  it('opens a stored head, not the whole sealed finding, when a page asks for few of many instances', async () => {
    const { workspace } = await p.workspaces.ensure('Wide Fleet Practice');
    const m = readModelsQuoting('wide');
    const installs = Array.from({ length: 250 }, (_, i) => ({
      subject: `system:install-${String(i).padStart(3, '0')}`, system: `system:install-${String(i).padStart(3, '0')}`, severity: 'high', evidence: [{ quote: `install ${i} keeps audio`, file: 'fleet.csv' }],
    }) as FindingInstance);
    const wide = { ...m.findings[0]!, id: 'wide@vendor:scribe', instances: installs } as Finding;
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings: [wide, m.findings[1]!] }, { lens: 'default', evaluatedAt: new Date() });
    const [row] = await p.dataSource.query(`SELECT octet_length(head_sealed) AS head, octet_length(data_sealed) AS whole FROM finding WHERE workspace_id = $1 AND id = $2`, [workspace.id, wide.id]);
    expect(Number(row.head)).toBeGreaterThan(0);
    expect(Number(row.head)).toBeLessThan(Number(row.whole) / 2);
    // A finding with few instances stores no head.
    const [small] = await p.dataSource.query(`SELECT head_sealed FROM finding WHERE workspace_id = $1 AND id = $2`, [workspace.id, m.findings[1]!.id]);
    expect(small.head_sealed).toBeNull();

    const expected = { instances: installs.slice(0, 7), instanceCount: 250, evidence: m.findings[0]!.evidence, firstSeenAt: expect.any(String) };
    const fromHead = (await p.projections.findingsPage(workspace.id, false, { limit: 5, instances: 7 })).items.find((f) => f.id === wide.id);
    expect(fromHead).toMatchObject(expected);
    // Rows stored before the head existed (NULL) are opened whole and cut the same way.
    await p.dataSource.query(`UPDATE finding SET head_sealed = NULL WHERE workspace_id = $1`, [workspace.id]);
    expect((await p.projections.findingsPage(workspace.id, false, { limit: 5, instances: 7 })).items.find((f) => f.id === wide.id)).toEqual(fromHead);
    // Without the parameter, every instance as before.
    expect((await p.projections.findingsPage(workspace.id, false, { limit: 5 })).items.find((f) => f.id === wide.id)!.instances).toEqual(installs);
  }, 60_000);

  it('reads a page of a large workspace through the byte-order index instead of sorting every finding', async () => {
    const { workspace } = await p.workspaces.ensure('Large Fleet Practice');
    const m = readModelsQuoting('large');
    const findings = Array.from({ length: 3000 }, (_, i) => ({ ...m.findings[0]!, id: `rule-${i % 7}@system:install-${i}` }) as Finding);
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings }, { lens: 'default', evaluatedAt: new Date() });
    // The statement the API runs, with and without the instance head, planned as it runs.
    for (const withHead of [false, true]) {
      const [plan] = await p.dataSource.query(`EXPLAIN (FORMAT JSON) ${findingsPageSql(false, withHead)}`, [workspace.id, 'rule-3', 51]);
      expect({ withHead, usesIndex: JSON.stringify(plan).includes('ix_finding_workspace_id_c') }).toEqual({ withHead, usesIndex: true });
    }
    const page = await p.projections.findingsPage(workspace.id, false, { limit: 50, after: 'rule-3' });
    expect(page.total).toBe(3000);
    expect(page.items[0]!.id).toBe([...findings.map((f) => f.id)].sort().find((id) => id > 'rule-3'));
  }, 120_000);
});
