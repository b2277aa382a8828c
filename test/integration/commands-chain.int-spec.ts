import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { CommandBus } from '@nestjs/cqrs';
import {
  ExtractDocumentHandler, IngestDocumentCommand, JobName, type JobQueue, ProjectGraphHandler, QueueName, ScoreWorkspaceHandler,
} from '@custody/pipeline';
import { evaluateGraph, loadAnalyzedDocuments, loadCorrections, loadDocumentLinks, loadTriage, ProjectionInputCache, projectDocuments } from '@custody/audit';
import { AuditService } from '../../apps/api/src/services/audit.service.js';
import { canonicalJson } from '@custody/persistence';
import type { TestApp } from '../support/app.js';
import { commandHarness } from '../support/command-harness.js';
import { REPO, waitUntil } from '../support/processes.js';
import { writeBaaCorpus } from '../support/corpus-generator.js';

/**
 * The worker's projection and scoring once a workspace has a graph, against a real database and queue: a new
 * document scored incrementally to what a full audit gives, a burst projected and scored once after its last
 * outcome (a failure included), and the projection-input cache the job and the API reads share. They start from a
 * processed BAA with a scored graph, uploaded first (a burst is held back only once there is a graph).
 */
describe(`command handlers: incremental projection and scoring (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { added, baa, newEvents, lastSeq, drained, settle, ingestBaa, current } = commandHarness();
  let t: TestApp;
  let wsId: string;
  let bus: CommandBus;
  let queue: JobQueue;
  beforeAll(() => ({ t, wsId, bus, queue } = current()));

  beforeAll(async () => {
    await ingestBaa();
  }, 180_000);

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
