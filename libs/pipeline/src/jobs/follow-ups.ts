import { Inject, Injectable } from '@nestjs/common';
import type { EventPayload, EventType } from '@custody/domain';
import type { Persistence } from '@custody/persistence';
import { PERSISTENCE } from '../tokens.js';
import { JobName, type PayloadOf } from './job-catalogue.js';
import { JobQueue } from './job-queue.js';

/** A job to enqueue: name, payload, and the seq that makes its deterministic id. */
export type JobRequest = { [N in JobName]: { name: N; data: PayloadOf<N>; seq?: number } }[JobName];

interface FollowUpContext {
  workspaceId: string;
  /** The seq of the event that happened (absent when a step is resumed without a new event). */
  seq?: number;
  db: Persistence;
  /** The workspace's unfinished documents, when a follow-up has read them: the enqueue's priority then reuses the count. */
  unfinished?: number;
}

type Jobs = JobRequest[] | Promise<JobRequest[]>;

/** The payload fields a follow-up reads (a step resumed after a crash has only these, not the whole event). */
type Reads<T extends EventType, K extends keyof EventPayload<T> = never> = Pick<EventPayload<T>, K>;

/**
 * Which job follows which event: the one place the pipeline's chaining is declared. Commands and job steps
 * call `FollowUps.after` with the event they produced (or would have, when a retried step finds its work done),
 * so the chain ingest → extract → project → score resumes after a crash at any point.
 */
export interface FollowUpTable {
  DocumentReceived(p: Reads<'DocumentReceived', 'documentId'>, ctx: FollowUpContext): Jobs;
  FactsExtracted(p: Reads<'FactsExtracted'>, ctx: FollowUpContext): Jobs;
  DocumentRejected(p: Reads<'DocumentRejected'>, ctx: FollowUpContext): Jobs;
  FactCorrected(p: Reads<'FactCorrected'>, ctx: FollowUpContext): Jobs;
  DocumentLinked(p: Reads<'DocumentLinked'>, ctx: FollowUpContext): Jobs;
  GraphChanged(p: Reads<'GraphChanged', 'version'>, ctx: FollowUpContext): Jobs;
  FindingTriaged(p: Reads<'FindingTriaged'>, ctx: FollowUpContext): Jobs;
}

/** A changed input re-projects the workspace; the input high-water mark names the job, so duplicates collapse. */
const project = async (_: object, { workspaceId, db }: FollowUpContext): Promise<JobRequest[]> =>
  [{ name: JobName.Project, data: { workspaceId }, seq: await db.events.inputSeq(workspaceId) }];

/**
 * Input events (two per document: received, then extracted or rejected) a burst may add before the graph is
 * re-projected anyway, so a workspace uploading for a long time still sees its graph move every ~100 documents.
 */
export const BURST_PROJECTION_INPUTS = 200;

/**
 * A document's outcome re-projects its workspace, except in the middle of a burst (issue 11): while other
 * documents of the workspace are still to be extracted, the last of them to finish projects (and so scores)
 * once for all, instead of one projection and one scoring per document. Each outcome counts the unfinished
 * documents after its own commit, so the last to commit sees none and enqueues the projection; a document that
 * never finishes is given up by the Reconciler (or failed by the processor), which enqueues it then. A graph
 * that has fallen BURST_PROJECTION_INPUTS inputs behind is not held back; a workspace with no graph yet counts
 * all its inputs as behind, so its first burst is projected and scored once, not also for its first outcome.
 */
const projectAfterBurst = async (_: object, ctx: FollowUpContext): Promise<JobRequest[]> => {
  const { held, unfinished, inputSeq } = await burst(ctx.db, ctx.workspaceId);
  ctx.unfinished = unfinished;
  return held ? [] : [{ name: JobName.Project, data: { workspaceId: ctx.workspaceId }, seq: inputSeq }];
};

/**
 * Whether a workspace's projection is held back for a burst (see projectAfterBurst): documents still to be
 * extracted, whose outcomes will enqueue a projection, and a graph (or none yet) not far behind.
 */
export async function burst(db: Persistence, workspaceId: string): Promise<{ held: boolean; unfinished: number; inputSeq: number }> {
  const { unfinished, inputSeq, behind } = await db.projections.backlog(workspaceId, BURST_PROJECTION_INPUTS);
  return { held: unfinished > 0 && behind < BURST_PROJECTION_INPUTS, unfinished, inputSeq };
}

export const FOLLOW_UPS: FollowUpTable = {
  DocumentReceived: ({ documentId }) => [{ name: JobName.Extract, data: { documentId } }],
  FactsExtracted: projectAfterBurst,
  DocumentRejected: projectAfterBurst,
  FactCorrected: project,
  DocumentLinked: project,
  GraphChanged: ({ version }, { workspaceId }) => [{ name: JobName.Score, data: { workspaceId, graphVersion: version } }],
  // Mitigated and false-positive findings leave the score: the current graph is scored again with the decision.
  FindingTriaged: async (_, { workspaceId, seq, db }) => {
    const graph = await db.projections.graph(workspaceId);
    return graph ? [{ name: JobName.Score, data: { workspaceId, graphVersion: graph.version, triageSeq: seq } }] : [];
  },
};

/** The most documents one extraction job of a bulk upload reads (a retried job reads no more than these again). */
export const EXTRACT_BATCH_DOCUMENTS = 16;
/** Jobs a bulk upload is split into at least, when it has the documents: one per concurrent slot of two workers. */
export const EXTRACT_BATCH_SPREAD = 4;

/**
 * Per-workspace fairness on one queue (BullMQ's open-source edition has no job groups; both its Redis and
 * PostgreSQL backends order waiting jobs by priority, then arrival): a job's priority is the number of its
 * workspace's documents still unfinished. The k-th pending upload of a workspace waits behind every other
 * workspace's first k, so one client's 10,000 uploads are interleaved with, not ahead of, another's single
 * document — round-robin by rank. Priorities are fixed when a job is added; a workspace that drains moves
 * its later jobs forward again.
 */
export async function fairPriority(db: Persistence, workspaceId: string): Promise<number> {
  return priorityOf(await db.documents.unfinishedCount(workspaceId));
}

/** The priority of a workspace with `unfinished` documents (see fairPriority): BullMQ's priorities start at 1. */
const priorityOf = (unfinished: number): number => Math.max(1, unfinished);

/** Enqueues what FOLLOW_UPS says follows an event. */
@Injectable()
export class FollowUps {
  constructor(@Inject(PERSISTENCE) private readonly db: Persistence, private readonly jobs: JobQueue) {}

  /** `at.unfinished`: the workspace's unfinished documents when the caller already counted them (the priority reuses it). */
  async after<T extends keyof FollowUpTable>(type: T, payload: Parameters<FollowUpTable[T]>[0], at: { workspaceId: string; seq?: number; unfinished?: number }): Promise<string[]> {
    const follow = FOLLOW_UPS[type] as (p: typeof payload, ctx: FollowUpContext) => Jobs;
    const ctx: FollowUpContext = { ...at, db: this.db };
    const requests = await follow(payload, ctx);
    return this.enqueue(at.workspaceId, requests, ctx.unfinished);
  }

  /**
   * What follows a bulk upload's new documents: their extraction in batches of at most EXTRACT_BATCH_DOCUMENTS
   * (one queue round and one follow-up per batch instead of per document), spread over at least
   * EXTRACT_BATCH_SPREAD jobs when there are enough documents, so more than one worker takes part; all added in
   * one round trip. Their events are committed: if this fails, the Reconciler enqueues them one by one.
   */
  async afterBulkIngest(workspaceId: string, documentIds: readonly string[], unfinished?: number): Promise<string[]> {
    if (!documentIds.length) return [];
    const size = Math.min(EXTRACT_BATCH_DOCUMENTS, Math.max(1, Math.ceil(documentIds.length / EXTRACT_BATCH_SPREAD)));
    const requests: JobRequest[] = [];
    for (let i = 0; i < documentIds.length; i += size) {
      const batch = documentIds.slice(i, i + size);
      requests.push(batch.length === 1 ? { name: JobName.Extract, data: { documentId: batch[0]! } } : { name: JobName.ExtractBatch, data: { workspaceId, documentIds: batch } });
    }
    const priority = unfinished === undefined ? await fairPriority(this.db, workspaceId) : priorityOf(unfinished);
    return this.jobs.addMany(requests, priority);
  }

  /** A re-run asked for by hand: what follows a changed input, without one. */
  async reproject(workspaceId: string): Promise<string[]> {
    return this.enqueue(workspaceId, await project({}, { workspaceId, db: this.db }));
  }

  private async enqueue(workspaceId: string, requests: JobRequest[], unfinished?: number): Promise<string[]> {
    if (!requests.length) return [];
    const priority = unfinished === undefined ? await fairPriority(this.db, workspaceId) : priorityOf(unfinished);
    const ids: string[] = [];
    for (const r of requests) ids.push(await this.jobs.add(r.name, r.data as never, r.seq, priority));
    return ids;
  }
}
