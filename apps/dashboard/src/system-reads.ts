/**
 * A clicked system's details on the live view, read one system at a time (GET /systems/:id: its contracts,
 * flows and findings, kilobytes) instead of the whole audit (megabytes for a fleet). Kept per id until the view
 * or score changes; the names each read mentions are kept too, so findings and instances are labelled by name.
 */
import type { SystemView } from '@custody/domain';
import type { ApiClient } from './api.js';

export class SystemReads {
  private readonly views = new Map<string, Promise<SystemView>>();
  readonly names = new Map<string, string>();

  constructor(private readonly api: ApiClient) {}

  get(id: string): Promise<SystemView> {
    let pending = this.views.get(id);
    if (!pending) {
      const views = this.views;
      const mine = this.api.system(id).then((v) => {
        // Dropped meanwhile (a new view or score): its names are of the old one.
        if (views.get(id) === mine) for (const [k, name] of Object.entries(v.names)) this.names.set(k, name);
        return v;
      });
      this.views.set(id, (pending = mine));
      mine.catch(() => void (views.get(id) === mine && views.delete(id)));
    }
    return pending;
  }

  /** A new view or score: what was read is of the old one. */
  forget(): void {
    this.views.clear();
    this.names.clear();
  }
}
