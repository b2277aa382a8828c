/**
 * A preload (`profile-pipeline.ts --preload test/bench/support/count-queries.mjs`) that counts a process's
 * database statements (node-postgres) and Redis commands (ioredis) by kind, for "statements per document"
 * (issue 11): pg_stat_database's counters are flushed lazily and count the whole database, this counts what
 * one process sent. Counting starts at SIGUSR2 (profile-pipeline signals before the uploads); at exit the
 * counts go to `$CUSTODY_BENCH_QUERIES_DIR/<pid>.json` as { statement shape: count }, a shape being the
 * statement's first 90 characters with numbers and placeholders folded.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.CUSTODY_BENCH_QUERIES_DIR;
if (isMainThread && dir) {
  const require = createRequire(`${process.cwd()}/package.json`);
  let counting = false;
  const counts = new Map();
  const count = (key) => { if (counting) counts.set(key, (counts.get(key) ?? 0) + 1); };
  const shape = (text) => `pg: ${String(text).replace(/\s+/g, ' ').replace(/\$\d+|\b\d+\b/g, 'N').slice(0, 90)}`;
  const pg = require('pg');
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, ...rest) {
    count(shape(typeof config === 'string' ? config : config?.text));
    return query.call(this, config, ...rest);
  };
  try {
    const Redis = require('ioredis');
    const send = (Redis.default ?? Redis).prototype.sendCommand;
    (Redis.default ?? Redis).prototype.sendCommand = function (command, ...rest) {
      count(`redis: ${command?.name}`);
      return send.call(this, command, ...rest);
    };
  } catch {
    // No ioredis (the PostgreSQL queue backend only): its statements are counted as pg ones.
  }
  process.on('SIGUSR2', () => { counts.clear(); counting = true; });
  process.on('exit', () => writeFileSync(`${dir}/${process.pid}.json`, JSON.stringify(Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])), null, 1)));
}
