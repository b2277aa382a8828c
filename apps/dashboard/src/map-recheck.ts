/** What the recheck needs of a map read: which run it is of, and whether the server could check that. */
export interface CheckedMap { run?: { unconfirmed?: boolean }; unconfirmed?: boolean }

/**
 * Reads the map again while the server answers it `run.unconfirmed` (its database did not say in time which
 * scoring run is the latest, so it served the map it served last) or `unconfirmed` (its composition of the map
 * did not answer in time, so it served the one it answered last). Without this the dashboard kept such a map:
 * the read that ExposureScored prompts often meets the database still busy with that run's writes, and no
 * second event comes, so the previous run's map stayed up beside the new run's score and findings.
 * Waits `delaysMs` between reads (the last one repeats) until a confirmed map, or `cancel` (a new load).
 * The live findings list's first page is rechecked the same way (findings-recheck.ts).
 */
export class UnconfirmedMapRecheck<M extends CheckedMap> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<M>,
    private readonly show: (map: M) => void,
    private readonly delaysMs: readonly number[] = [500, 1_000, 2_000, 4_000],
  ) {}

  /** A map was drawn: if it is unconfirmed, read it again later. Replaces any recheck already waiting. */
  after(map: M, attempt = 0): void {
    this.cancel();
    if (!map.run?.unconfirmed && !map.unconfirmed) return;
    const mine = this.generation;
    const ms = this.delaysMs[Math.min(attempt, this.delaysMs.length - 1)]!;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.read().then(
        (next) => {
          if (mine !== this.generation) return;
          this.show(next);
          this.after(next, attempt + 1);
        },
        // A failed read leaves the map drawn, and tries again later.
        () => void (mine === this.generation && this.after(map, attempt + 1)),
      );
    }, ms);
  }

  /** Drops the waiting recheck and any read in flight (the view changed: its load reads the map again). */
  cancel(): void {
    this.generation++;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
