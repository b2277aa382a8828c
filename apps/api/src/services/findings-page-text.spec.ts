import type { Persistence } from '@custody/persistence';
import { FindingsPageTexts, MAX_KEPT_PAGE_CHARS, pageText } from './findings-page-text.js';

/** Only the mark is read from the database: a stand-in whose mark the test moves. */
function texts(mark: { value: string }) {
  const db = { projections: { findingsMark: async () => mark.value } } as unknown as Persistence;
  return new FindingsPageTexts(db);
}

describe('pages of findings kept as text', () => {
  it('keeps a page until the mark moves, and never a failed one', async () => {
    const mark = { value: 'a' };
    const kept = texts(mark);
    let made = 0;
    const make = async () => pageText({ items: [made++], total: 1 });
    const first = await kept.text('ws', false, { limit: '50' }, make);
    expect(await kept.text('ws', false, { limit: '50' }, make)).toBe(first);
    expect(made).toBe(1);
    mark.value = 'b';
    expect((await kept.text('ws', false, { limit: '50' }, make)).json).not.toBe(first.json);
    expect(made).toBe(2);
    const failing = texts(mark);
    await expect(failing.text('ws', false, {}, async () => { throw new Error('sealed row unreadable'); })).rejects.toThrow('sealed row unreadable');
    expect(await failing.text('ws', false, {}, make)).toEqual(expect.objectContaining({ json: expect.any(String) }));
  });

  it('sends a page larger than it may keep without keeping it', async () => {
    const kept = texts({ value: 'a' });
    let made = 0;
    const big = async () => { made++; return pageText({ items: ['x'.repeat(MAX_KEPT_PAGE_CHARS)], total: 1 }); };
    const first = await kept.text('ws', false, { limit: '500', instances: '100' }, big);
    expect(first.json.length).toBeGreaterThan(MAX_KEPT_PAGE_CHARS);
    await new Promise((r) => setImmediate(r)); // the entry is dropped once its text is known
    await kept.text('ws', false, { limit: '500', instances: '100' }, big);
    expect(made).toBe(2);
  });
});
