import { DATA_CATEGORY_SENSITIVITY, type DataCategory } from '@custody/domain';
import type { RuleSettings } from './rule.js';

/** Sensitivity (0–1) of one category: the settings' override, else product.md's table. */
export function sensitivityOf(category: DataCategory, settings: Pick<RuleSettings, 'sensitivity'>): number {
  const v = settings.sensitivity[category] ?? DATA_CATEGORY_SENSITIVITY[category] ?? 0.5;
  return Math.max(0, Math.min(1, v));
}

/**
 * The most sensitive category's sensitivity. A finding with no categories (a leaked credential) has no data
 * of its own to weigh, so it gets 1 and the rule's harm alone decides its impact.
 */
export function maxSensitivity(categories: readonly DataCategory[], settings: Pick<RuleSettings, 'sensitivity'>): number {
  if (categories.length === 0) return 1;
  return Math.max(...categories.map((c) => sensitivityOf(c, settings)));
}

/**
 * A draft's impact: the rule's judgement of the harm this kind of exposure does (0–1) times the
 * sensitivity of the most sensitive category exposed. Sensitivity enters the score here, once.
 */
export function impactOf(harm: number, categories: readonly DataCategory[], settings: Pick<RuleSettings, 'sensitivity'>): number {
  return clamp01(harm * maxSensitivity(categories, settings));
}

/** Clamp into [0, 1]; NaN becomes 0, +∞ becomes 1. */
export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  return Math.max(0, Math.min(1, x));
}
