/** Exit codes CI can rely on. */
export const EXIT = {
  ok: 0,
  /** `--fail-on` threshold reached. */
  findings: 1,
  /** `audit-log verify` found an edited, deleted, inserted or reordered entry. */
  tampered: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
  internal: 3,
} as const;
