/**
 * One load of the view at a time: a change of view during a load queues one more, so the last view asked for
 * wins, and the load in flight can ask `again` to stop early (its view is no longer the one wanted). Apart from
 * dashboard.ts because it is the page's only concurrency rule for loads, and it also keeps `aria-busy` on the
 * body, which assistive technology and the browser tests read as "the panels are still filling in".
 */
export class LoadQueue {
  private loading: Promise<void> | null = null;
  /** Set when a newer view was asked for while a load was in flight: that load draws nothing more. */
  again = false;

  constructor(private readonly loadOnce: () => Promise<void>) {}

  load(): Promise<void> {
    if (this.loading) { this.again = true; return this.loading; }
    // aria-busy tells assistive technology (and the browser tests) that the panels are still filling in:
    // the map is drawn before the audit arrives, so "nodes on the map" does not mean "header and panels ready".
    document.body.setAttribute('aria-busy', 'true');
    this.loading = (async () => {
      do { this.again = false; await this.loadOnce(); } while (this.again);
      this.loading = null;
      document.body.setAttribute('aria-busy', 'false');
    })();
    return this.loading;
  }
}
