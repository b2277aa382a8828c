import type { Persistence } from '@custody/persistence';
import { FindingsPageTexts, MAX_KEPT_PAGE_CHARS, pageText, unconfirmedPageText } from './findings-page-text.js';

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

  it('serves the page built last, marked unconfirmed, when the mark is late; at most two mark queries for all late reads; checks again once the database answers', async () => {
    let hold: Promise<void> | undefined;
    let mark = 'a';
    let marks = 0;
    const db = { projections: { findingsMark: async () => { marks++; await hold; return mark; } } } as unknown as Persistence;
    const kept = new FindingsPageTexts(db, 20);
    let made = 0;
    const make = async () => pageText({ items: [made++], total: 1 });
    const first = await kept.text('ws', false, { limit: '50' }, make);
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    marks = 0;
    // The database is busy (a scoring's transaction): each read gets the page built last, unconfirmed, in time.
    const late = await Promise.all([1, 2, 3, 4].map(() => kept.text('ws', false, { limit: '50' }, make)));
    for (const page of late) {
      expect(page).toBe(late[0]);
      expect(JSON.parse(page.json)).toEqual({ ...JSON.parse(first.json), unconfirmed: true });
      expect(page.etag).not.toBe(first.etag);
    }
    expect(marks).toBe(1); // the others wait for the one queued after it, not one each
    // A page never built waits for the mark whatever it takes.
    let otherDone = false;
    const other = kept.text('ws', false, { limit: '10' }, make).then((p) => ((otherDone = true), p));
    await new Promise((r) => setTimeout(r, 60));
    expect(otherDone).toBe(false);
    mark = 'b';
    hold = undefined;
    release();
    await other;
    expect(marks).toBe(2);
    // The database answers: the next read checks, sees the findings changed and builds the page again.
    const next = await kept.text('ws', false, { limit: '50' }, make);
    expect(JSON.parse(next.json).unconfirmed).toBeUndefined();
    expect(next.json).not.toBe(first.json);
  });

  it('marks a page unconfirmed as valid JSON with its own ETag', () => {
    const page = pageText({ items: [], total: 0 });
    expect(JSON.parse(unconfirmedPageText(page).json)).toEqual({ items: [], total: 0, unconfirmed: true });
    expect(JSON.parse(unconfirmedPageText({ json: '{}', etag: '"x"' }).json)).toEqual({ unconfirmed: true });
    expect(unconfirmedPageText(page).etag).toMatch(/^".+-u"$/);
  });
});
