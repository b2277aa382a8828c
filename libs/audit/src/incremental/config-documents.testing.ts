import type { ParseResult } from '@custody/domain';
import type { AnalyzedDocument } from '../build-audit.js';

/** Spec support: the evaluation time of the incremental specs built from hand-written configs. */
export const AS_OF = '2026-06-01T00:00:00.000Z';
export const NOW = new Date(AS_OF);

/** Spec support: config number `n`, analysed as `parse`, received `n` seconds after the others before it. */
export function config(n: number, parse: Omit<ParseResult, 'format' | 'redactions'> & Partial<Pick<ParseResult, 'redactions'>>): AnalyzedDocument {
  return {
    id: `doc-${n}`, sha256: `sha-${n}`, file: `config-${n}.json`, receivedAt: new Date(Date.parse(AS_OF) - 1e6 + n * 1000).toISOString(),
    status: 'processed', type: 'integration_config', analysis: { type: 'integration_config', parse: { format: 'json', redactions: [], ...parse } },
  };
}

/** Spec support: evidence quoting `quote` on line 1. */
export const ev = (quote: string) => [{ quote, line: 1 }];
