/**
 * What logging one evidence read costs (issue 11), in figures that do not depend on the machine's load:
 * statements sent to the database per logged read, and CPU time per read in this process (PGlite's thread
 * included in embedded mode), for the transaction append every change uses (`events.record`: BEGIN, event
 * lock, head, INSERT, COMMIT) and for the read log's path (`events.recordRead`: one statement, reads in flight
 * grouped per workspace). Each path logs `--reads N` reads sequentially (one client), then with `--clients C`
 * concurrent clients; the chain is verified after each.
 *
 * Run: `npx tsx test/bench/read-log.bench.ts [--reads 200] [--clients 8] [--json]`; on PostgreSQL when
 * DATABASE_URL is set, else on embedded PGlite.
 */
import pg from 'pg';
import { freshPersistence } from '../support/database.js';
import { arg, flag } from './support/args.js';

const reads = Number(arg('--reads') ?? 200);
const clients = Number(arg('--clients') ?? 8);
const asJson = flag('--json');

// Every statement a pg client sends (TypeORM's BEGIN and COMMIT included) goes through Client#query.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

async function main() {
  const store = await freshPersistence();
  const p = store.persistence;
  const rows: { path: string; clients: number; reads: number; statementsPerRead: number; cpuMsPerRead: number; wallMs: number; chainOk: boolean }[] = [];
  try {
    const paths = {
      'transaction (events.record)': (ws: string, i: number) => p.events.record(ws, 'EvidenceRead', { what: `findings ${i}` }, 'key:bench'),
      'read log (events.recordRead)': (ws: string, i: number) => p.events.recordRead(ws, { what: `findings ${i}` }, 'key:bench'),
    };
    for (const c of [1, clients]) {
      for (const [path, logRead] of Object.entries(paths)) {
        const { workspace } = await p.workspaces.ensure(`Read log ${path} ${c}`);
        await logRead(workspace.id, -1); // warm: the pool's connections and statement plans
        const s0 = statements, cpu0 = process.cpuUsage(), t0 = performance.now();
        await Promise.all(Array.from({ length: c }, async (_, k) => {
          for (let i = k; i < reads; i += c) await logRead(workspace.id, i);
        }));
        const cpu = process.cpuUsage(cpu0);
        const wallMs = performance.now() - t0;
        const sent = statements - s0;
        const verdict = await p.events.verifyChain(workspace.id);
        rows.push({
          path, clients: c, reads, statementsPerRead: Number((sent / reads).toFixed(2)),
          cpuMsPerRead: Number(((cpu.user + cpu.system) / 1000 / reads).toFixed(3)), wallMs: Math.round(wallMs), chainOk: verdict.ok && verdict.entries === reads + 1,
        });
      }
    }
  } finally {
    await store.close();
  }
  const mode = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  if (asJson) console.log(JSON.stringify({ mode, rows }, null, 2));
  else for (const r of rows) console.log(`${mode} ${r.path.padEnd(30)} ${r.clients} client(s): ${r.statementsPerRead} statements/read, ${r.cpuMsPerRead} ms CPU/read, ${r.wallMs} ms for ${r.reads}, chain ${r.chainOk ? 'ok' : 'BROKEN'}`);
  if (rows.some((r) => !r.chainOk)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
