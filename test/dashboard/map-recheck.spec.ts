import { jest } from '@jest/globals';
import { UnconfirmedMapRecheck, type CheckedMap } from '../../apps/dashboard/src/map-recheck.js';

type Map = CheckedMap & { name: string };
const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };

describe('UnconfirmedMapRecheck', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads an unconfirmed map again until the server confirms one, and shows each', async () => {
    const answers: Map[] = [{ name: 'run 1', run: { unconfirmed: true } }, { name: 'run 2' }];
    const read = jest.fn(async () => answers.shift()!);
    const shown: string[] = [];
    const recheck = new UnconfirmedMapRecheck<Map>(read, (m) => shown.push(m.name), [100, 200]);
    recheck.after({ name: 'run 1', run: { unconfirmed: true } });
    jest.advanceTimersByTime(100);
    await flush();
    expect(shown).toEqual(['run 1']);
    jest.advanceTimersByTime(200);
    await flush();
    expect(shown).toEqual(['run 1', 'run 2']);
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('also reads again a map the server marks unconfirmed at the top (its composition was late)', async () => {
    const read = jest.fn(async (): Promise<Map> => ({ name: 'composed' }));
    const shown: string[] = [];
    const recheck = new UnconfirmedMapRecheck<Map>(read, (m) => shown.push(m.name), [100]);
    recheck.after({ name: 'last answered', unconfirmed: true });
    jest.advanceTimersByTime(100);
    await flush();
    expect(shown).toEqual(['composed']);
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('leaves a confirmed map alone, and a cancelled recheck shows nothing', async () => {
    const read = jest.fn(async (): Promise<Map> => ({ name: 'late' }));
    const shown: string[] = [];
    const recheck = new UnconfirmedMapRecheck<Map>(read, (m) => shown.push(m.name), [100]);
    recheck.after({ name: 'confirmed', run: {} });
    jest.advanceTimersByTime(1_000);
    expect(read).not.toHaveBeenCalled();
    recheck.after({ name: 'unconfirmed', run: { unconfirmed: true } });
    jest.advanceTimersByTime(100);
    recheck.cancel(); // a new load started while the read was in flight
    await flush();
    expect(read).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([]);
  });

  it('tries again after a failed read', async () => {
    const read = jest.fn<() => Promise<Map>>().mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce({ name: 'run 2' });
    const shown: string[] = [];
    const recheck = new UnconfirmedMapRecheck<Map>(read, (m) => shown.push(m.name), [100]);
    recheck.after({ name: 'run 1', run: { unconfirmed: true } });
    jest.advanceTimersByTime(100);
    await flush();
    jest.advanceTimersByTime(100);
    await flush();
    expect(shown).toEqual(['run 2']);
  });
});
