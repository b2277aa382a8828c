/**
 * Render CPU of two checkouts on one saved report (render-snapshot.ts --save), in ONE process, alternated round
 * by round (base then branch, branch then base, …): on a loaded machine whole-process runs vary ±10–30%, and
 * pairing within a process takes the machine's drift out of the comparison. Prints each side's warm median
 * (first round dropped) and whether both sides' bytes hashed the same.
 *
 *   npx tsx test/bench/support/render-pair.ts --base ../base --snapshot /tmp/fleet10k.v8 [--rounds 7] [--only json|ndjson]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize } from 'node:v8';
import { arg } from './args.js';
import { median } from './stats.js';

type Render = (report: never) => Iterable<Uint8Array>;
const load = async (root: string): Promise<Record<'json' | 'ndjson', Render>> => ({
  json: (await import(resolve(root, 'libs/reports/src/render-json.ts'))).jsonChunks,
  ndjson: (await import(resolve(root, 'libs/reports/src/render-ndjson.ts'))).ndjsonChunks,
});

const base = arg('--base');
const snapshot = arg('--snapshot');
if (!base || !snapshot) throw new Error('usage: render-pair.ts --base DIR --snapshot FILE.v8 [--rounds N] [--only json|ndjson]');
const sides = { base: await load(base), branch: await load('.') };
const report = deserialize(readFileSync(snapshot)) as never;
const rounds = Number(arg('--rounds') ?? 7);
const formats = (['json', 'ndjson'] as const).filter((f) => !arg('--only') || arg('--only') === f);
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
const seconds: Record<string, number[]> = {};
const digests: Record<string, Set<string>> = {};
for (let r = 0; r < rounds; r++) {
  for (const format of formats) {
    for (const side of r % 2 ? (['branch', 'base'] as const) : (['base', 'branch'] as const)) {
      const h = createHash('sha256');
      const c0 = cpu();
      for (const chunk of sides[side][format](report)) h.update(chunk);
      (seconds[`${format} ${side}`] ??= []).push(cpu() - c0);
      (digests[format] ??= new Set()).add(h.digest('hex'));
    }
  }
}
for (const [name, xs] of Object.entries(seconds)) {
  console.log(`${name.padEnd(14)} warm median ${median(xs.slice(1)).toFixed(3)} CPU s  rounds ${xs.map((x) => x.toFixed(3)).join(' ')}`);
}
for (const [format, set] of Object.entries(digests)) console.log(`${format} sha256 ${set.size === 1 ? 'identical' : 'DIFFERENT'} ${[...set].map((d) => d.slice(0, 16)).join(' ')}`);
