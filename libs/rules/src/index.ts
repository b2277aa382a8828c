/**
 * @custody/rules: the rule engine, the builtin rules, the score, lenses and what-if. Pure TypeScript:
 * no Nest, no I/O. Input is a projected `Graph`; output is findings and a score.
 */
import type { Citation, FindingKind } from '@custody/domain';
import { REGISTRY } from './registry.js';

export type { Rule, RuleContext, RuleSettings, PartialRuleSettings, FindingDraft, DraftSink } from './rule.js';
export { DEFAULT_RULE_SETTINGS, resolveRuleSettings, createRuleContext, streamingRule } from './rule.js';
export { severityOf } from './severity.js';
export { sensitivityOf, maxSensitivity, impactOf } from './sensitivity.js';
export { CITE, STATE_RECORDING_STATUTES } from './citations.js';
export * from './graph-queries.js';
export { isBaa, isExpired, baasInForce, expiredBaas, governingFact, factIn, namedSubprocessors, nameMatches, nameMatcher, systemMatcher, systemNameMatcher } from './contracts.js';
export type { FactReading, FactValues } from './contracts.js';
export { LENS_PROFILES, MAX_LENS_WEIGHT, lensWeight, lensActive } from './lenses.js';
export type { LensProfile } from './lenses.js';
export { runRules, runRulesUngrouped, runAudit, activeLenses } from './runner.js';
export { RULE_READS, type RuleReads } from './rule-reads.js';
export { SPARSE_READS, type SparseReads } from './sparse-reads.js';
export { judgingOnly } from './install-classes.js';
export type { RunResult, RuleError, AuditResult, TriageMap } from './runner.js';
export { computeScore, scoreOrder, nodeSplit, scoreResult, scoreFindings, apportion } from './score.js';
export { findingPoints, reachOf, nodeScore, workspaceScore, WORKSPACE_HALF_HAZARD, MAX_REACH_BONUS, MAX_BASE } from './finding-points.js';
export type { ScoreOptions, ScoreResult } from './score.js';
export type { FindingPoints } from './finding-points.js';
export { rescore, sameScoreInputs, type ScoreMemo } from './rescore.js';
export { scoreLayout, type ScoreLayout } from './score-layout.js';
export { whatIf, applyChanges } from './what-if.js';
export type { WhatIfChange, WhatIfResult, WhatIfSide } from './what-if.js';
export { REGISTRY } from './registry.js';

/** The builtin rules, in registry order (alias of REGISTRY for callers that say "rules"). */
export const RULES = REGISTRY;

/** What `custody rules` prints for each rule. */
export interface RuleDescription {
  id: string;
  title: string;
  kind: FindingKind;
  citations: Citation[];
  remediation: string;
}

/** The rule catalogue: id, title, kind, citations and remediation of every builtin rule. */
export function describeRules(): RuleDescription[] {
  return REGISTRY.map((r) => ({ id: r.id, title: r.title, kind: r.kind, citations: r.citations.map((c) => ({ ...c })), remediation: r.remediation }));
}
