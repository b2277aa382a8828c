import type { Severity } from '@custody/domain';

/**
 * Threagile's CalculateSeverity on a continuous scale: likelihood and impact (0–1) are each put in one of
 * four bands ((0,.25], (.25,.5], (.5,.75], (.75,1]) and the band product decides the severity:
 * 0 → info, 1–2 → low, 3–6 → medium, 8–9 → high, 12–16 → critical.
 * The only place severity is decided; monotonic in both arguments.
 */
export function severityOf(likelihood: number, impact: number): Severity {
  const product = band(likelihood) * band(impact);
  if (product === 0) return 'info';
  if (product <= 2) return 'low';
  if (product <= 6) return 'medium';
  if (product <= 9) return 'high';
  return 'critical';
}

function band(x: number): number {
  if (!(x > 0)) return 0;
  return Math.min(4, Math.ceil(Math.min(1, x) * 4));
}
