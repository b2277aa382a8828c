import { InvalidInputError } from './errors.js';

/** One page of a list ordered by id, and the cursor for the next page (absent on the last one). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  total: number;
}

export const MAX_PAGE_SIZE = 500;

// The domain runs in the browser too (the dashboard imports it), so no Node Buffer: base64url by hand.
function toBase64Url(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return '';
  let bin: string;
  try {
    bin = atob(code.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (code.length % 4)) % 4));
  } catch {
    return ''; // not base64 at all: the caller reports a bad cursor
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/**
 * A page request checked: `limit` (1 to MAX_PAGE_SIZE, default 100) and the id the cursor names (the last id
 * of the previous page). Shared by paging in memory (pageById) and paging in the database (one SQL page), so
 * both accept and refuse exactly the same requests and issue the same cursors.
 */
export function pageRequest(opts: { limit?: string | number; cursor?: string }): { limit: number; after?: string } {
  const limit = Number(opts.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw new InvalidInputError(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  if (opts.cursor === undefined || opts.cursor === '') return { limit };
  const after = fromBase64Url(opts.cursor);
  if (!after || toBase64Url(after) !== opts.cursor) throw new InvalidInputError('cursor is not one this API returned');
  return { limit, after };
}

/** The cursor that continues after `id`. */
export const pageCursor = (id: string): string => toBase64Url(id);

/**
 * Keyset paging over items sorted by `id`: the cursor is the last id seen (base64url), so a page stays
 * correct when findings appear or disappear between requests (an offset would skip or repeat them).
 */
export function pageById<T extends { id: string }>(items: readonly T[], opts: { limit?: string | number; cursor?: string }): Page<T> {
  const { limit, after } = pageRequest(opts);
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = after === undefined ? 0 : sorted.findIndex((x) => x.id > after);
  const rest = start < 0 ? [] : sorted.slice(start);
  const page = rest.slice(0, limit);
  return {
    items: page,
    total: sorted.length,
    ...(rest.length > limit ? { nextCursor: pageCursor(page[page.length - 1]!.id) } : {}),
  };
}
