import type { Clause } from './clause.js';
import type { Hit } from './lexicon.js';
import type { Category } from './vocabulary.js';

/** A clause's hits by category and kind, and where they stand: a verb or a noun, in the rule or its exception (clause.ts). */

export function hitsOf(c: Clause, cat: Category, kinds?: string | string[]): Hit[] {
  const ks = kinds === undefined ? undefined : Array.isArray(kinds) ? kinds : [kinds];
  return c.hits.filter((h) => h.cat === cat && (ks === undefined || ks.includes(h.kind)));
}

export function has(c: Clause, cat: Category, kinds?: string | string[]): boolean {
  return hitsOf(c, cat, kinds).length > 0;
}

const POSSESSIVE = new Set(['your', 'their', 'his', 'her', 'its', 'our', 'my']);
const NOMINAL = new Set(['disclosure', 'disclosures', 'sharing', 'access', 'notice', 'notices', 'notification', 'notifications', 'retention', 'deletion', 'destruction', 'erasure', 'training', 'marketing', 'advertising']);

/**
 * Whether an action hit is used as a verb, or as a noun that still names the act ("disclosure of your data",
 * "access to Customer Data") rather than a thing in a list ("agreements, notices, disclosures").
 */
export function verbal(c: Clause, h: Hit): boolean {
  // "terminate your access to the Service": access someone holds is a thing ended or limited, not access given.
  if (c.tokens[h.t0].lower === 'access' && POSSESSIVE.has(c.tokens[h.t0 - 1]?.lower ?? '')) return false;
  if (h.t1 - h.t0 > 1 || !NOMINAL.has(c.tokens[h.t0].lower)) return true;
  const next = c.tokens[h.t1]?.lower;
  return next === 'of' || next === 'to' || next === 'by';
}

/** Whether a hit describes the exception ("… unless required by law") rather than the rule. */
export function inException(c: Clause, h: Hit): boolean {
  return h.t0 > c.exceptAt;
}

/**
 * As {@link inException}, but an exception that opens the clause ends at its first comma ("Except for the limited
 * rights granted here, Customer will own …": the main clause after the comma is the rule).
 */
export function inExceptionPart(c: Clause, h: Hit): boolean {
  if (!Number.isFinite(c.exceptAt) || c.exceptAt > 1) return inException(c, h);
  let comma = c.exceptAt + 1;
  while (comma < c.tokens.length && c.tokens[comma].lower !== ',') comma++;
  return h.t0 > c.exceptAt && h.t0 < comma;
}

/** The clause text between two hits (for reading what an action applies to). */
export function between(c: Clause, a: Hit | number, b: Hit | number): string {
  const from = typeof a === 'number' ? a : a.end;
  const to = typeof b === 'number' ? b : b.start;
  return c.view.slice(from, Math.max(from, to));
}
