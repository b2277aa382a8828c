/**
 * The live findings list's first page: read with the map (live-reads.ts) and read again while unconfirmed. Apart
 * from api.ts's types (structural here) so its spec type-checks outside the dashboard's own paths.
 */
import { UnconfirmedMapRecheck, type CheckedMap } from './map-recheck.js';

/** Findings per page of the list (the first one is read with the map). */
export const FINDINGS_PAGE = 100;
/** Instances each listed finding carries: enough to say where it occurs, the rest when it is opened. */
export const LISTED_INSTANCES = 3;

/** What reads the first page: the API client. */
export interface FirstPageReader<P> { findingsPage(q: { limit: number; instances: number }): Promise<P> }

/** The list's first page as the live view asks for it (liveReads, findingsRecheck). */
export const firstFindingsPage = <P>(api: FirstPageReader<P>): Promise<P> => api.findingsPage({ limit: FINDINGS_PAGE, instances: LISTED_INSTANCES });

/**
 * Reads the list's first page again while the server answers it `unconfirmed` (its findings mark did not answer
 * in time, so it sent the page it built last): the read ExposureScored prompts often meets the database still
 * busy with that run's writes, and no second event comes, so the previous run's findings would stay listed
 * beside the new run's score. `show` lists each page read; cancel it when a load starts (it reads its own).
 */
export function findingsRecheck<P extends CheckedMap>(api: FirstPageReader<P>, show: (page: P) => void, delaysMs?: readonly number[]): UnconfirmedMapRecheck<P> {
  return new UnconfirmedMapRecheck<P>(() => firstFindingsPage(api), show, delaysMs);
}
