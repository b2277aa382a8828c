import { InvalidInputError } from './errors.js';

/** One page of a list ordered by id, and the cursor for the next page (absent on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  total: number;
}

export const MAX_PAGE_SIZE = 500;

/**
 * Keyset paging over items sorted by `id`: the cursor is the last id seen (base64url), so a page stays
 * correct when findings appear or disappear between requests (an offset would skip or repeat them).
 */
export function pageById<T extends { id: string }>(items: readonly T[], opts: { limit?: string | number; cursor?: string }): Page<T> {
  const limit = Number(opts.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new InvalidInputError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  let after: string | undefined;
  if (opts.cursor !== undefined && opts.cursor !== '') {
    after = Buffer.from(opts.cursor, 'base64url').toString('utf8');
    if (!after || Buffer.from(after, 'utf8').toString('base64url') !== opts.cursor) throw new InvalidInputError('cursor is not one this API returned');
  }
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = after === undefined ? 0 : sorted.findIndex((x) => x.id > after!);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit);
  return {
    items: page,
    total: sorted.length,
    ...(rest.length > limit ? { nextCursor: Buffer.from(page[page.length - 1]!.id, 'utf8').toString('base64url') } : {}),
  };
}
