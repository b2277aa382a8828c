import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client.js';
import { processScratch } from '../support/scratch.js';
import { CLI_ENTRY, REPO, startNode, waitUntil } from '../support/processes.js';

/**
 * Embedded `custody serve` processes its jobs in a worker thread (apps/worker/src/job-thread.ts) on the
 * databases its main thread started, and composes grouped graphs and findings pages in another
 * (apps/api/src/services/read-thread.ts), so scoring does not stall HTTP. As users run it (the built CLI, no
 * DATABASE_URL whatever mode the suite runs in): the pipeline scores through the thread, SIGTERM stops HTTP,
 * the thread and the engines cleanly, and a second start on the same home finds everything.
 */
describe('embedded serve: jobs and read-model reads in worker threads', () => {
  const scratch = processScratch('jobthread');
  const { dir, home, procs } = scratch;
  const env = { CUSTODY_HOME: home, CUSTODY_QUEUE_PREFIX: `jt${process.pid}` };
  /** Each thread's nice value (Linux: field 19 of /proc/<pid>/task/<tid>/stat), by thread id. */
  const niceOfThreads = (pid: number) => new Map(readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return [Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
  }));

  async function serve(extraEnv: Record<string, string> = {}) {
    const api = startNode(CLI_ENTRY, ['serve', '--port', '0', '--workspace', 'Job Thread'], { ...env, ...extraEnv });
    procs.push(api);
    await api.waitFor(/Dashboard: \S+key=\S+/, 240_000);
    return { api, client: ApiClient.fromServeOutput(api.output()) };
  }

  it('scores uploads through the thread, stops cleanly on SIGTERM and restarts on the same home', async () => {
    cpSync(join(REPO, 'examples/harborview-counseling'), dir, { recursive: true });
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith('README.md'));
    // The job thread's priority is configurable (CUSTODY_JOB_THREAD_NICE); the HTTP thread keeps its own.
    const { api, client } = await serve({ CUSTODY_JOB_THREAD_NICE: '3' });
    if (existsSync('/proc/thread-self')) {
      // Relative to the process's own priority (what it inherited from the test runner's thread).
      const nice = niceOfThreads(api.child.pid!);
      const base = nice.get(api.child.pid!)!;
      expect([...nice.values()]).toContain(Math.max(base, 3));
    }
    for (const f of files) await client.upload(dir, f);
    await waitUntil(async () => {
      const docs = await client.get<{ status: string }[]>('/documents');
      return docs.length === files.length && docs.every((d) => ['processed', 'unparsed', 'failed'].includes(d.status));
    }, 240_000, 'every document final');
    // Scored and settled: a score stored, nothing queued or unfinished (a later document's projection and score included).
    const settled = async () => {
      const h = await (await fetch(`${client.base}/api/health`)).json() as { queue?: { pending?: number }; documents?: { unfinished?: number } };
      return h.queue?.pending === 0 && h.documents?.unfinished === 0 && Boolean((await client.get<{ graphVersion?: number }>('/score')).graphVersion);
    };
    await waitUntil(settled, 240_000, 'a stored score, nothing pending');
    // Pages of findings and the grouped graph come from the API's read thread: the same answers as the whole list.
    const findings = await client.get<{ items: { id: string }[]; total: number; nextCursor: string | null }>('/findings?limit=5');
    const all = await client.get<{ id: string }[]>('/findings');
    expect(findings.total).toBe(all.length);
    expect(findings.items.map((f) => f.id)).toEqual(all.map((f) => f.id).sort().slice(0, 5));
    const grouped = await client.get<{ nodes: { data: { id: string } }[]; groups: unknown[] }>('/graph?view=grouped');
    expect(grouped.nodes.map((n) => n.data.id)).toContain('practice');
    const refused = await fetch(`${client.base}/api/workspaces/${client.ws}/findings?limit=0`, { headers: { 'x-api-key': client.key } });
    expect(refused.status).toBe(400);
    expect(await settled()).toBe(true); // nothing moved while it was read

    await api.kill('SIGTERM');
    expect(api.child.exitCode).toBe(0);
    // HTTP, the job thread and both engines closed: no socket, no lock left behind.
    expect(readdirSync(join(home, 'run'))).toEqual([]);
    for (const lock of ['custody.lock', 'db.lock', 'queue.lock']) expect(existsSync(join(home, lock))).toBe(false);
    expect(api.output()).not.toMatch(/job processor thread|Error/);

    // By default the job thread runs at the HTTP thread's priority: no thread of the process is lowered.
    const again = await serve();
    if (existsSync('/proc/thread-self')) expect(new Set(niceOfThreads(again.api.child.pid!).values()).size).toBe(1);
    expect((await again.client.get<{ total: number }>('/findings?limit=5')).total).toBe(findings.total);
    expect((await again.client.get<{ status: string }[]>('/documents')).length).toBe(files.length);
    await again.api.kill('SIGTERM');
    expect(again.api.child.exitCode).toBe(0);
    expect(readdirSync(join(home, 'run'))).toEqual([]);
  }, 600_000);
});
