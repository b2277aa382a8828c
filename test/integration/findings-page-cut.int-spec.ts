import { jest } from '@jest/globals';
import { DEFAULT_PAGE_INSTANCES, PAGE_EVIDENCE, PAGE_SYSTEMS, type Finding, type FindingInstance } from '@custody/domain';
import { ProjectionInputCache } from '@custody/audit';
import type { Runtime } from '@custody/pipeline';
import { AuditService } from '../../apps/api/src/services/audit.service.js';
import { FindingsPageTexts } from '../../apps/api/src/services/findings-page-text.js';
import { persistenceForFile } from '../support/database.js';
import { readModelsQuoting } from '../support/sealed-at-rest.js';

/**
 * A page of findings (GET /findings?limit=) lists each finding cut: its first instances (10 unless
 * instances=N says), systems and evidence, with how many of each it has. A fleet's grouped finding has an
 * instance per install, and an ungrouped one on its vendor is charged to every install and quotes every
 * install's row: listed whole, one page of 50 was ~30 MB. The whole finding stays on its own routes.
 */
describe(`a page of findings lists each finding cut (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const p = persistenceForFile();
  // The service as the read thread builds it: findings reads need only the persistence.
  const audits = () => new AuditService(p, {} as Runtime, new ProjectionInputCache());

  async function fleet(name: string, sizes: { instances: number; systems: number; evidence: number }) {
    const { workspace } = await p.workspaces.ensure(name);
    const m = readModelsQuoting(name);
    const pad = (i: number) => String(i).padStart(4, '0');
    const instances = Array.from({ length: sizes.instances }, (_, i) => ({
      subject: `system:install-${pad(i)}`, system: `system:install-${pad(i)}`, severity: 'high', evidence: [{ quote: `install ${i} keeps audio`, file: 'fleet.csv' }],
    }) as FindingInstance);
    // Charged in an order that is not the id order: the page keeps the finding's own order, the route sorts.
    const systems = Array.from({ length: sizes.systems }, (_, i) => `system:install-${pad(sizes.systems - 1 - i)}`);
    const evidence = Array.from({ length: sizes.evidence }, (_, i) => ({ quote: `row ${i + 2}: install-${pad(i)},scribe,on`, file: 'fleet.csv', line: i + 2 }));
    const grouped = { ...m.findings[0]!, id: 'grouped@vendor:scribe', instances } as Finding;
    const wide = { ...m.findings[1]!, id: 'wide@vendor:scribe', systems, evidence } as Finding;
    await p.projections.saveScoring(workspace.id, 1, { ...m, findings: [grouped, wide] }, { lens: 'default', evaluatedAt: new Date() });
    return { ws: workspace.id, grouped, wide, instances, systems, evidence };
  }

  it('cuts instances to 10 by default, systems and evidence to 10, with the counts of all', async () => {
    const f = await fleet('Cut Page Practice', { instances: 40, systems: 30, evidence: 35 });
    const page = await audits().findingsPage(f.ws, false, { limit: '50' });
    expect(page.total).toBe(2);
    const grouped = page.items.find((x) => x.id === f.grouped.id)!;
    expect(grouped).toMatchObject({ instances: f.instances.slice(0, DEFAULT_PAGE_INSTANCES), instanceCount: 40 });
    const wide = page.items.find((x) => x.id === f.wide.id)!;
    expect(wide).toMatchObject({ systems: f.systems.slice(0, PAGE_SYSTEMS), systemCount: 30, evidence: f.evidence.slice(0, PAGE_EVIDENCE), evidenceCount: 35, instanceCount: 0 });
    // instances=N still chooses how many instances; systems and evidence are cut all the same.
    const three = await audits().findingsPage(f.ws, false, { limit: '50', instances: '3' });
    expect(three.items.find((x) => x.id === f.grouped.id)).toMatchObject({ instances: f.instances.slice(0, 3), instanceCount: 40 });
    expect(three.items.find((x) => x.id === f.wide.id)).toMatchObject({ systemCount: 30, evidenceCount: 35, evidence: f.evidence.slice(0, PAGE_EVIDENCE) });
    // The page is a fraction of the findings listed whole.
    const whole = await p.projections.findingsPage(f.ws, false, { limit: 50 });
    expect(JSON.stringify(page).length).toBeLessThan(JSON.stringify(whole).length / 2);
  }, 60_000);

  it('serves the whole finding on its own route and pages its systems by id', async () => {
    const f = await fleet('Whole Finding Practice', { instances: 15, systems: 250, evidence: 120 });
    const one = await audits().finding(f.ws, f.wide.id, {});
    expect(one).toMatchObject({ id: f.wide.id, systems: f.systems, evidence: f.evidence, firstSeenAt: expect.any(String) });
    expect(await audits().finding(f.ws, f.grouped.id, { instances: '2' })).toMatchObject({ instances: f.instances.slice(0, 2), instanceCount: 15 });
    await expect(audits().finding(f.ws, 'no@such', {})).rejects.toMatchObject({ code: 'not_found' });

    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audits().findingSystems(f.ws, f.wide.id, { limit: '100', cursor });
      expect(page.total).toBe(250);
      expect(page.items.length).toBeLessThanOrEqual(100);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([...f.systems].sort());
    await expect(audits().findingSystems(f.ws, f.wide.id, { cursor: '!!' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(audits().findingSystems(f.ws, 'no@such', {})).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);

  it('stores a head for a finding with more evidence or systems than a page lists, and the page opens it', async () => {
    const f = await fleet('Wide Evidence Practice', { instances: 5, systems: 150, evidence: 400 });
    const [row] = await p.dataSource.query('SELECT octet_length(head_sealed) AS head, octet_length(data_sealed) AS whole FROM finding WHERE workspace_id = $1 AND id = $2', [f.ws, f.wide.id]);
    expect(Number(row.head)).toBeGreaterThan(0);
    expect(Number(row.head)).toBeLessThan(Number(row.whole) / 2);
    const fromHead = (await audits().findingsPage(f.ws, false, { limit: '50' })).items.find((x) => x.id === f.wide.id);
    // The head's counts are of the whole finding, not of the head.
    expect(fromHead).toMatchObject({ systemCount: 150, evidenceCount: 400, evidence: f.evidence.slice(0, PAGE_EVIDENCE), systems: f.systems.slice(0, PAGE_SYSTEMS) });
    await p.dataSource.query('UPDATE finding SET head_sealed = NULL WHERE workspace_id = $1', [f.ws]);
    expect((await audits().findingsPage(f.ws, false, { limit: '50' })).items.find((x) => x.id === f.wide.id)).toEqual(fromHead);
  }, 60_000);

  it('keeps a page\'s text and ETag until scoring rewrites the findings, and a read after it sees the change', async () => {
    const f = await fleet('Kept Page Practice', { instances: 12, systems: 3, evidence: 3 });
    const texts = new FindingsPageTexts(p);
    let opened = 0;
    const page = () => { opened++; return audits().builtPageText(f.ws, false, { limit: '50' }); };
    const first = await texts.text(f.ws, false, { limit: '50' }, page);
    const again = await texts.text(f.ws, false, { limit: '50' }, page);
    expect({ opened, same: again.etag === first.etag, json: again.json }).toEqual({ opened: 1, same: true, json: first.json });
    expect(JSON.parse(first.json)).toEqual(JSON.parse(JSON.stringify(await audits().findingsPage(f.ws, false, { limit: '50' }))));
    // Another query is another page.
    await texts.text(f.ws, false, { limit: '50', instances: '2' }, page);
    expect(opened).toBe(2);
    // A scoring run (here with one finding resolved) moves the mark: the next read opens the new page.
    const m = readModelsQuoting('Kept Page Practice');
    await p.projections.saveScoring(f.ws, 2, { ...m, findings: [f.grouped] }, { lens: 'default', evaluatedAt: new Date() });
    const after = await texts.text(f.ws, false, { limit: '50' }, page);
    expect(opened).toBe(3);
    expect(after.etag).not.toBe(first.etag);
    expect((JSON.parse(after.json) as { items: { id: string }[] }).items.map((x) => x.id)).toEqual([f.grouped.id]);
  }, 60_000);

  it('moves the mark for a second scoring of the same graph version in the same millisecond', async () => {
    // A re-score of one graph (a triage, another lens) on a clock that has not moved, or on a host whose clock
    // is behind, writes the same computed_at and graph version: the page must still not be served from before.
    const f = await fleet('Same Moment Practice', { instances: 12, systems: 3, evidence: 3 });
    const m = readModelsQuoting('Same Moment Practice');
    jest.useFakeTimers({ now: new Date('2026-12-04T10:00:00.000Z'), doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      await p.projections.saveScoring(f.ws, 2, { ...m, findings: [f.grouped, f.wide] }, { lens: 'default', evaluatedAt: new Date() });
      const before = await p.projections.findingsMark(f.ws);
      await p.projections.saveScoring(f.ws, 2, { ...m, findings: [f.grouped] }, { lens: 'default', evaluatedAt: new Date() });
      expect(await p.projections.findingsMark(f.ws)).not.toBe(before);
    } finally {
      jest.useRealTimers();
    }
  }, 60_000);
});
