import type { CommandBus } from '@nestjs/cqrs';
import { InvalidInputError, type EventType } from '@custody/domain';
import { IngestDocumentCommand, JobName, type JobQueue, RecordSettingChangeCommand } from '@custody/pipeline';
import type { TestApp } from '../support/app.js';
import { commandHarness } from '../support/command-harness.js';
import { waitUntil } from '../support/processes.js';

/**
 * Documents entering through the command bus against a real database and queue: the DocumentReceived event each
 * appends and the extraction job FOLLOW_UPS declares for it; the processor's chain (extract → project → score) and
 * its idempotence. The other commands are in commands-decisions.int-spec.ts, incremental work in commands-chain.
 */
describe(`command handlers: ingest and the processor chain (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { added, baa, newEvents, lastSeq, drained, settle, current } = commandHarness();
  let t: TestApp;
  let wsId: string;
  let bus: CommandBus;
  let queue: JobQueue;
  beforeAll(() => ({ t, wsId, bus, queue } = current()));

  let docId: string;

  it('ingest appends DocumentReceived and enqueues its extraction; the chain ends with a stored score', async () => {
    const before = await lastSeq();
    const r = await bus.execute(new IngestDocumentCommand(wsId, 'remindly-baa.md', baa, 'tester'));
    expect(r).toMatchObject({ created: true, status: 'received' });
    docId = r.documentId;
    const own = await newEvents(before);
    expect(own.map((e) => e.type)).toEqual(expect.arrayContaining(['DocumentReceived']));
    expect(own.find((e) => e.type === 'DocumentReceived')).toMatchObject({ actor: 'tester', payload: { documentId: docId, file: 'remindly-baa.md' } });
    expect(added[0]).toEqual({ name: JobName.Extract, data: { documentId: docId } });

    // The processor chains each step's follow-up: extract → project → score.
    await waitUntil(async () => (await drained()) && Boolean(await t.runtime.persistence.projections.score(wsId)), 120_000, 'scored');
    const types = (await newEvents(before)).map((e) => e.type);
    const order = ['DocumentReceived', 'FactsExtracted', 'GraphChanged', 'ExposureScored'].map((x) => types.indexOf(x as EventType));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(added.map((a) => a.name)).toEqual(expect.arrayContaining([JobName.Extract, JobName.Project, JobName.Score]));
    const graph = await t.runtime.persistence.projections.graph(wsId);
    expect((await t.runtime.persistence.projections.score(wsId))?.graphVersion).toBe(graph!.version);
    expect((await t.runtime.persistence.documents.get(docId)).status).toBe('processed');
    added.length = 0;
  }, 180_000);

  it('a job that runs twice changes nothing: no second outcome, graph or score event', async () => {
    await settle();
    const before = await lastSeq();
    const version = (await t.runtime.persistence.projections.graph(wsId))!.version;
    await queue.add(JobName.Extract, { documentId: docId });
    await waitUntil(async () => (await drained()) && added.some((a) => a.name === JobName.Score), 60_000, 'the re-run reached scoring');
    await settle();
    expect((await newEvents(before)).map((e) => e.type)).toEqual([]);
    expect((await t.runtime.persistence.projections.graph(wsId))!.version).toBe(version);
  }, 120_000);

  it('a duplicate upload is idempotent: same document, no new event, no job', async () => {
    await settle();
    const before = await lastSeq();
    const r = await bus.execute(new IngestDocumentCommand(wsId, 'copy-of-baa.md', baa));
    expect(r).toMatchObject({ documentId: docId, created: false, status: 'processed' });
    expect(await newEvents(before)).toEqual([]);
    expect(added).toEqual([]);
  });

  it('an unscannable upload is kept as failed with its reason, recorded, and not extracted', async () => {
    await settle();
    const before = await lastSeq();
    const bytes = Buffer.from([0, 0, 1, 2]);
    const r = await bus.execute(new IngestDocumentCommand(wsId, 'mystery.bin', bytes));
    expect(r).toMatchObject({ created: true, status: 'failed' });
    const doc = await t.runtime.persistence.documents.get(r.documentId);
    expect(doc.reason).toMatch(/could not be scanned/);
    const own = await newEvents(before);
    expect(own.map((e) => e.type)).toEqual(['DocumentReceived']);
    expect(own[0].payload).toMatchObject({ documentId: r.documentId, failed: expect.stringMatching(/could not be scanned/) });
    expect(added.filter((a) => a.name === JobName.Extract)).toEqual([]);
    expect((await t.runtime.persistence.documents.content(doc.sha256)).length).toBe(0);
  });

  it('an invalid file name is refused before anything is stored', () => {
    expect(() => new IngestDocumentCommand(wsId, 'bad\u0001name', baa)).toThrow(InvalidInputError);
  });

  it('a webhook setting change is stored as a document (DocumentReceived) and extracted like an upload', async () => {
    await settle();
    const before = await lastSeq();
    const r = await bus.execute(new RecordSettingChangeCommand(wsId, { system: 'notetaker', settings: { can_disable: false }, at: '2026-01-02T03:04:05Z' }, new Date()));
    expect(r.created).toBe(true);
    const own = await newEvents(before);
    expect(own[0]).toMatchObject({ type: 'DocumentReceived', actor: 'webhook', payload: { documentId: r.documentId, file: 'webhook/2026-01-02T03:04:05.000Z-notetaker.json' } });
    expect(added[0]).toEqual({ name: JobName.Extract, data: { documentId: r.documentId } });
    expect(() => new RecordSettingChangeCommand(wsId, { settings: { can_disable: false } }, new Date())).toThrow(/needs a system/);
    expect(() => new RecordSettingChangeCommand(wsId, { system: 's', settings: { can_disable: false }, at: 'yesterday' }, new Date())).toThrow(/not a date/);
    await settle();
  }, 120_000);

});
