import type { Evidence } from '@custody/domain';

/** Instance evidence without repeats, as the rule runner keeps it (split out of runner.ts). */

/**
 * The longest list compared item by item; a longer one is compared by quote (and, for a quote that is no string,
 * by a JSON key, which equates what item-by-item comparison does not). Exported because class runs drop an
 * item's repeats before mapping only in lists this short: both ways must then give the same list.
 */
export const PAIRWISE = 8;

/** Evidence without repeats (same document, place and quote), first kept. */
export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  // Most drafts cite one or two places, and a fleet makes ~100,000 of them: compare those field by field
  // instead of serialising each to a key (the same equality: JSON treats undefined and non-finite as null).
  if (evidence.length <= 1) return [...evidence];
  if (evidence.length <= PAIRWISE) {
    return evidence.filter((e, i) => {
      for (let j = 0; j < i; j++) if (sameEvidence(evidence[j]!, e)) return false;
      return true;
    });
  }
  // A hub's finding cites the same clause object once per install: repeats of one object are dropped by
  // identity first. The rest are looked up by their quote (a string the items share, its hash kept by the
  // engine) and compared field by field with the few kept under it, instead of writing a JSON key per item.
  const objects = new Set<Evidence>();
  const byQuote = new Map<string, Evidence[]>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    if (objects.has(e)) continue;
    objects.add(e);
    // A quote that is not a string (not from a parser) compares as JSON does: only the keyed path says so.
    if (typeof e.quote !== 'string') return dedupeByKey(evidence);
    const kept = byQuote.get(e.quote);
    if (kept === undefined) byQuote.set(e.quote, [e]);
    else if (kept.some((k) => sameEvidence(k, e))) continue;
    else kept.push(e);
    out.push(e);
  }
  return out;
}

/** Whether {@link dedupeEvidence} could drop anything (compared as it compares; a list past PAIRWISE items is left to it). */
export function hasRepeats(evidence: readonly Evidence[]): boolean {
  if (evidence.length <= 1) return false;
  if (evidence.length > PAIRWISE) return true;
  for (let i = 1; i < evidence.length; i++) for (let j = 0; j < i; j++) if (sameEvidence(evidence[j]!, evidence[i]!)) return true;
  return false;
}

function dedupeByKey(evidence: Evidence[]): Evidence[] {
  const objects = new Set<Evidence>();
  const seen = new Set<string>();
  return evidence.filter((e) => {
    if (objects.has(e)) return false;
    objects.add(e);
    const key = JSON.stringify([e.documentId, e.file, e.start, e.end, e.line, e.path, e.quote]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const jsonish = (v: unknown) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : v);
const sameField = (a: unknown, b: unknown) => jsonish(a) === jsonish(b);
function sameEvidence(a: Evidence, b: Evidence): boolean {
  return sameField(a.quote, b.quote) && sameField(a.line, b.line) && sameField(a.path, b.path) && sameField(a.start, b.start)
    && sameField(a.end, b.end) && sameField(a.documentId, b.documentId) && sameField(a.file, b.file);
}
