import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { InvalidInputError, NotFoundError, type EventType } from '@custody/domain';
import {
  CorrectFactCommand, ExtractDocumentHandler, IngestDocumentCommand, JobName, JobQueue, LinkDocumentCommand, RecordEvidenceReadCommand, RecordSettingChangeCommand,
  ProjectGraphHandler, QueueName, ReprocessWorkspaceCommand, ScoreWorkspaceHandler, TriageFindingCommand,
} from '@custody/pipeline';
import { evaluateGraph, loadAnalyzedDocuments, loadCorrections, loadDocumentLinks, loadTriage, ProjectionInputCache, projectDocuments } from '@custody/audit';
import { AuditService } from '../../apps/api/src/services/audit.service.js';
import { canonicalJson } from '@custody/persistence';
import { startTestApp, type TestApp } from '../support/app.js';
import { REPO, waitUntil } from '../support/processes.js';
import { writeBaaCorpus } from '../support/corpus-generator.js';

/**
 * Each command handler against a real database and queue: the catalogue events it appends and the follow-up
 * job FOLLOW_UPS declares for it; then the processor's chain (extract → project → score) and its idempotence.
 */
describe(`command handlers and the processor chain (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  let t: TestApp;
  let wsId: string;
  let bus: CommandBus;
  let queue: JobQueue;
  let added: { name: string; data: unknown }[] = [];
  const baa = readFileSync(join(REPO, 'examples/harborview-counseling/docs/remindly-baa-2022.md'));

  const events = async () => (await t.runtime.persistence.events.since(wsId, 0)) as { seq: number; type: EventType; payload: Record<string, unknown>; actor?: string }[];
  const newEvents = async (after: number) => (await events()).filter((e) => e.seq > after);
  const lastSeq = async () => Math.max(0, ...(await events()).map((e) => e.seq));
  const drained = async () => (await queue.pending()) === 0;
  const settle = async () => {
    await waitUntil(drained, 120_000, 'the pipeline drained');
    added = [];
  };

  beforeAll(async () => {
    t = await startTestApp();
    wsId = (await t.runtime.persistence.workspaces.ensure('Command Practice')).workspace.id;
    bus = t.app.get(CommandBus);
    queue = t.app.get(JobQueue);
    const add = queue.add.bind(queue);
    // The queue the follow-ups and the processor share: record what is enqueued, then enqueue it.
    jest.spyOn(queue, 'add').mockImplementation(async (name, data, seq) => {
      added.push({ name, data });
      return add(name, data, seq);
    });
  }, 180_000);
  afterAll(() => t?.close());

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
    added = [];
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

  it('triage appends FindingTriaged and enqueues a re-score of the current graph with its seq', async () => {
    await settle();
    const before = await lastSeq();
    const version = (await t.runtime.persistence.projections.graph(wsId))!.version;
    const { seq } = await bus.execute(new TriageFindingCommand(wsId, 'some-rule@system:x', 'accepted', 'known and signed off', 'tester'));
    const own = await newEvents(before);
    expect(own[0]).toMatchObject({ seq, type: 'FindingTriaged', actor: 'tester', payload: { findingId: 'some-rule@system:x', status: 'accepted', reason: 'known and signed off' } });
    // Contained, not first: the Reconciler's periodic pass may enqueue its own catch-up job in between (seen once
    // in the embedded mode under load: a Project job ahead of this Score).
    expect(added).toContainEqual({ name: JobName.Score, data: { workspaceId: wsId, graphVersion: version, triageSeq: seq } });
    expect(() => new TriageFindingCommand(wsId, 'x', 'mitigated', '  ')).toThrow(/needs a reason/);
    expect(() => new TriageFindingCommand(wsId, 'x', 'ignored' as never, 'r')).toThrow(InvalidInputError);
  });

  it('a fact correction appends FactCorrected and enqueues a projection; another workspace\'s document is not found', async () => {
    await settle();
    const before = await lastSeq();
    const { seq } = await bus.execute(new CorrectFactCommand(wsId, docId, 'baa_offered', 'yes', 'read the signed copy', 'tester'));
    expect((await newEvents(before))[0]).toMatchObject({ seq, type: 'FactCorrected', payload: { documentId: docId, fact: 'baa_offered', value: 'yes', reason: 'read the signed copy' } });
    expect(added[0]).toEqual({ name: JobName.Project, data: { workspaceId: wsId } });
    const other = (await t.runtime.persistence.workspaces.ensure('Other Practice')).workspace.id;
    await expect(bus.execute(new CorrectFactCommand(other, docId, 'baa_offered', 'yes', 'r'))).rejects.toThrow(NotFoundError);
    expect(() => new CorrectFactCommand(wsId, docId, 'no_such_fact', 'yes', 'r')).toThrow(/unknown fact/);
    expect(() => new CorrectFactCommand(wsId, docId, 'baa_offered', 'yes', undefined)).toThrow(/needs a reason/);
    expect(() => new CorrectFactCommand(wsId, docId, 'baa_offered', true, 'r')).toThrow(/not a valid value/);
    // Deciding a review candidate: the candidate is stored with the correction (and read back with it); one that is no value of the fact is refused.
    const decided = await lastSeq();
    await bus.execute(new CorrectFactCommand(wsId, docId, 'subprocessors_named', ['Twilio'], 'accepted in review', 'tester', ['Twilio']));
    expect((await newEvents(decided))[0]).toMatchObject({ type: 'FactCorrected', payload: { fact: 'subprocessors_named', value: ['Twilio'], candidate: ['Twilio'] } });
    expect((await loadCorrections(t.runtime.persistence, wsId))[docId]).toContainEqual(expect.objectContaining({ fact: 'subprocessors_named', candidate: ['Twilio'] }));
    expect(() => new CorrectFactCommand(wsId, docId, 'subprocessors_named', [], 'r', 'tester', [3])).toThrow(/candidate/);
  });

  it('a link appends DocumentLinked and enqueues a projection that attaches the contract to that system', async () => {
    const manifest = 'practice: { name: Command Practice }\nsystems:\n  - { id: sms, name: TextGlow, role: communications }\nflows:\n  - { from: practice, to: sms, data: [contact, scheduling] }\n';
    await bus.execute(new IngestDocumentCommand(wsId, 'custody.yaml', Buffer.from(manifest), 'tester'));
    await waitUntil(async () => (await drained()) && Boolean((await t.runtime.persistence.projections.graph(wsId))?.graph.systems.some((s) => s.id === 'sms')), 120_000, 'the manifest projected');
    await settle();
    const contracts = async () => (await t.runtime.persistence.projections.graph(wsId))!.graph.systems.find((s) => s.id === 'sms')!.contracts.map((c) => c.documentId);
    expect(await contracts()).toEqual([]);
    const before = await lastSeq();
    const { seq } = await bus.execute(new LinkDocumentCommand(wsId, docId, 'sms', 'TextGlow signed as Remindly', 'tester'));
    expect(await newEvents(before)).toEqual([expect.objectContaining({ seq, type: 'DocumentLinked', actor: 'tester', payload: { documentId: docId, system: 'sms', reason: 'TextGlow signed as Remindly' } })]);
    expect(added[0]).toEqual({ name: JobName.Project, data: { workspaceId: wsId } });
    await waitUntil(async () => (await drained()) && (await contracts()).includes(docId), 120_000, 'the link projected');
    await settle();
    // Refused before anything is recorded: the practice, an unknown system, another workspace's document, no system at all.
    const last = await lastSeq();
    await expect(bus.execute(new LinkDocumentCommand(wsId, docId, 'practice', undefined))).rejects.toThrow(/not a vendor system/);
    await expect(bus.execute(new LinkDocumentCommand(wsId, docId, 'nope', undefined))).rejects.toThrow(InvalidInputError);
    const other = (await t.runtime.persistence.workspaces.ensure('Other Practice')).workspace.id;
    await expect(bus.execute(new LinkDocumentCommand(other, docId, 'sms', undefined))).rejects.toThrow(NotFoundError);
    expect(() => new LinkDocumentCommand(wsId, docId, '', undefined)).toThrow(/needs "system"/);
    expect(await lastSeq()).toBe(last);
  }, 240_000);

  it('an evidence read appends EvidenceRead and enqueues nothing', async () => {
    await settle();
    const before = await lastSeq();
    const { seq } = await bus.execute(new RecordEvidenceReadCommand(wsId, { documentId: docId }, 'auditor-key'));
    // Embedded: durable in the read journal when answered, chained just after (no seq yet); production: on the chain.
    if (seq === undefined) await waitUntil(async () => (await newEvents(before)).length > 0, 10_000, 'the read chained');
    expect(await newEvents(before)).toEqual([expect.objectContaining({ ...(seq === undefined ? {} : { seq }), type: 'EvidenceRead', actor: 'auditor-key', payload: { documentId: docId } })]);
    expect(added).toEqual([]);
  });

  it('reprocess appends no event and enqueues the projection job named by the input high-water mark', async () => {
    await settle();
    const before = await lastSeq();
    const { job } = await bus.execute(new ReprocessWorkspaceCommand(wsId));
    expect(job).toBe(`project-${wsId}-${await t.runtime.persistence.events.inputSeq(wsId)}`);
    expect(added).toEqual([{ name: JobName.Project, data: { workspaceId: wsId } }]);
    await settle();
    expect((await newEvents(before)).map((e) => e.type)).not.toContain('GraphChanged');
  }, 120_000);

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

  it('a new document is projected and scored incrementally by the worker, and what it stores equals a full audit of the stored graph', async () => {
    await settle();
    const scorer = t.app.get(ScoreWorkspaceHandler);
    const version = (await t.runtime.persistence.projections.graph(wsId))!.version;
    const config = readFileSync(join(REPO, 'test/fixtures/configs/n8n-intake.json'));
    await bus.execute(new IngestDocumentCommand(wsId, 'n8n-intake.json', config, 'tester'));
    await waitUntil(async () => {
      const graph = await t.runtime.persistence.projections.graph(wsId);
      return (await drained()) && graph!.version > version && (await t.runtime.persistence.projections.score(wsId))?.graphVersion === graph!.version;
    }, 120_000, 'the new graph version scored');
    await settle();
    // The score job built on its previous audit with the records the projection job reported as changed.
    expect(scorer.lastStats(wsId)).toMatchObject({ mode: 'incremental' });
    expect(Object.keys(scorer.lastStats(wsId)!.rulesPartial).length).toBeGreaterThan(0);
    const stored = (await t.runtime.persistence.projections.graph(wsId))!;
    const scoring = (await t.runtime.persistence.projections.score(wsId))!;
    const full = evaluateGraph(stored.graph, { now: new Date(scoring.evaluatedAt), lens: scoring.lens, triage: await loadTriage(t.runtime.persistence, wsId) });
    expect(scoring.score.total).toBe(full.score.total);
    const key = (fs: { id: string; severity: string; systems: string[] }[]) => fs.map((f) => `${f.id} ${f.severity} ${f.systems.join(',')}`).sort();
    expect(key(await t.runtime.persistence.projections.openFindings(wsId))).toEqual(key(full.findings));
    // And the stored graph is the one a projection from scratch (no memo) gives.
    const db = t.runtime.persistence;
    const scratch = projectDocuments(await loadAnalyzedDocuments(db, wsId), {
      asOf: stored.graph.asOf, corrections: await loadCorrections(db, wsId), links: await loadDocumentLinks(db, wsId),
      vendors: t.runtime.vendors, practiceName: (await db.workspaces.findById(wsId))?.name,
    }).graph;
    expect(stored.graph.systems.some((s) => s.evidence.some((e) => e.file === 'n8n-intake.json'))).toBe(true);
    expect(canonicalJson(stored.graph)).toBe(canonicalJson(scratch));
  }, 180_000);

  it('a burst of documents is projected and scored once, after the last of them, to the graph a projection from scratch gives', async () => {
    await settle();
    const before = await lastSeq();
    const docs = mkdtempSync(join(tmpdir(), 'custody-burst-'));
    // The corpus's manifest too: its systems are what the BAAs attach to, so the burst changes the graph.
    const files = writeBaaCorpus(docs, 3, 2);
    // The queue held while the burst arrives, so every outcome finds the others unfinished (the worker would
    // otherwise race the uploads): the projection waits for the last one.
    const pipeline = queue.queue(QueueName.Pipeline);
    await pipeline.pause();
    try {
      for (const f of files) await bus.execute(new IngestDocumentCommand(wsId, `burst-${f}`, readFileSync(join(docs, f)), 'tester'));
    } finally {
      await pipeline.resume();
      rmSync(docs, { recursive: true, force: true });
    }
    const outcomes = async () => (await newEvents(before)).filter((e) => e.type === 'FactsExtracted' || e.type === 'DocumentRejected');
    await waitUntil(async () => (await drained()) && (await outcomes()).length === files.length
      && (await t.runtime.persistence.projections.score(wsId))?.graphVersion === (await t.runtime.persistence.projections.graph(wsId))!.version, 120_000, 'the burst scored');
    const own = await newEvents(before);
    // One projection and one scoring for the documents, not one each. Two outcomes committed at the same moment
    // (the worker runs two jobs at once) may both see nothing left unfinished and both ask for a projection:
    // the second finds the graph up to date and changes nothing, so the graph changes once either way.
    const projects = added.filter((a) => a.name === JobName.Project);
    expect(projects.length).toBeGreaterThanOrEqual(1);
    expect(projects.length).toBeLessThanOrEqual(2);
    expect(files.length).toBeGreaterThan(2);
    for (const p of projects) expect(p).toEqual({ name: JobName.Project, data: { workspaceId: wsId } });
    expect(own.filter((e) => e.type === 'GraphChanged')).toHaveLength(1);
    expect(own.filter((e) => e.type === 'ExposureScored')).toHaveLength(1);
    // That one projection came after the last outcome and saw every document.
    expect(Math.max(...(await outcomes()).map((e) => e.seq))).toBeLessThan(own.find((e) => e.type === 'GraphChanged')!.seq);
    const db = t.runtime.persistence;
    const stored = (await db.projections.graph(wsId))!;
    const scratch = projectDocuments(await loadAnalyzedDocuments(db, wsId), {
      asOf: stored.graph.asOf, corrections: await loadCorrections(db, wsId), links: await loadDocumentLinks(db, wsId),
      vendors: t.runtime.vendors, practiceName: (await db.workspaces.findById(wsId))?.name,
    }).graph;
    expect(canonicalJson(stored.graph)).toBe(canonicalJson(scratch));
    await settle();
  }, 180_000);

  it('a burst whose last document fails for good is still projected and scored, once, after that failure', async () => {
    await settle();
    // A burst holds projection back only once the workspace has a graph (the first one is not held back).
    if (!(await t.runtime.persistence.projections.graph(wsId))) {
      await bus.execute(new IngestDocumentCommand(wsId, 'remindly-baa.md', baa, 'tester'));
      await waitUntil(async () => (await drained()) && Boolean(await t.runtime.persistence.projections.score(wsId)), 120_000, 'a first graph');
    }
    const before = await lastSeq();
    const docs = mkdtempSync(join(tmpdir(), 'custody-burst-fail-'));
    // Not the previous burst's sizes: the same bytes would be recognised as the same documents.
    // The manifest first: the systems it declares are what the BAAs attach to, so the burst changes the graph
    // even without the failed BAA.
    const files = writeBaaCorpus(docs, 4, 3).sort((a, b) => Number(b.endsWith('.yaml')) - Number(a.endsWith('.yaml')));
    const pipeline = queue.queue(QueueName.Pipeline);
    const ids: string[] = [];
    await pipeline.pause();
    try {
      for (const f of files) ids.push((await bus.execute(new IngestDocumentCommand(wsId, `burst-fail-${f}`, readFileSync(join(docs, f)), 'tester'))).documentId);
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
    // The last upload's extraction crashes on every attempt (a bug, not bad input): it is retried with backoff,
    // so it finishes after the others, and then fails for good. Its failure is the outcome the burst waits for.
    const doomed = ids[ids.length - 1];
    const versionBefore = (await t.runtime.persistence.projections.graph(wsId))!.version;
    const handler = t.app.get(ExtractDocumentHandler);
    const execute = handler.execute.bind(handler);
    const spy = jest.spyOn(handler, 'execute').mockImplementation(async (cmd) => {
      if (cmd.documentId === doomed) throw new Error('simulated extraction crash');
      return execute(cmd);
    });
    try {
      await pipeline.resume();
      const outcomes = async () => (await newEvents(before)).filter((e) => e.type === 'FactsExtracted' || e.type === 'DocumentRejected');
      // Waits for a new graph, scored: the failure is committed a moment before the projection it asks for is
      // enqueued, so "outcomes recorded and the queue empty" alone can be true in between.
      await waitUntil(async () => {
        const graph = await t.runtime.persistence.projections.graph(wsId);
        return (await drained()) && (await outcomes()).length === files.length && graph!.version > versionBefore
          && (await t.runtime.persistence.projections.score(wsId))?.graphVersion === graph!.version;
      }, 150_000, 'the burst with a failed document projected and scored');
      const own = await newEvents(before);
      const last = (await outcomes()).sort((a, b) => a.seq - b.seq).at(-1)!;
      // The premise: the crashing document was the last outcome, recorded as failed with its reason kept.
      expect(last).toMatchObject({ type: 'DocumentRejected', payload: { documentId: doomed } });
      const failed = await t.runtime.persistence.documents.get(doomed);
      expect(failed.status).toBe('failed');
      // The reason names the failure by kind only (safeErrorText: an error's message may quote the document).
      expect(failed.reason).toMatch(/^processing failed: /);
      // The graph changed once, after that failure, and the score is of that graph.
      const changes = own.filter((e) => e.type === 'GraphChanged');
      expect(changes).toHaveLength(1);
      expect(changes[0].seq).toBeGreaterThan(last.seq);
      expect(own.filter((e) => e.type === 'ExposureScored')).toHaveLength(1);
      // The burst's manifest is in it: its systems are on the graph.
      const graph = (await t.runtime.persistence.projections.graph(wsId))!.graph;
      expect(graph.systems.some((x) => x.evidence.some((e) => e.file === 'burst-fail-custody.yaml'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
    await settle();
  }, 200_000);

  it('one cache of opened projection inputs per process: the projection job and the API reads share it', async () => {
    // This app is the API with the job processor in one process (embedded mode's shape), so both consumers live here.
    const cache = t.app.get(ProjectionInputCache);
    expect(cache).toBeInstanceOf(ProjectionInputCache);
    expect(t.app.get(ProjectGraphHandler)['inputs']).toBe(cache);
    expect(t.app.get(AuditService)['inputs']).toBe(cache);
    // The projection jobs above opened this workspace's documents into it; the API's live read finds them there.
    expect(cache.size).toBeGreaterThan(0);
    const opened = cache.size;
    await t.app.get(AuditService).report(wsId);
    expect(cache.size).toBe(opened);
  });
});
