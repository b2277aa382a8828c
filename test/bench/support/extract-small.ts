/**
 * Extraction's CPU on small documents, in this process (issue 7 throughput, issue 11 pipeline): `--rounds N`
 * passes of `extractDocument` over `--docs` bench BAAs of `--kb` KB (writeBaaCorpus, as the pipeline benches
 * write them) and over the project's fixtures (test/fixtures/contracts). Per round: CPU ms per document and
 * MB/s per core for each set; then the cold round (the first: nothing optimised yet) and the warm median (the
 * other rounds). Profile it with `node --cpu-prof --import tsx …extract-small.ts` and profile-top.ts.
 *
 *   npx tsx test/bench/support/extract-small.ts [--rounds 15] [--docs 40] [--kb 4]
 *
 * `--pairs P --base DIR` compares two checkouts: P alternating runs (DIR, then this checkout), each in a
 * process of its own (so each has a cold round), and the figures of each run side by side.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBaaCorpus } from '../../support/corpus-generator.js';
import { arg } from './args.js';
import { median } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const rounds = Number(arg('--rounds') ?? 15);
const docs = Number(arg('--docs') ?? 40);
const kb = Number(arg('--kb') ?? 4);
const pairs = arg('--pairs');

interface RunFigures { baaCold: number; baaWarm: number; fixCold: number; fixWarm: number; baaMbs: number; fixMbs: number }

if (pairs) {
  const base = resolve(arg('--base') ?? '../base');
  const rows: { who: string; f: RunFigures }[] = [];
  // The checkout's own libraries: run from its directory so its tsconfig paths resolve `@custody/*` there.
  const run = (dir: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--rounds', String(rounds), '--docs', String(docs), '--kb', String(kb), '--figures'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`run in ${dir} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as RunFigures;
  };
  for (let p = 1; p <= Number(pairs); p++) {
    for (const [who, dir] of [['base', base], ['branch', root]] as const) {
      const f = run(dir);
      rows.push({ who, f });
      console.log(`pair ${p} ${who.padEnd(6)}  BAA cold ${f.baaCold.toFixed(2)} warm ${f.baaWarm.toFixed(2)} ms/doc (${f.baaMbs.toFixed(2)} MB/s)   fixtures cold ${f.fixCold.toFixed(2)} warm ${f.fixWarm.toFixed(2)} ms/doc (${f.fixMbs.toFixed(2)} MB/s)`);
    }
  }
  for (const who of ['base', 'branch']) {
    const fs = rows.filter((r) => r.who === who).map((r) => r.f);
    const range = (k: keyof RunFigures) => `${Math.min(...fs.map((f) => f[k])).toFixed(2)}–${Math.max(...fs.map((f) => f[k])).toFixed(2)}`;
    console.log(`${who.padEnd(6)} BAA cold ${range('baaCold')} warm ${range('baaWarm')} ms/doc; fixtures cold ${range('fixCold')} warm ${range('fixWarm')} ms/doc`);
  }
  process.exit(0);
}

// The checkout's extraction library, whichever directory this runs from (see --pairs).
const { extractDocument } = await import(join(process.cwd(), 'libs/extraction/src/index.ts')) as typeof import('@custody/extraction');
const dir = mkdtempSync(join(tmpdir(), 'extract-small-'));
const baas = writeBaaCorpus(dir, docs, kb).filter((f) => f.endsWith('.txt')).map((f) => ({ f, bytes: readFileSync(join(dir, f)) }));
rmSync(dir, { recursive: true, force: true });
const fixDir = join(root, 'test/fixtures/contracts');
const fixtures = readdirSync(fixDir).filter((f) => /\.(md|txt|html)$/.test(f)).sort().map((f) => ({ f, bytes: readFileSync(join(fixDir, f)) }));
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function pass(set: { f: string; bytes: Buffer }[]): Promise<{ ms: number; mbs: number }> {
  let bytes = 0;
  const c0 = cpuMs();
  for (const d of set) {
    await extractDocument(d.bytes, d.f);
    bytes += d.bytes.length;
  }
  const ms = cpuMs() - c0;
  return { ms: ms / set.length, mbs: bytes / (1024 * 1024) / (ms / 1000) };
}

const baaRounds: { ms: number; mbs: number }[] = [];
const fixRounds: { ms: number; mbs: number }[] = [];
const quiet = process.argv.includes('--figures');
for (let r = 1; r <= rounds; r++) {
  // Alternating which set goes first would change what is cold; the BAAs (the pipeline's case) always lead.
  const b = await pass(baas);
  const x = await pass(fixtures);
  baaRounds.push(b);
  fixRounds.push(x);
  if (!quiet) console.log(`round ${String(r).padStart(2)}: BAA ${b.ms.toFixed(2)} ms CPU/doc (${b.mbs.toFixed(2)} MB/s)   fixtures ${x.ms.toFixed(2)} ms CPU/doc (${x.mbs.toFixed(2)} MB/s)`);
}
const warm = (xs: { ms: number; mbs: number }[]) => ({ ms: median(xs.slice(1).map((x) => x.ms)), mbs: median(xs.slice(1).map((x) => x.mbs)) });
const fig: RunFigures = {
  baaCold: baaRounds[0]!.ms, baaWarm: warm(baaRounds).ms, baaMbs: warm(baaRounds).mbs,
  fixCold: fixRounds[0]!.ms, fixWarm: warm(fixRounds).ms, fixMbs: warm(fixRounds).mbs,
};
if (quiet) console.log(JSON.stringify(fig));
else {
  console.log(`${baas.length} BAAs (${kb} KB): cold ${fig.baaCold.toFixed(2)} ms/doc, warm median ${fig.baaWarm.toFixed(2)} ms/doc = ${fig.baaMbs.toFixed(2)} MB/s per core`);
  console.log(`${fixtures.length} fixtures (${(fixtures.reduce((a, d) => a + d.bytes.length, 0) / 1024).toFixed(0)} KB): cold ${fig.fixCold.toFixed(2)} ms/doc, warm median ${fig.fixWarm.toFixed(2)} ms/doc = ${fig.fixMbs.toFixed(2)} MB/s per core`);
}
