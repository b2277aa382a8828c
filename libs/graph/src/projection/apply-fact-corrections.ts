import { isValidFactValue } from '@custody/domain';
import type { Fact, FactCorrection, FactSet } from '@custody/domain';

/**
 * Apply human corrections to a contract's facts, in `at` order (the latest correction wins).
 *
 * Deliberately minimal: libs/extraction owns the full correction model (confirm/reject, history, audit).
 * The projection only needs "what value holds now", so this keeps the original evidence, sets confidence 1
 * and the extractor to `human:<by>`, and skips (with a warning) values outside the fact's value set rather
 * than letting a bad correction reach the rules.
 */
export function applyFactCorrections(facts: FactSet, corrections: readonly FactCorrection[] = []): { facts: FactSet; warnings: string[] } {
  const out = { ...facts } as Record<string, Fact>;
  const warnings: string[] = [];
  const ordered = corrections.map((c, i) => ({ c, i })).sort((a, b) => a.c.at.localeCompare(b.c.at) || a.i - b.i);
  for (const { c } of ordered) {
    if (!(c.fact in facts) || !isValidFactValue(c.fact, c.value)) {
      warnings.push(`correction of ${c.fact} by ${c.by} at ${c.at} ignored: ${JSON.stringify(c.value)} is not a valid value`);
      continue;
    }
    const original = facts[c.fact];
    out[c.fact] = { value: c.value as never, evidence: original?.evidence ?? [], confidence: 1, extractor: `human:${c.by}` };
  }
  return { facts: out as FactSet, warnings };
}
