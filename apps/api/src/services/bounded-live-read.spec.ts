import { BoundedLiveRead } from './bounded-live-read.js';

/** A composition the test finishes when it likes (the read thread composing a fleet's view). */
function gate<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const timed = async <T>(p: Promise<T>) => {
  const t0 = performance.now();
  const value = await p;
  return { value, ms: performance.now() - t0 };
};

describe('BoundedLiveRead', () => {
  it('waits for the first composition of a key whatever it takes, then answers late reads with the last answer marked unconfirmed', async () => {
    const live = new BoundedLiveRead<{ v: number }>(30);
    const first = gate<{ v: number }>();
    const reading = timed(live.read('ws', () => first.promise));
    await new Promise((r) => setTimeout(r, 80)); // past the wait: nothing kept yet, so the read still waits
    first.resolve({ v: 1 });
    const a = await reading;
    expect(a.value).toEqual({ v: 1 });
    expect(a.ms).toBeGreaterThanOrEqual(70);

    // The next composition is slow: the read is answered within the wait, with the kept answer, unconfirmed.
    const second = gate<{ v: number }>();
    const late = await timed(live.read('ws', () => second.promise));
    expect(late.value).toEqual({ v: 1, unconfirmed: true });
    expect(late.ms).toBeLessThan(1000);
    // A read while it still runs starts no composition of its own.
    let started = 0;
    expect(await live.read('ws', async () => ({ v: 99 + started++ }))).toEqual({ v: 1, unconfirmed: true });
    expect(started).toBe(0);

    // Once it has answered, its answer is what late reads get; a read whose own composition is in time gets it, confirmed.
    second.resolve({ v: 2 });
    await new Promise((r) => setImmediate(r));
    const third = gate<{ v: number }>();
    expect(await live.read('ws', () => third.promise)).toEqual({ v: 2, unconfirmed: true });
    third.resolve({ v: 3 });
    await new Promise((r) => setImmediate(r));
    expect(await live.read('ws', async () => ({ v: 4 }))).toEqual({ v: 4 });
  });

  it('never serves as confirmed a composition begun before the read, even when it answers in time', async () => {
    const live = new BoundedLiveRead<{ v: number }>(200);
    await live.read('ws', async () => ({ v: 1 }));
    const running = gate<{ v: number }>();
    const own = live.read('ws', () => running.promise);
    const joined = live.read('ws', async () => ({ v: -1 }));
    running.resolve({ v: 2 });
    expect(await own).toEqual({ v: 2 });
    expect(await joined).toEqual({ v: 2, unconfirmed: true });
  });

  it('marks unconfirmed the answer a read shares of a key\'s first composition, begun before that read', async () => {
    const live = new BoundedLiveRead<{ v: number }>(30);
    const first = gate<{ v: number }>();
    const own = live.read('ws', () => first.promise);
    let started = 0;
    const joined = live.read('ws', async () => ({ v: 99 + started++ }));
    first.resolve({ v: 1 });
    expect(await own).toEqual({ v: 1 });
    // It waited for the composition (nothing kept to fall back on) but may miss a change made before it came.
    expect(await joined).toEqual({ v: 1, unconfirmed: true });
    expect(started).toBe(0);
  });

  it('keeps nothing from a failed composition: the reads that waited for it fail, the others get the last answer', async () => {
    const live = new BoundedLiveRead<{ v: number }>(30);
    await expect(live.read('ws', async () => { throw new Error('database unavailable'); })).rejects.toThrow('database unavailable');
    await live.read('ws', async () => ({ v: 1 }));
    const failing = gate<{ v: number }>();
    expect(await live.read('ws', () => failing.promise)).toEqual({ v: 1, unconfirmed: true });
    failing.reject(new Error('database unavailable'));
    await new Promise((r) => setImmediate(r));
    expect(await live.read('ws', async () => ({ v: 2 }))).toEqual({ v: 2 });
    // Keys are apart: another workspace waits for its own first answer.
    expect(await live.read('other', async () => ({ v: 7 }))).toEqual({ v: 7 });
  });
});
