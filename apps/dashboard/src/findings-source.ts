/**
 * Where the findings list and a finding's instances come from. The live workspace's are stored and paged by
 * the server (GET /findings?order=severity, GET /findings/:id/instances): the first view needs one page, not
 * the audit that carries every finding with every install. Another lens or a past moment is an audit the
 * server evaluates on read, with its findings in it: those are paged here, in the same order, by the same
 * code the server's fakes use (pageFindings), so the panels do not care which one they read.
 */
import { pageFindings, pageFindingSystems, pageInstances, type FindingInstance, type FindingKind, type Page, type Severity } from '@custody/domain';
import type { ApiClient, DashboardAudit, ListedFinding } from './api.js';
import { LISTED_INSTANCES } from './live-reads.js';

export interface FindingsFilter {
  severity?: Severity;
  kind?: FindingKind;
}

export interface FindingsSource {
  /** Findings in all, whatever the filter. */
  readonly total: number;
  /** Kinds to offer in the filter: those present when known, else undefined (every kind). */
  readonly kinds?: FindingKind[];
  page(filter: FindingsFilter, limit: number, cursor?: string): Promise<Page<ListedFinding>>;
  instances(finding: ListedFinding, limit: number, cursor?: string): Promise<Page<FindingInstance>>;
  /** The systems a finding is charged to, by id: a listed finding names only its first few (systemCount says how many). */
  systems(finding: ListedFinding, limit: number, cursor?: string): Promise<Page<string>>;
}

/** How many instances a listed finding has in all (it may carry only the first few). */
export const instanceTotal = (f: ListedFinding): number => f.instanceCount ?? f.instances?.length ?? 0;

/** How many systems a listed finding is charged to in all (a page lists only the first few). */
export const systemTotal = (f: ListedFinding): number => f.systemCount ?? f.systems.length;

/** The live workspace's stored findings; `first` is the unfiltered first page, already read with the map. */
export function storedFindings(api: ApiClient, first: Page<ListedFinding>, firstLimit: number): FindingsSource & { first: Page<ListedFinding> } {
  return {
    total: first.total,
    first,
    page: (filter, limit, cursor) => (!filter.severity && !filter.kind && !cursor && limit === firstLimit
      ? Promise.resolve(first)
      : api.findingsPage({ ...filter, limit, cursor, instances: LISTED_INSTANCES })),
    instances: (f, limit, cursor) => api.findingInstances(f.id, { limit, cursor }),
    systems: (f, limit, cursor) => api.findingSystems(f.id, { limit, cursor }),
  };
}

/** Findings of an audit already in hand (another lens, a past moment): paged in memory, worst first. */
export function auditFindings(report: DashboardAudit): FindingsSource {
  return {
    total: report.findings.length,
    kinds: [...new Set(report.findings.map((f) => f.kind))].sort(),
    page: async (filter, limit, cursor) => pageFindings(report.findings, { limit, cursor }, { order: 'severity', ...filter }),
    instances: async (f, limit, cursor) => pageInstances(report.findings.find((x) => x.id === f.id) ?? f, { limit, cursor }),
    systems: async (f, limit, cursor) => pageFindingSystems(report.findings.find((x) => x.id === f.id) ?? f, { limit, cursor }),
  };
}
