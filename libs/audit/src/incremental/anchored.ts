import type { Finding } from '@custody/domain';
import { joinRuns } from './runs.js';

/**
 * Where each anchor's findings sit in one rule's findings (the positions of the findings whose primary system is
 * that anchor), kept per findings array: a re-audit's partial re-run replaces the findings anchored at the few
 * systems a change reaches, and finding them by a scan of every rule's findings (a fleet rule has 10,000 to
 * 25,000) cost more than the re-runs. A rule whose findings did not change keeps its array, and so its index.
 */
interface AnchorIndex {
  byAnchor: Map<string, number[]>;
  /** Whether a finding names no system (anchored nowhere: the re-audit runs such a rule in full). */
  unanchored: boolean;
}
const indexes = new WeakMap<readonly Finding[], AnchorIndex>();

export function anchorIndex(findings: readonly Finding[]): AnchorIndex {
  let index = indexes.get(findings);
  if (!index) {
    index = { byAnchor: new Map(), unanchored: false };
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      if (!f.systems.length) {
        index.unanchored = true;
        continue;
      }
      const a = f.systems[0]!;
      const list = index.byAnchor.get(a);
      if (list) list.push(i);
      else index.byAnchor.set(a, [i]);
    }
    indexes.set(findings, index);
  }
  return index;
}

/** The positions of the findings anchored at one of `anchors`, ascending. */
function anchoredPositions(findings: readonly Finding[], anchors: ReadonlySet<string>): number[] {
  const { byAnchor } = anchorIndex(findings);
  const at: number[] = [];
  for (const a of anchors) for (const i of byAnchor.get(a) ?? []) at.push(i);
  return at.sort((x, y) => x - y);
}

/** The findings anchored at one of `anchors`, in the order of `findings` (as a filter of the array gives them). */
export function anchoredIn(findings: readonly Finding[], anchors: ReadonlySet<string>): Finding[] {
  return anchoredPositions(findings, anchors).map((i) => findings[i]!);
}

/**
 * The findings anchored elsewhere, in order: the runs between the anchored ones copied as slices, so a partial
 * re-run does not test each of a fleet rule's 10,000 findings for its anchor (the first re-audit runs that test
 * before it is compiled).
 */
export function notAnchoredIn(findings: readonly Finding[], anchors: ReadonlySet<string>): Finding[] {
  const parts: Finding[][] = [];
  let from = 0;
  for (const i of anchoredPositions(findings, anchors)) {
    if (i > from) parts.push(findings.slice(from, i));
    from = i + 1;
  }
  if (from < findings.length) parts.push(findings.slice(from));
  return joinRuns(parts);
}
