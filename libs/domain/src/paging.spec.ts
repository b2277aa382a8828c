import { pageById } from './paging.js';

describe('pageById', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ id: `f${i}` })).reverse();

  it('round-trips ids outside ASCII through the cursor', () => {
    const odd = [{ id: 'ä@system:ü' }, { id: 'z😀' }, { id: 'zz' }];
    expect(pageById(odd, { limit: 1, cursor: pageById(odd, { limit: 1 }).nextCursor }).items).toEqual([{ id: 'z😀' }]);
  });

  it('walks every item once, in id order, with a cursor per page', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageById(items, { limit: '3', cursor });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
  });

  it('stays correct when an item before the cursor disappears between pages', () => {
    const first = pageById(items, { limit: 2 });
    const later = pageById(items.filter((x) => x.id !== 'f0'), { limit: 2, cursor: first.nextCursor });
    expect(later.items.map((x) => x.id)).toEqual(['f2', 'f3']);
  });

  it('refuses a bad limit or a cursor it did not issue', () => {
    expect(() => pageById(items, { limit: 0 })).toThrow(/limit/);
    expect(() => pageById(items, { limit: 'ten' })).toThrow(/limit/);
    expect(() => pageById(items, { limit: 2, cursor: '!!' })).toThrow(/cursor/);
    // Base64url alphabet but not a valid encoding (a length of 4n+1), and one of non-UTF-8 bytes.
    expect(() => pageById(items, { limit: 2, cursor: 'abcde' })).toThrow(/cursor/);
    expect(() => pageById(items, { limit: 2, cursor: '_w' })).toThrow(/cursor/);
  });
});
