/**
 * A previous SARIF log as a baseline: which findings CI has already seen, so a new run can mark each result
 * `new`, `unchanged` or `absent` and a gate can fail only on what is new.
 */
import { InvalidInputError } from '@custody/domain';

/** The fingerprint key Custody writes: the finding's stable id `ruleId@subject`. */
export const FINDING_FINGERPRINT = 'custodyFindingId/v1';

export interface SarifBaseline {
  /** Finding ids in the baseline (absent results of the baseline itself excluded: they were already gone). */
  ids: ReadonlySet<string>;
  /** The baseline's result objects by finding id, to re-emit as `absent` when a finding disappears. */
  results: ReadonlyMap<string, Record<string, unknown>>;
  /** The baseline's rule descriptors by id, so an absent result still points at a rule in the run. */
  rules: ReadonlyMap<string, Record<string, unknown>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a SARIF 2.1.0 log written by Custody; anything else is refused with the reason. */
export function parseSarifBaseline(text: string, name = 'baseline'): SarifBaseline {
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError(`${name}: not JSON (${(err as Error).message})`);
  }
  if (!isObj(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new InvalidInputError(`${name}: not a SARIF 2.1.0 log (expected "version": "2.1.0" and "runs")`);
  const ids = new Set<string>();
  const results = new Map<string, Obj>();
  const rules = new Map<string, Obj>();
  for (const run of log.runs) {
    if (!isObj(run)) continue;
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (driver && driver.name !== 'Custody') throw new InvalidInputError(`${name}: written by ${String(driver.name)}, not Custody; a baseline must be an earlier \`custody audit --format sarif\``);
    for (const rule of Array.isArray(driver?.rules) ? driver.rules : []) if (isObj(rule) && typeof rule.id === 'string') rules.set(rule.id, rule);
    for (const r of Array.isArray(run.results) ? run.results : []) {
      if (!isObj(r) || r.baselineState === 'absent') continue;
      const id = isObj(r.partialFingerprints) ? r.partialFingerprints[FINDING_FINGERPRINT] : undefined;
      if (typeof id !== 'string') throw new InvalidInputError(`${name}: a result has no partialFingerprints["${FINDING_FINGERPRINT}"]; was it written by an older Custody?`);
      ids.add(id);
      results.set(id, r);
    }
  }
  return { ids, results, rules };
}
