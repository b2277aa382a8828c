/** The one job catalogue (immich style): every job name, its queue and its payload. Payloads carry ids only. */
export enum QueueName {
  Pipeline = 'pipeline',
}

export enum JobName {
  Extract = 'extract',
  /** Several documents of one bulk upload read in one job (issue 11): one queue round per batch, one follow-up. */
  ExtractBatch = 'extract-batch',
  Project = 'project',
  Score = 'score',
  /** Re-score every workspace at an evaluation time: findings that time alone creates (a BAA that expired). */
  Rescore = 'rescore',
}

export type JobPayload =
  | { name: JobName.Extract; data: { documentId: string } }
  | { name: JobName.ExtractBatch; data: { workspaceId: string; documentIds: string[] } }
  | { name: JobName.Project; data: { workspaceId: string } }
  | { name: JobName.Score; data: { workspaceId: string; graphVersion: number; triageSeq?: number; at?: string } }
  | { name: JobName.Rescore; data: { at: string } };

export type PayloadOf<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.Extract]: QueueName.Pipeline,
  [JobName.ExtractBatch]: QueueName.Pipeline,
  [JobName.Project]: QueueName.Pipeline,
  [JobName.Score]: QueueName.Pipeline,
  [JobName.Rescore]: QueueName.Pipeline,
};

/**
 * Deterministic job ids, so duplicates collapse: one extraction per document; one projection per
 * workspace event high-water mark; one scoring per graph version. (BullMQ forbids `:` in custom ids.)
 */
export function jobId<N extends JobName>(name: N, data: PayloadOf<N>, seq?: number): string {
  switch (name) {
    case JobName.Extract:
      return `extract-${(data as PayloadOf<JobName.Extract>).documentId}`;
    case JobName.ExtractBatch:
    {
      // A batch's first document is new with it (ingestMany), so its id names the batch; the count tells chunks apart.
      const { documentIds } = data as PayloadOf<JobName.ExtractBatch>;
      return `extract-batch-${documentIds[0]}-${documentIds.length}`;
    }
    case JobName.Project:
      return `project-${(data as PayloadOf<JobName.Project>).workspaceId}-${seq ?? 0}`;
    case JobName.Score:
    {
      const d = data as PayloadOf<JobName.Score>;
      // A triage decision re-scores the same graph version: its event seq makes that a new job; so does a
      // scheduled re-score its evaluation time.
      return `score-${d.workspaceId}-${d.graphVersion}${d.triageSeq ? `-t${d.triageSeq}` : ''}${d.at ? `-at${Date.parse(d.at)}` : ''}`;
    }
    case JobName.Rescore:
      // One per evaluation time, however many workers schedule it.
      return `rescore-${Date.parse((data as PayloadOf<JobName.Rescore>).at)}`;
    default:
      throw new Error(`unknown job ${String(name)}`);
  }
}
