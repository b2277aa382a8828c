/**
 * Render-only timing (issue 11): the audit report of a workspace saved once (v8.serialize keeps shared objects
 * shared, as the render meets them), then the JSON and NDJSON renders timed alone on it, in CPU seconds, so
 * render work can be measured without re-running the ~50 CPU s audit core of a 100k fleet each time.
 *
 *   npx tsx test/bench/support/render-snapshot.ts --save /tmp/ws/fleet100000 /tmp/fleet100k.v8
 *   npx tsx test/bench/support/render-snapshot.ts --time /tmp/fleet100k.v8 [--rounds 3] [--only json|ndjson]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { arg, flag } from './args.js';
import { workspaceDocs } from './workspace-docs.js';

const NOW = new Date('2026-06-01T00:00:00Z');

async function save(dir: string, out: string) {
  const { composeReport, evaluateGraph, projectDocuments } = await import('@custody/audit');
  const { defaultLens } = await import('@custody/domain');
  const docs = await workspaceDocs(dir);
  const { graph } = projectDocuments(docs, { asOf: NOW.toISOString() });
  const lens = defaultLens(graph.practice);
  const evaluation = evaluateGraph(graph, { lens, now: NOW });
  const report = composeReport({ workspace: { id: 'local', name: graph.practice.name }, graph, evaluation, documents: docs, lens, generatedAt: NOW.toISOString() });
  writeFileSync(out, serialize(report));
}

async function time(file: string) {
  const { jsonChunks, ndjsonChunks } = await import('@custody/reports');
  const report = deserialize(readFileSync(file));
  const rounds = Number(arg('--rounds') ?? 1);
  const only = arg('--only');
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  const out: Record<string, unknown>[] = [];
  for (let r = 0; r < rounds; r++) {
    const row: Record<string, unknown> = {};
    for (const [name, chunks] of [['json', jsonChunks], ['ndjson', ndjsonChunks]] as const) {
      if (only && only !== name) continue;
      const h = createHash('sha256');
      let bytes = 0;
      const c0 = cpu();
      for (const chunk of chunks(report)) {
        bytes += Buffer.byteLength(chunk);
        if (flag('--hash')) h.update(chunk);
      }
      row[`${name}Cpu`] = Number((cpu() - c0).toFixed(3));
      row[`${name}Bytes`] = bytes;
      if (flag('--hash')) row[`${name}Sha`] = h.digest('hex').slice(0, 16);
    }
    row.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    out.push(row);
  }
  console.log(JSON.stringify(out));
}

const save_ = arg('--save');
const time_ = arg('--time');
if (save_) await save(save_, process.argv[process.argv.length - 1]!);
else if (time_) await time(time_);
else throw new Error('usage: render-snapshot.ts --save DIR OUT.v8 | --time FILE.v8 [--rounds N] [--only json|ndjson] [--hash]');
