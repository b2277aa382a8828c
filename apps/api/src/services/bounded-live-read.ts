import { MruMap } from '@custody/domain';
import { LATE, within } from './within.js';

/** Live reads whose last answer is kept per key: the dashboard's few open workspaces, lenses and expansions. */
const KEPT = 16;

/**
 * A live read (the grouped graph composed from the read model) that answers within `waitMs` once it has answered
 * once. Composing a 10,000-install fleet's grouped view is seconds of CPU and queries in the read thread, and
 * before the fleet's first scoring stores a view every graph read composed one: in embedded mode on a loaded
 * machine (bench:api) graph reads took p99 3.2 s, max 22 s, while health, which never waits long, had p99 0.33 s.
 *
 * Per key, one composition runs at a time. A read that finds none running starts one and waits up to `waitMs`
 * for it: in time, that answer, as before (it began after the read, so it shows every change before the read).
 * A read that finds one running (begun before it: it may miss a change the read should see), or whose own is
 * late, gets the answer kept from the last composition, marked `unconfirmed` (the dashboard reads again), and
 * does not wait; the composition goes on and its answer is kept for the next reads. Only a key never answered
 * waits for its composition whatever it takes (a read joining that first composition gets it marked too). A failed composition keeps nothing and fails only the reads
 * that waited for it.
 */
export class BoundedLiveRead<T extends object> {
  private readonly last = new MruMap<string, T>(KEPT);
  private readonly running = new Map<string, Promise<T>>();
  /** One unconfirmed copy per kept answer, so repeated unchecked reads of one answer get one object. */
  private readonly copies = new WeakMap<T, T & { unconfirmed: true }>();

  constructor(private readonly waitMs: number) {}

  async read(key: string, compose: () => Promise<T>): Promise<T | (T & { unconfirmed: true })> {
    const last = this.last.get(key);
    const running = this.running.get(key);
    if (running) {
      // Begun before this read: never served as confirmed. Without anything kept, the first reads share it
      // (waiting whatever it takes, as the first read does), marked.
      if (!last) return running.then((value) => this.unconfirmed(value));
      const answer = await within(running, this.waitMs).catch((): typeof LATE => LATE);
      return this.unconfirmed(answer === LATE ? last : answer);
    }
    const mine = compose();
    this.running.set(key, mine);
    void mine.then(
      (value) => this.last.set(key, value),
      () => undefined, // a failure keeps nothing: the reads that waited for it get it
    ).finally(() => void (this.running.get(key) === mine && this.running.delete(key)));
    if (!last) return mine;
    const answer = await within(mine, this.waitMs);
    return answer === LATE ? this.unconfirmed(last) : answer;
  }

  private unconfirmed(value: T): T & { unconfirmed: true } {
    let copy = this.copies.get(value);
    if (!copy) this.copies.set(value, (copy = { ...value, unconfirmed: true as const }));
    return copy;
  }
}
