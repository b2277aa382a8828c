/**
 * The most documents/s the pipeline bench's machine could reach at the CPU it measured per document (issue 11):
 * every core busy with nothing but ingest — the worker processes with their parsing sandboxes, and the API. On a
 * 2-core machine at ~14 ms CPU per document that is ~140 documents/s, ~0.11 of Redis's ~1,300 raw no-op jobs/s:
 * then no saving of queue round trips or database statements can meet a 0.3 ratio, only less CPU per document
 * (today mostly extraction in the sandbox). Printed beside each measured ratio, so a run says which it is.
 */
export interface Ceiling {
  /** Documents/s with every core at `cpuMsPerDocument` each. */
  documentsPerSecond: number;
  /** That rate over the raw no-op jobs/s of the same run (0 without a raw figure). */
  ratio: number;
}

export function cpuCeiling(cpuMsPerDocument: number, cores: number, rawJobsPerSecond: number): Ceiling | undefined {
  if (!(cpuMsPerDocument > 0) || !(cores > 0)) return undefined;
  const documentsPerSecond = (cores * 1000) / cpuMsPerDocument;
  return { documentsPerSecond, ratio: rawJobsPerSecond > 0 ? documentsPerSecond / rawJobsPerSecond : 0 };
}
