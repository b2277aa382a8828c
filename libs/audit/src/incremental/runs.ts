/**
 * Runs of an array joined in order, as the splices of a re-audit build their results (the previous array's
 * runs between replaced positions, and what replaces them). Not one `concat(...runs)`: every run is then an
 * argument of one call, and past ~120,000 of them (a change reaching every other system of a 100,000-system
 * fleet) the call overflows the stack. Runs are joined a chunk at a time, then the chunks.
 */
export function joinRuns<T>(runs: readonly (readonly T[])[]): T[] {
  if (runs.length <= CHUNK) return ([] as T[]).concat(...runs);
  const chunks: T[][] = [];
  for (let k = 0; k < runs.length; k += CHUNK) chunks.push(([] as T[]).concat(...runs.slice(k, k + CHUNK)));
  return joinRuns(chunks);
}

const CHUNK = 8192;
