import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection left alive, in percent, while `custody audit`
 * runs: at most twice the live heap rather than V8's own factor, which reaches 4× when the heap limit is large (a
 * machine with 8 GB or more) and the program allocates fast, as the audit does.
 *
 * Why: the audit's live heap at 100,000 systems is ~650–830 MB (the report itself), but most of what it allocates
 * dies between collections (parses, projection and rule intermediates, render text). With V8's factor that garbage
 * set the process's peak RSS: 1.7 GB for a 100,000-system manifest, 1.4–2.4 GB in the bench. Capped at 2× the peak
 * stays under 1.5 GB with the same CPU (more collections, each of the same live heap; measured in the closing
 * commit). 50% kept less (1.3 GB) but cost ~10% more CPU. Unlike --max-old-space-size this is no limit: a larger
 * workspace still audits, with a heap up to twice what it keeps.
 */
export const AUDIT_HEAP_GROWING_PERCENT = 100;

/** Heap flags a user may have chosen (node flags or NODE_OPTIONS): then theirs are kept, not overridden. */
const USER_HEAP_FLAG = /--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size)\b/;

/**
 * Sets the heap growing factor for the rest of this process (V8 reads the flag at each collection), unless the
 * user chose heap flags of their own; says whether it set it.
 */
export function boundHeapGrowth(percent = AUDIT_HEAP_GROWING_PERCENT, given: { execArgv?: readonly string[]; nodeOptions?: string } = {}): boolean {
  const execArgv = given.execArgv ?? process.execArgv;
  const nodeOptions = given.nodeOptions ?? process.env.NODE_OPTIONS ?? '';
  if (execArgv.some((a) => USER_HEAP_FLAG.test(a)) || USER_HEAP_FLAG.test(nodeOptions)) return false;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
