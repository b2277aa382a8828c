import type { AuditReport } from '@custody/domain';

/** Options for {@link renderJson}. */
export interface JsonRenderOptions {
  /** Spaces per indent level (default 2). */
  indent?: number;
}

/** Deep copy with every object's keys sorted, so equal reports serialise to identical bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The AuditReport as pretty JSON with a stable (alphabetical, recursive) key order and a trailing newline.
 * Array order is kept: it is meaningful (findings are ordered by the engine).
 */
export function renderJson(report: AuditReport, opts: JsonRenderOptions = {}): string {
  return `${JSON.stringify(sortKeys(report), null, opts.indent ?? 2)}\n`;
}
