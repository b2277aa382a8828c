import { applyCorrections, isValidFactValue } from '@custody/domain';
import type { FactCorrection, FactSet } from '@custody/domain';

/**
 * Apply human corrections to a contract's facts with the domain's one correction model (latest wins, the
 * machine's answer kept as `machine`, confidence 1, extractor `human:<by>`). The projection must not fail on
 * one bad stored correction, so invalid ones are skipped with a warning instead of thrown.
 */
export function applyFactCorrections(facts: FactSet, corrections: readonly FactCorrection[] = []): { facts: FactSet; warnings: string[] } {
  const warnings: string[] = [];
  const valid = corrections.filter((c) => {
    const ok = c.fact in facts && isValidFactValue(c.fact, c.value) && typeof c.by === 'string' && c.by.length > 0;
    if (!ok) warnings.push(`correction of ${c.fact} by ${c.by} at ${c.at} ignored: ${JSON.stringify(c.value)} is not a valid value`);
    return ok;
  });
  return { facts: applyCorrections(facts, valid), warnings };
}
