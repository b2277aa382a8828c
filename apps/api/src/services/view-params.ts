/**
 * The query parameters that name a view of the audit (`lens`, `asOf`), parsed and refused with a 400 as every
 * route that reads a view takes them. Apart from audit.service.ts because they are request parsing, used by the
 * controllers before any read; the service takes them already typed.
 */
import { InvalidInputError, LENSES, type Lens } from '@custody/domain';

export function parseLens(value: unknown): Lens | undefined {
  if (value === undefined || value === '') return undefined;
  if (!LENSES.includes(value as Lens)) throw new InvalidInputError(`unknown lens "${String(value)}"; expected one of ${LENSES.join(', ')}`);
  return value as Lens;
}

export function parseAsOf(value: unknown): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new InvalidInputError(`asOf "${String(value)}" is not a date`);
  return d;
}
