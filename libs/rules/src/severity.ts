import type { Severity } from '@custody/domain';

/**
 * Threagile's CalculateSeverity on a continuous scale: likelihood and impact (0–1) are each put in one of
 * four bands ((0,.25], (.25,.5], (.5,.75], (.75,1]) and the band product decides the severity, with
 * Threagile's cut points: 0 → info, 1–3 → low, 4–8 → medium, 9–12 → high, 16 → critical. Critical is kept
 * for exposures that are both very likely and very harmful, so a consultant's "critical" list stays short.
 * The only place severity is decided; monotonic in both arguments.
 */
export function severityOf(likelihood: number, impact: number): Severity {
  const product = band(likelihood) * band(impact);
  if (product === 0) return 'info';
  if (product <= 3) return 'low';
  if (product <= 8) return 'medium';
  if (product <= 12) return 'high';
  return 'critical';
}

function band(x: number): number {
  if (!(x > 0)) return 0;
  return Math.min(4, Math.ceil(Math.min(1, x) * 4));
}
