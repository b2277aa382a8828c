/**
 * The small reads the live view's first picture needs besides the map: the stored score's total, the worst findings'
 * first page (each with its first few instances) and the workspace's name. Kilobytes, where the audit of a
 * fleet is megabytes: the audit is read only when something asks for what only it has (a system's contracts,
 * a group's installs, another lens, a past moment). Kept free of the dashboard's heavy imports: main.ts asks
 * for these while the rest of the code downloads.
 */
import type { Page } from '@custody/domain';
import type { ApiClient, ListedFinding, ScoreSummary } from './api.js';

/** Findings per page of the list (the first one is read with the map). */
export const FINDINGS_PAGE = 100;
/** Instances each listed finding carries: enough to say where it occurs, the rest when it is opened. */
export const LISTED_INSTANCES = 3;

export interface LiveReads {
  score: ScoreSummary;
  findings: Page<ListedFinding>;
  workspace: { name: string };
}

export async function liveReads(api: ApiClient): Promise<LiveReads> {
  const [score, findings, workspace] = await Promise.all([api.scoreSummary(), api.findingsPage({ limit: FINDINGS_PAGE, instances: LISTED_INSTANCES }), api.workspace()]);
  return { score, findings, workspace };
}
