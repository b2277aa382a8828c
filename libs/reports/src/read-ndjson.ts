import { InvalidInputError, type AttachedContract, type AuditDocument, type AuditReport, type Evidence, type Finding, type FindingInstance, type GraphFlow, type GraphSystem, type Score } from '@custody/domain';
import { NDJSON_FORMAT, NDJSON_VERSION } from './render-ndjson.js';

type Line = Record<string, unknown> & { record?: unknown };

/**
 * Reads `custody audit --format ndjson` back into the report `--format json` holds (evidence ids replaced by
 * their items, instances put back in their findings), for consumers and for the spec that checks the two
 * formats say the same. `lines` is the text, or its lines (e.g. from a line reader over a file). A malformed
 * file is refused with the line number and what is wrong, never read in part.
 */
export function readNdjson(lines: string | Iterable<string>): AuditReport {
  const evidence = new Map<string, Evidence>();
  const contracts = new Map<string, AttachedContract>();
  let header: Line | undefined;
  let score: Score | undefined;
  const systems: GraphSystem[] = [];
  const flows: GraphFlow[] = [];
  const findings: Finding[] = [];
  const documents: AuditDocument[] = [];
  let current: { finding: Finding; instances: FindingInstance[] } | undefined;
  const instanceCounts: [Finding, number][] = [];
  let n = 0;
  const fail = (why: string): never => {
    throw new InvalidInputError(`NDJSON line ${n}: ${why}`);
  };
  const resolve = <T>(ids: unknown, items: Map<string, T>, what: string): T[] | undefined => {
    if (ids === undefined) return undefined;
    if (!Array.isArray(ids)) return fail(`${what} is not a list of ids`);
    return ids.map((id) => items.get(id as string) ?? fail(`${what} id ${JSON.stringify(id)} is not defined before it is used`));
  };
  /** An evidence or contract record: its id, defined once. */
  const define = <T>(line: Line, items: Map<string, T>) => {
    const id = line.id;
    if (typeof id !== 'string') fail(`a ${line.record} record without a string id`);
    if (items.has(id as string)) fail(`${line.record} id ${id} defined twice`);
    items.set(id as string, body<T>(line, 'id'));
  };
  /** The line's fields less the NDJSON-only ones. */
  const body = <T>(line: Line, ...drop: string[]): T => {
    const out: Record<string, unknown> = { ...line };
    for (const key of ['record', ...drop]) delete out[key];
    return out as T;
  };
  /** The same, for the records whose `evidence` the writer replaced by ids. */
  const withEvidence = <T>(line: Line, ...drop: string[]): T => {
    const out = body<Record<string, unknown>>(line, ...drop);
    if ('evidence' in line) out.evidence = resolve(line.evidence, evidence, 'evidence');
    return out as T;
  };
  for (const text of typeof lines === 'string' ? lines.split('\n') : lines) {
    n++;
    if (!text.trim()) continue;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch (e) {
      return fail(`not JSON (${(e as Error).message})`);
    }
    if (line === null || typeof line !== 'object' || Array.isArray(line)) fail('not a JSON object');
    if (!header && line.record !== 'report') fail(`the first record must be "report", not ${JSON.stringify(line.record)}`);
    if (score) fail('a record after the score, which is the last');
    if (current && line.record !== 'instance' && line.record !== 'evidence' && line.record !== 'contract') current = undefined;
    switch (line.record) {
      case 'report':
        if (header) fail('a second "report" header');
        if (line.format !== NDJSON_FORMAT || line.version !== NDJSON_VERSION) fail(`format ${JSON.stringify(line.format)} version ${JSON.stringify(line.version)}; this reader knows ${NDJSON_FORMAT} version ${NDJSON_VERSION}`);
        header = line;
        break;
      case 'evidence':
        define(line, evidence);
        break;
      case 'contract':
        define(line, contracts);
        break;
      case 'system': {
        const system = withEvidence<GraphSystem>(line);
        if ('contracts' in line) system.contracts = resolve(line.contracts, contracts, 'contract')!;
        systems.push(system);
        break;
      }
      case 'flow':
        flows.push(withEvidence(line));
        break;
      case 'finding': {
        const finding = withEvidence<Finding>(line, 'instanceCount');
        findings.push(finding);
        if (line.instanceCount !== undefined) {
          if (typeof line.instanceCount !== 'number') fail('instanceCount is not a number');
          current = { finding, instances: [] };
          finding.instances = current.instances;
          instanceCounts.push([finding, line.instanceCount as number]);
        }
        break;
      }
      case 'instance':
        if (!current || current.finding.id !== line.finding) fail(`an instance of ${JSON.stringify(line.finding)} not directly after that finding`);
        current!.instances.push(withEvidence(line, 'finding'));
        break;
      case 'document':
        documents.push(body(line));
        break;
      case 'score':
        score = body(line);
        break;
      default:
        fail(`unknown record ${JSON.stringify(line.record)}`);
    }
  }
  if (!header) throw new InvalidInputError('NDJSON: no "report" header (empty input?)');
  if (!score) throw new InvalidInputError('NDJSON: no "score" record at the end (the file is cut short?)');
  const counts = header.counts as Record<string, number> | undefined;
  const read = { systems: systems.length, flows: flows.length, findings: findings.length, documents: documents.length };
  for (const [what, count] of Object.entries(read)) if (counts?.[what] !== count) throw new InvalidInputError(`NDJSON: the header counts ${counts?.[what]} ${what}, the file has ${count}`);
  for (const [f, count] of instanceCounts) if (f.instances!.length !== count) throw new InvalidInputError(`NDJSON: finding ${f.id} counts ${count} instances, the file has ${f.instances!.length}`);
  const { record: _r, format: _f, version: _v, counts: _c, ...rest } = header;
  return { ...(rest as Omit<AuditReport, 'score' | 'systems' | 'flows' | 'findings' | 'documents'>), score, systems, flows, findings, documents };
}
