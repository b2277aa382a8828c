import { evaluateGraph, ProjectionInputCache, projectDocuments } from '@custody/audit';
import { groupedGraph } from '@custody/graph';
import type { Persistence } from '@custody/persistence';
import type { Runtime } from '@custody/pipeline';
import { CustodyError, DEFAULT_PAGE_INSTANCES, NotFoundError } from '@custody/domain';
import { AuditService } from './audit.service.js';

/**
 * Live reads share one composition per state of the read model (its latest audit-changing event seq). The read model is a fake
 * that counts how often the documents (the expensive part: every sealed analysis) are loaded.
 */
describe('AuditService live reads', () => {
  const graph = projectDocuments([], { asOf: '2026-01-01T00:00:00.000Z', practiceName: 'Shared Reads' }).graph;
  const evaluation = evaluateGraph(graph, { now: new Date('2026-01-01T00:00:00.000Z') });
  let total = evaluation.score.total;
  let seq = 1;
  let findingLoads = 0;
  let loads = 0;
  let gate: Promise<void> = Promise.resolve();
  const db = {
    workspaces: { findById: async (id: string) => ({ id, name: 'Shared Reads' }) },
    projections: {
      score: async () => ({ score: { ...evaluation.score, total }, lens: 'default', ruleErrors: [], evaluatedAt: '2026-01-01T00:00:00.000Z', graphVersion: 1, computedAt: '2026-01-01T00:00:00.000Z' }),
      graph: async () => ({ version: 1, eventSeq: 1, graph, updatedAt: '2026-01-01T00:00:00.000Z' }),
      openFindings: async () => evaluation.findings,
      // No stored grouped view: every grouped read here is composed (the stored view: grouped-view.int-spec).
      liveView: async () => undefined,
      findings: async () => {
        findingLoads++;
        return evaluation.findings.map((f) => ({ ...f, firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-01T00:00:00.000Z' }));
      },
    },
    documents: {
      list: async () => {
        loads++;
        await gate;
        return [];
      },
    },
    events: { changeSeq: async () => seq },
  } as unknown as Persistence;
  const service = new AuditService(db, { vendors: [] } as unknown as Runtime, new ProjectionInputCache());

  it('answers concurrent reads of one workspace with one composition, and /graph elements converted once', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const reads = Array.from({ length: 10 }, () => service.report('ws-1'));
    const graphs = Array.from({ length: 10 }, () => service.cytoscape('ws-1'));
    open();
    const reports = await Promise.all(reads);
    const elements = await Promise.all(graphs);
    expect(loads).toBe(1);
    expect(new Set(reports).size).toBe(1);
    expect(new Set(elements).size).toBe(1);
    expect(reports[0].workspace).toEqual({ id: 'ws-1', name: 'Shared Reads' });
  });

  it('answers later reads of an unchanged workspace from the same composition', async () => {
    const before = loads;
    const first = await service.report('ws-1');
    const again = await service.report('ws-1');
    expect(loads).toBe(before);
    expect(again).toBe(first);
  });

  it('composes again once the workspace changed: a read after a change sees it', async () => {
    const before = loads;
    gate = Promise.resolve();
    // A change is a new scoring, which appends ExposureScored: the seq moves with it.
    total = 42.5;
    seq = 2;
    const next = await service.report('ws-1');
    expect(loads).toBe(before + 1);
    expect(next.score.total).toBe(42.5);
    // Another workspace is never answered with this one's composition.
    expect((await service.report('ws-2')).workspace.id).toBe('ws-2');
  });

  it('keeps the stored findings list until the workspace changes, per includeResolved', async () => {
    const before = findingLoads;
    const a = await service.storedFindings('ws-1', false);
    expect(await service.storedFindings('ws-1', false)).toBe(a);
    expect(findingLoads).toBe(before + 1);
    await service.storedFindings('ws-1', true);
    expect(findingLoads).toBe(before + 2);
    seq++;
    expect(await service.storedFindings('ws-1', false)).not.toBe(a);
    expect(findingLoads).toBe(before + 3);
  });

  it('builds the grouped view once per report and expansion, whatever the order of the expanded keys', async () => {
    const els = await service.cytoscape('ws-1');
    const a = await service.grouped('ws-1', new Set(['fleet:a@x', 'fleet:b@y']));
    expect(a).toEqual(groupedGraph(els, new Set(['fleet:a@x', 'fleet:b@y'])));
    expect(await service.grouped('ws-1', new Set(['fleet:b@y', 'fleet:a@x']))).toBe(a);
    const collapsed = await service.grouped('ws-1', new Set());
    expect(collapsed).not.toBe(a);
    expect(await service.grouped('ws-1', new Set())).toBe(collapsed);
    // A change brings a new report, new elements and so a new view.
    seq++;
    expect(await service.grouped('ws-1', new Set())).not.toBe(collapsed);
  });

  it('composes a read itself when the read thread dies before answering it, and passes the thread\'s own errors through', async () => {
    const local = await service.grouped('ws-1', new Set());
    const asked: string[] = [];
    const crashing = { ask: async (q: { kind: string }) => { asked.push(q.kind); throw new CustodyError('thread_crashed', 'the read thread stopped unexpectedly'); }, close: async () => undefined };
    (service as unknown as { reads?: unknown }).reads = crashing;
    try {
      expect(await service.grouped('ws-1', new Set())).toEqual(local);
      expect(asked).toEqual(['grouped']);
      (service as unknown as { reads?: unknown }).reads = { ask: async () => { throw new NotFoundError('workspace', 'ws-1'); }, close: async () => undefined };
      await expect(service.grouped('ws-1', new Set())).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      (service as unknown as { reads?: unknown }).reads = undefined;
    }
  });

  it('answers a findings page from one page query, refusing a bad request before asking the database', async () => {
    const asked: { limit: number; after?: string }[] = [];
    const paged = { ...db, projections: { ...db.projections, findingsPage: async (_ws: string, _all: boolean, page: { limit: number; after?: string }) => {
      asked.push(page);
      return { items: [{ id: 'b' }, { id: 'c' }], total: 9, more: page.after === undefined };
    } } } as unknown as Persistence;
    const pages = new AuditService(paged, { vendors: [] } as unknown as Runtime, new ProjectionInputCache());
    const first = await pages.findingsPage('ws-1', false, { limit: '2' });
    expect(first).toMatchObject({ total: 9, items: [{ id: 'b' }, { id: 'c' }] });
    const last = await pages.findingsPage('ws-1', false, { limit: '2', cursor: first.nextCursor });
    expect(last.nextCursor).toBeUndefined();
    // The id order without filters (undefined members are absent to toEqual); a page is always cut, by default to DEFAULT_PAGE_INSTANCES.
    expect(asked).toEqual([{ limit: 2, filter: { order: 'id' }, instances: DEFAULT_PAGE_INSTANCES }, { limit: 2, after: 'c', filter: { order: 'id' }, instances: DEFAULT_PAGE_INSTANCES }]);
    await expect(pages.findingsPage('ws-1', false, { limit: '0' })).rejects.toThrow(/limit/);
    await expect(pages.findingsPage('ws-1', false, { cursor: '!!' })).rejects.toThrow(/cursor/);
    expect(asked).toHaveLength(2);
  });
});
