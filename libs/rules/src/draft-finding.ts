import type { Citation, Finding } from '@custody/domain';
import { unique } from './contracts.js';
import { dedupeEvidence, hasRepeats } from './dedupe-evidence.js';
import { flat, sortedCategories } from './finding-parts.js';
import type { FindingDraft, Rule } from './rule.js';
import { clamp01 } from './sensitivity.js';
import { severityOf } from './severity.js';

/** A rule's draft made a finding, and the merging of two drafts' details (split out of runner.ts). */

export function toFinding(rule: Rule, d: FindingDraft, ruleCitations: readonly Citation[]): Finding {
  const likelihood = round3(clamp01(d.likelihood));
  const impact = round3(clamp01(d.impact));
  return {
    id: `${rule.id}@${d.subject}`,
    ruleId: rule.id,
    kind: rule.kind,
    title: rule.title,
    severity: severityOf(likelihood, impact),
    likelihood,
    impact,
    subject: d.subject,
    // The draft's own lists when they hold no repeats (nearly always), as grouping's instances keep them
    // (draftView): nothing writes to a finding's systems or evidence, and a copy of each per finding was two
    // short lists kept alive per finding, ~480,000 at 100,000 systems, copied by every young collection.
    systems: ownSystems(d.systems),
    categories: sortedCategories(d.categories),
    // The rule's deduplicated list for this run (draftView), shared by its findings as grouping's instances
    // share it, and frozen: nothing writes to a finding's citations, and a copy each was ~17 MB of a
    // 100,000-system manifest's ~240,000 findings.
    citations: d.citations?.length ? dedupeCitations([...ruleCitations, ...d.citations]) : (ruleCitations as Citation[]),
    remediation: rule.remediation,
    evidence: hasRepeats(d.evidence) ? dedupeEvidence(d.evidence) : d.evidence,
    detail: flat(detailOf(d)),
    contribution: 0,
  };
}

const detailOf = (d: Pick<FindingDraft, 'detail'>): string => textOf(d.detail);

const textOf = (detail: FindingDraft['detail']): string => (typeof detail === 'function' ? detail() : detail);

/**
 * The details a merged draft folds, in draft order. Kept as one flat list, not a closure over the previous
 * merge: thousands of drafts on one subject (a config's redacted secrets all falling back to its one flow)
 * would otherwise nest thousands of closures, and building the text would overflow the stack.
 */
const MERGED_PARTS = new WeakMap<() => string, readonly FindingDraft['detail'][]>();

export function mergeDetails(a: FindingDraft['detail'], b: FindingDraft['detail']): () => string {
  const parts = [...((typeof a === 'function' && MERGED_PARTS.get(a)) || [a]), b];
  // Left to right, each text added unless it repeats the text so far (what merging two drafts did eagerly).
  const fold = () => {
    let text = textOf(parts[0]!);
    for (let i = 1; i < parts.length; i++) {
      const next = textOf(parts[i]!);
      if (next !== text) text = `${text} ${next}`;
    }
    return text;
  };
  MERGED_PARTS.set(fold, parts);
  return fold;
}

/** `distinct(xs)`, or `xs` itself when it has no repeat (the one- and two-element lists nearly every draft has). */
const ownSystems = (xs: readonly string[]): string[] => (xs.length === 1 || (xs.length === 2 && xs[0] !== xs[1]) ? (xs as string[]) : distinct(xs));

/** `unique`, without a Set for the one- and two-element lists nearly every draft has. */
function distinct<T>(xs: readonly T[]): T[] {
  if (xs.length === 1) return [xs[0]!];
  if (xs.length === 2) return xs[0] === xs[1] ? [xs[0]!] : [xs[0]!, xs[1]!];
  return unique(xs);
}

// Three decimals: enough to rank, few enough that JSON output is stable and readable.
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function dedupeCitations(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => (seen.has(c.ref) ? false : (seen.add(c.ref), true)));
}
