/**
 * Triage as code: `custody-triage.yaml` beside `custody.yaml` records decisions on findings by their
 * stable id, so a config repository's CI gets the same verdicts the dashboard's triage gives. The result is
 * the same map the service builds from FindingTriaged events, applied by the rules' `runAudit`.
 */
import { z } from 'zod';
import { counted, InvalidInputError, TRIAGE_STATUSES, type Finding } from '@custody/domain';
import { formatPath, loadYaml, type LocatedProblem } from '@custody/domain/safe-yaml';

export const TRIAGE_FILE_NAME = 'custody-triage.yaml';

const decision = z.strictObject({
  finding: z.string().regex(/^[a-z0-9][a-z0-9-]*@\S+$/, 'must be a finding id `ruleId@subject`, as in the report'),
  status: z.enum(TRIAGE_STATUSES),
  reason: z.string().trim().min(1, 'must say why'),
  by: z.string().trim().min(1, 'must say who decided'),
  // YAML's core schema reads 2026-11-02 as a string, so a date stays as written.
  at: z.string().optional(),
});
const triageFile = z.strictObject({ triage: z.array(decision) });

export type TriageDecision = NonNullable<Finding['triage']>;

/** Parses a triage file into decisions by finding id; every problem is reported with its line. */
export function parseTriageFile(text: string, file = TRIAGE_FILE_NAME): Map<string, TriageDecision> {
  const yaml = loadYaml(text);
  if (yaml.problems.length) fail(file, yaml.problems);
  const parsed = triageFile.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    fail(file, parsed.error.issues.map((issue) => {
      const path = issue.path as PropertyKey[];
      const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message.replace(/^Invalid input: /, '');
      return { line: yaml.lineOf(path), path: formatPath(path), reason };
    }));
  }
  const out = new Map<string, TriageDecision>();
  const problems: LocatedProblem[] = [];
  for (const [i, d] of parsed.data.triage.entries()) {
    if (out.has(d.finding)) problems.push({ line: yaml.lineOf(['triage', i, 'finding']), path: `triage[${i}].finding`, reason: `${d.finding} is decided twice` });
    out.set(d.finding, { status: d.status, reason: d.reason, by: d.by, ...(d.at ? { at: d.at } : {}) });
  }
  if (problems.length) fail(file, problems);
  return out;
}

function fail(file: string, problems: LocatedProblem[]): never {
  const lines = [...problems].sort((a, b) => a.line - b.line).map((p) => `${file}:${p.line}: ${p.path}: ${p.reason}`);
  throw new InvalidInputError([`${file}: ${counted(problems.length, 'problem')} in the triage file`, ...lines].join('\n'), { file, problems });
}
