/**
 * The small reads the live view's first picture needs besides the map: the stored score's total, the worst findings'
 * first page (each with its first few instances) and the workspace's name. Kilobytes, where the audit of a
 * fleet is megabytes: the audit is read only when something asks for what only it has (a system's contracts,
 * a group's installs, another lens, a past moment). Kept free of the dashboard's heavy imports: main.ts asks
 * for these while the rest of the code downloads.
 */
import type { Page } from '@custody/domain';
import type { ApiClient, ListedFinding, ScoreSummary } from './api.js';
import { firstFindingsPage } from './findings-recheck.js';

export { FINDINGS_PAGE, LISTED_INSTANCES } from './findings-recheck.js';

/** The first page of the list; `unconfirmed` when the server could not check in time that it is the latest. */
export type LiveFindingsPage = Page<ListedFinding> & { unconfirmed?: boolean };

export interface LiveReads {
  score: ScoreSummary;
  findings: LiveFindingsPage;
  workspace: { name: string };
}

export async function liveReads(api: ApiClient): Promise<LiveReads> {
  const [score, findings, workspace] = await Promise.all([api.scoreSummary(), firstFindingsPage<LiveFindingsPage>(api), api.workspace()]);
  return { score, findings, workspace };
}
