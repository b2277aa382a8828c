/**
 * What the read models hold as their readers receive it: the stored graph projection, a scoring run and its
 * summary, a live grouped view's mark, a stored finding with its history. Apart from projection.repository.ts
 * because the API, the pipeline and the read-model marks all speak these shapes, while only the repository
 * knows the rows and seals behind them.
 */
import type { Finding, Graph, Lens, Score } from '@custody/domain';

export interface StoredProjection {
  version: number;
  eventSeq: number;
  graph: Graph;
  updatedAt: string;
}

/** What a scoring run stores beside its findings: the "now" read model a live audit is composed from. */
export interface StoredScoring {
  score: Score;
  graphVersion: number;
  /** When it was written. */
  computedAt: string;
  /** The evaluation time the rules ran at (a scheduled re-score runs at its own moment). */
  evaluatedAt: string;
  /** The lens it was scored under; absent for rows scored before the read model kept it. */
  lens?: Lens;
  /** Rules that threw during that run. */
  ruleErrors: { ruleId: string; message: string }[];
}

/** A stored score without its breakdown: the total and when and how it was scored. */
export type ScoreSummary = Pick<StoredScoring, 'graphVersion' | 'computedAt' | 'evaluatedAt' | 'lens'> & { total: number };

/** Where a workspace's live grouped view stands (ProjectionRepository.liveView; liveViewMark in read-model-marks.ts). */
export interface LiveViewMark {
  /** The stored graph's version. */
  graphVersion: number;
  /** The graph version the last scoring ran on: behind graphVersion until the new graph's score job has run. */
  scoredVersion: number;
  /** When the last scoring was written: names that run. */
  computedAt: string;
  lens?: Lens;
  /** Whether that run stored its grouped view. */
  hasView: boolean;
}

/** A stored finding with its history: when it was first and last seen, and resolved (absent while open). */
export type StoredFinding = Finding & { firstSeenAt: string; lastSeenAt: string; resolvedAt?: string };
