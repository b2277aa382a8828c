import { isScored, type Finding } from '@custody/domain';
import { computeScore, withContribution, type ScoreOptions, type ScoreResult } from './score.js';

/*
 * Scoring again from an earlier scoring (split out of score.ts): when nothing the score reads changed, the
 * numbers are the earlier ones.
 */

/** A scoring kept for the next one: its input findings, options and result (see {@link rescore}). */
export interface ScoreMemo {
  input: readonly Finding[];
  opts: ScoreOptions;
  result: ScoreResult;
}

/**
 * {@link computeScore}, reusing `prev` when nothing it reads changed: the same lenses and systems, and
 * findings that pair up in order and agree in everything the score reads of them ({@link sameScoreInputs}).
 * A re-audit after a setting change usually changes only a finding's evidence; scoring a 10,000-install fleet
 * from scratch walks every install of every grouped finding (~100 ms) for the same numbers.
 */
export function rescore(findings: readonly Finding[], opts: ScoreOptions, prev?: ScoreMemo): { result: ScoreResult; memo: ScoreMemo } {
  if (prev && sameList(prev.opts.lenses, opts.lenses) && sameList(prev.opts.systems ?? [], opts.systems ?? []) &&
    prev.input.length === findings.length && findings.every((f, i) => sameScoreInputs(prev.input[i]!, f))) {
    const old = prev.result;
    const result = { score: old.score, points: old.points, findings: findings.map((f, i) => withContribution(f, old.findings[i]!.contribution)) };
    return { result, memo: { input: findings, opts, result } };
  }
  const result = computeScore(findings, opts);
  return { result, memo: { input: findings, opts, result } };
}

/**
 * Whether two findings score alike: the same id and every field {@link computeScore} reads (likelihood,
 * impact, kind and categories for the lens weight, subject and systems for reach and charging, the instance
 * count for breadth, the triage status). Evidence, detail and the rest never reach a number.
 */
export function sameScoreInputs(a: Finding, b: Finding): boolean {
  return a === b || (a.id === b.id && a.likelihood === b.likelihood && a.impact === b.impact && a.kind === b.kind && a.subject === b.subject &&
    (a.instances?.length ?? 1) === (b.instances?.length ?? 1) && isScored(a) === isScored(b) &&
    sameList(a.categories, b.categories) && sameList(a.systems, b.systems));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
