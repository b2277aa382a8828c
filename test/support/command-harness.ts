import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import type { EventType } from '@custody/domain';
import { IngestDocumentCommand, JobQueue } from '@custody/pipeline';
import { startTestApp, type TestApp } from './app.js';
import { REPO, waitUntil } from './processes.js';

export type RecordedEvent = { seq: number; type: EventType; payload: Record<string, unknown>; actor?: string };

/**
 * The app the command-handler int-specs (test/integration/commands-*.int-spec.ts) drive: its command bus, its queue
 * with every enqueued job recorded in `added` (the follow-ups FOLLOW_UPS declares are what those specs assert), and
 * reads of the workspace's event chain. Registers the app's start and close on the calling file's describe block;
 * `current()` is only valid once its beforeAll has run.
 */
export function commandHarness() {
  let t: TestApp;
  let wsId: string;
  let bus: CommandBus;
  let queue: JobQueue;
  // One array for the file's lifetime (emptied, never replaced), so a spec may hold it from the start.
  const added: { name: string; data: unknown }[] = [];
  const baa = readFileSync(join(REPO, 'examples/harborview-counseling/docs/remindly-baa-2022.md'));

  const events = async () => (await t.runtime.persistence.events.since(wsId, 0)) as RecordedEvent[];
  const newEvents = async (after: number) => (await events()).filter((e) => e.seq > after);
  const lastSeq = async () => Math.max(0, ...(await events()).map((e) => e.seq));
  const drained = async () => (await queue.pending()) === 0;
  // Drained is not enough: a projection's score follow-up is enqueued after its graph is stored, so the queue can
  // read empty in between (CI once saw a link's score job land inside the next spec's window). Settled means drained
  // with the stored score on the stored graph's version.
  const scoredCurrent = async () => {
    const graph = await t.runtime.persistence.projections.graph(wsId);
    return !graph || (await t.runtime.persistence.projections.score(wsId))?.graphVersion === graph.version;
  };
  const settle = async () => {
    await waitUntil(async () => (await drained()) && (await scoredCurrent()), 120_000, 'the pipeline drained and scored');
    added.length = 0;
  };
  /**
   * The example's BAA uploaded and carried through the chain to a stored score: the document and the first graph
   * that the specs of later commands (corrections, links, bursts) act on. Its id.
   */
  const ingestBaa = async () => {
    const { documentId } = await bus.execute(new IngestDocumentCommand(wsId, 'remindly-baa.md', baa, 'tester'));
    await waitUntil(async () => (await drained()) && Boolean(await t.runtime.persistence.projections.score(wsId)), 120_000, 'scored');
    await settle();
    return documentId;
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

  return { added, baa, events, newEvents, lastSeq, drained, settle, ingestBaa, current: () => ({ t, wsId, bus, queue }) };
}
