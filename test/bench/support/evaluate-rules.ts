/**
 * The evaluate phase alone (issue 11), rule by rule, on a graph saved once: the audit bench times evaluate
 * inside a whole audit, and projecting a 100k workspace to time a rule change costs a minute each time.
 *
 *   npx tsx test/bench/audit.bench.ts --write fleet --size 10000 --dir /tmp/ws
 *   npx tsx test/bench/support/evaluate-rules.ts --save /tmp/ws.graph --dir /tmp/ws     (analyse + project, once)
 *   npx tsx test/bench/support/evaluate-rules.ts --graph /tmp/ws.graph [--runs 3] [--json] [--no-per-rule | --only RULE_ID]
 *
 * Prints CPU seconds of the whole evaluate (min of the runs), per rule (its evaluate, then its drafts turned into
 * findings and grouped: the runner's work for it), findings and instances, and a SHA-256 of the evaluation
 * (findings, score, rule errors as JSON): two branches agree on a graph when the digests do.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Graph } from '@custody/domain';
import { arg, flag } from './args.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const cpuMs = (from: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
};

async function save(dir: string, file: string): Promise<void> {
  const { analyzeDocument, projectDocuments } = await import('@custody/audit');
  type Doc = Parameters<typeof projectDocuments>[0][number];
  const docs: Doc[] = [];
  for (const name of readdirSync(dir).sort()) {
    const bytes = readFileSync(join(dir, name));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The audit bench's bounds, so the graph is the one it evaluates.
    docs.push({ id: sha256, sha256, file: name, ...(await analyzeDocument(bytes, name, { maxManifestBytes: 64 * 1024 * 1024, maxDeclarations: 10_000_000 })) });
  }
  const { graph } = projectDocuments(docs, { asOf: NOW.toISOString() });
  // v8 serialisation keeps shared objects shared (every install of a vendor holds the same contract objects).
  writeFileSync(file, serialize(graph));
  console.log(`saved ${graph.systems.length} systems, ${graph.flows.length} flows to ${file}`);
}

async function measure(file: string, runs: number): Promise<void> {
  const { evaluateGraph } = await import('@custody/audit');
  const { DEFAULT_RULE_SETTINGS, REGISTRY, runRules } = await import('@custody/rules');
  const { defaultLens } = await import('@custody/domain');
  const graph = deserialize(readFileSync(file)) as Graph;
  const lens = defaultLens(graph.practice);
  const only = arg('--only');
  let best = Infinity;
  let first = 0;
  let digest = '';
  let findings = 0;
  let instances = 0;
  for (let i = 0; i < (only ? 0 : runs); i++) {
    const c0 = process.cpuUsage();
    const evaluation = evaluateGraph(graph, { lens, now: NOW });
    const ms = cpuMs(c0);
    if (i === 0) first = ms;
    best = Math.min(best, ms);
    findings = evaluation.findings.length;
    instances = evaluation.findings.reduce((s, f) => s + (f.instances?.length ?? 1), 0);
    // Finding by finding: a 100k fleet's evaluation is over the longest string V8 can build.
    const hash = createHash('sha256').update(JSON.stringify([evaluation.score, evaluation.ruleErrors]));
    for (const f of evaluation.findings) hash.update(JSON.stringify(f));
    digest = hash.digest('hex');
  }
  // Per rule: each rule run alone through the runner (its memo then starts empty, so shared answers are charged
  // to the first rule that asks; the sum exceeds the whole run by that much).
  const perRule: Record<string, number> = {};
  for (const rule of flag('--no-per-rule') ? [] : REGISTRY.filter((r) => !only || r.id === only)) {
    let ms = Infinity;
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      runRules({ graph, lens, settings: DEFAULT_RULE_SETTINGS, now: NOW }, [rule]);
      ms = Math.min(ms, cpuMs(c0));
    }
    perRule[rule.id] = Number((ms / 1000).toFixed(3));
  }
  const out = { systems: graph.systems.length, flows: graph.flows.length, evaluateCpuSeconds: Number((best / 1000).toFixed(3)), firstRunCpuSeconds: Number((first / 1000).toFixed(3)), findings, instances, digest, perRule };
  if (flag('--json')) console.log(JSON.stringify(out));
  else {
    console.log(`${out.systems} systems, ${out.flows} flows: evaluate ${out.evaluateCpuSeconds} CPU s (min of ${runs}; first run ${out.firstRunCpuSeconds}); ${findings} findings, ${instances} instances; sha256 ${digest}`);
    for (const [id, s] of Object.entries(perRule).sort((a, b) => b[1] - a[1])) console.log(`  ${s.toFixed(3).padStart(7)} s  ${id}`);
  }
}

const saveTo = arg('--save');
if (saveTo) await save(arg('--dir')!, saveTo);
else await measure(arg('--graph')!, Number(arg('--runs') ?? 3));
