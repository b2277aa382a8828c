import type { FactSet } from './facts.js';
import type { DocumentKind } from './taxonomy.js';

/**
 * When an agreement (a BAA, a contract, a consent or authorization) stops being in force, defined once for the
 * projection and the rules. It is good through its last day: expired when the calendar day (UTC) of `expires`
 * is before the day of `at`. An unparseable date is not treated as expired (the extraction may have misread it).
 */
export function hasExpired(expires: string | undefined, at: Date | string): boolean {
  if (!expires) return false;
  const end = Date.parse(expires);
  const now = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(end) || !Number.isFinite(now)) return false;
  return new Date(end).toISOString().slice(0, 10) < new Date(now).toISOString().slice(0, 10);
}

/**
 * A contract is a BAA when its facts say it is (or offers) one. The fact, not the document's classification,
 * decides: a person's correction of `baa_offered` must win, and a kind of `baa` with the fact unspecified is a
 * guess from headings. A contract read with no facts at all falls back to its classification.
 */
export function isBaaContract(contract: { kind?: DocumentKind; facts?: Partial<FactSet> }): boolean {
  const stated = contract.facts?.baa_offered?.value;
  return stated === undefined ? contract.kind === 'baa' : stated === 'yes';
}

/** A BAA in force at `at`: a BAA that has not expired. */
export function isBaaInForce(contract: { kind?: DocumentKind; facts?: Partial<FactSet>; expires?: string }, at: Date | string): boolean {
  return isBaaContract(contract) && !hasExpired(contract.expires, at);
}
