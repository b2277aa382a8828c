import { createHash } from 'node:crypto';
import type { DocumentAnalysis } from './analyze-document.js';

/**
 * The projection input of a document: its analysis reduced to what the projection (and the report's document
 * list) reads, with every string and evidence list bounded. Stored beside the full analysis, so the re-audit
 * after each document reads a few kilobytes per document instead of the whole analysis (42 MB for a CSV with
 * one 20 MB line, most of it that line copied into a system's name and settings).
 *
 * The bounds only bite on input no real document has (a 4 KB system name, a clause quoted at more than 4 KB, one
 * system seen in more than 32 places): the corpus projects the same graph from either form (test). A clipped
 * string keeps its length and a hash of the whole, so two long values that differ stay different (a system id
 * clipped to a common prefix would otherwise merge two systems).
 */
export const PROJECTION_LIMITS = { maxString: 4096, maxEvidence: 32 } as const;

/** Bumped when the reduction changes, so a stored input from an older reduction is derived again. */
export const PROJECTION_INPUT_VERSION = 1;

export interface ProjectionInput {
  v: number;
  analysis: DocumentAnalysis;
}

export function clipString(s: string, max = PROJECTION_LIMITS.maxString): string {
  if (s.length <= max) return s;
  const digest = createHash('sha256').update(s).digest('hex').slice(0, 16);
  return `${s.slice(0, max)}… [clipped: ${s.length} characters, sha256 ${digest}]`;
}

function bounded(value: unknown, key: string | undefined, limits: typeof PROJECTION_LIMITS): unknown {
  if (typeof value === 'string') return clipString(value, limits.maxString);
  if (Array.isArray(value)) {
    // Evidence says where a fact or system was seen: the first places make the point; the rest only weigh.
    const items = key === 'evidence' ? value.slice(0, limits.maxEvidence) : value;
    return items.map((v) => bounded(v, undefined, limits));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[clipString(k, limits.maxString)] = bounded(v, k, limits);
    return out;
  }
  return value;
}

/** Fields of a config's parse result the projection never reads (kept in the full analysis for the document view). */
const UNREAD_PARSE_FIELDS = ['unparsed'] as const;

/** Derives the projection input of an analysis (pure; applying it to its own output changes nothing). */
export function projectionInput(analysis: DocumentAnalysis, limits = PROJECTION_LIMITS): ProjectionInput {
  let reduced: DocumentAnalysis = analysis;
  if (analysis.type === 'integration_config' || analysis.type === 'fleet_export') {
    const parse = { ...analysis.parse };
    for (const f of UNREAD_PARSE_FIELDS) delete parse[f];
    reduced = { ...analysis, parse };
  }
  return { v: PROJECTION_INPUT_VERSION, analysis: bounded(reduced, undefined, limits) as DocumentAnalysis };
}

/** A stored projection input when it is one of this version; otherwise undefined (derive it from the analysis). */
export function storedProjectionInput(value: unknown): ProjectionInput | undefined {
  const v = value as ProjectionInput | undefined;
  return v && typeof v === 'object' && v.v === PROJECTION_INPUT_VERSION && v.analysis && typeof v.analysis === 'object' ? v : undefined;
}
