import { jest } from '@jest/globals';
import { FINDINGS_PAGE, LISTED_INSTANCES, findingsRecheck } from '../../apps/dashboard/src/findings-recheck.js';

/** The first page as the list reads it (LiveFindingsPage, whose items do not matter here). */
interface LiveFindingsPage { items: unknown[]; total: number; unconfirmed?: boolean }

const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };
const page = (total: number, unconfirmed?: true): LiveFindingsPage => ({ items: [], total, ...(unconfirmed ? { unconfirmed } : {}) });

describe('the live findings list read again while unconfirmed', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads the first page again (the query the live view reads it with) until the server confirms it, and shows each', async () => {
    const answers = [page(1, true), page(2)];
    const findingsPage = jest.fn(async (_q: unknown): Promise<LiveFindingsPage> => answers.shift()!);
    const shown: number[] = [];
    const recheck = findingsRecheck({ findingsPage }, (p) => shown.push(p.total), [100, 200]);
    recheck.after(page(1, true));
    jest.advanceTimersByTime(100);
    await flush();
    jest.advanceTimersByTime(200);
    await flush();
    expect(shown).toEqual([1, 2]);
    expect(findingsPage).toHaveBeenCalledWith({ limit: FINDINGS_PAGE, instances: LISTED_INSTANCES });
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(findingsPage).toHaveBeenCalledTimes(2);
  });

  it('leaves a confirmed page alone', async () => {
    const findingsPage = jest.fn(async (_q: unknown): Promise<LiveFindingsPage> => page(3));
    const recheck = findingsRecheck({ findingsPage }, () => undefined, [100]);
    recheck.after(page(1));
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(findingsPage).not.toHaveBeenCalled();
  });
});
