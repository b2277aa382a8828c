// Runs every property spec (a spec calling fc.assert) under many random seeds: CI runs them on one fixed seed
// (test/support/fast-check-seed.ts), so this is where new counterexamples are found. Usage:
//   npm run fuzz [-- SEEDS [PATTERN]]    e.g. npm run fuzz -- 50 config-merge
// FC_RUNS (env) multiplies the search where a spec reads it. Exits 1 with the failing seed on the first failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seeds = Number(process.argv[2] ?? 20);
const pattern = process.argv[3] ?? '';
const files = execFileSync('git', ['grep', '-l', 'fc.assert', '--', 'libs', 'apps', 'test'], { encoding: 'utf8' })
  .split('\n').filter((f) => f.endsWith('.ts') && f.includes(pattern));
if (!files.length) (console.error(`no property spec matches "${pattern}"`), process.exit(2));
console.log(`${files.length} property specs × ${seeds} seeds`);
const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' };
delete env.CI;
for (let i = 0; i < seeds; i++) {
  const seed = randomInt(0, 2 ** 31);
  const run = spawnSync('npx', ['jest', '--silent', ...files], { env: { ...env, FC_SEED: String(seed) }, encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(run.stdout + run.stderr);
    console.log(`FAILED with FC_SEED=${seed} (seed ${i + 1} of ${seeds})`);
    process.exit(1);
  }
  console.log(`seed ${i + 1}/${seeds}: ${seed} passed`);
}
console.log(`${seeds} seeds passed`);
