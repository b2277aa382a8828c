import { HealthProbe, healthBody } from './health-probe.js';

/** Health answers quickly while its dependencies are busy, yet never hides an outage past their bound. */
describe('HealthProbe', () => {
  let now = 1_000_000;
  let probes = 0;
  let release: (() => void) | undefined;
  let figures: { unfinished?: number; pending?: number } = { unfinished: 0, pending: 0 };
  /** A probe that answers at once, or (when `busy`) only once released. */
  let busy = false;
  const probe = new HealthProbe(async () => {
    probes++;
    if (busy) await new Promise<void>((r) => (release = r));
    return { ...figures };
  }, { waitMs: 20, staleMs: 5_000, now: () => now });

  it('answers with fresh figures when the dependencies answer in time, one probe per request', async () => {
    expect(await probe.read()).toEqual({ unfinished: 0, pending: 0, at: now });
    figures = { unfinished: 3, pending: 2 };
    now += 10;
    expect(await probe.read()).toEqual({ unfinished: 3, pending: 2, at: now });
    expect(probes).toBe(2);
  });

  it('serves the last figures while a probe is held up, and shares that one probe', async () => {
    busy = true;
    figures = { unfinished: 7, pending: 1 };
    now += 100;
    const before = probes;
    const [a, b] = await Promise.all([probe.read(), probe.read()]);
    expect(a).toEqual({ unfinished: 3, pending: 2, at: now - 100 });
    expect(b).toBe(a);
    expect(probes).toBe(before + 1);
    // The held probe ends in the background: its figures are what the next held-up request is served.
    release!();
    await new Promise((r) => setTimeout(r, 0));
    figures = { unfinished: 8, pending: 0 };
    expect(await probe.read()).toMatchObject({ unfinished: 7, pending: 1 });
    busy = false;
    release!();
    await new Promise((r) => setTimeout(r, 0));
  });

  it('waits for the probe once the last figures are older than the bound, so an outage shows', async () => {
    busy = true;
    figures = { unfinished: undefined, pending: 1 };
    now += 6_000;
    let answered = false;
    const read = probe.read().then((f) => {
      answered = true;
      return f;
    });
    await new Promise((r) => setTimeout(r, 40));
    expect(answered).toBe(false);
    busy = false;
    release!();
    expect(await read).toEqual({ unfinished: undefined, pending: 1, at: now });
  });
});

describe('healthBody', () => {
  it('says when its figures were measured, so figures served from the last probe read as such', () => {
    const at = Date.parse('2026-12-07T01:18:51.000Z');
    expect(healthBody({ unfinished: 0, pending: 1, at }, 'embedded', 'postgres')).toEqual({
      status: 'ok', mode: 'embedded', checkedAt: '2026-12-07T01:18:51.000Z', database: 'up',
      queue: { backend: 'postgres', status: 'up', pending: 1 }, documents: { unfinished: 0 }, down: [],
    });
    expect(healthBody({ pending: 0, at }, 'production', 'redis')).toMatchObject({ status: 'degraded', database: 'down', documents: {}, down: ['database'] });
  });
});
