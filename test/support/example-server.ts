/**
 * `custody serve --example` as a user starts it (`npm run custody -- serve --example`): the built CLI in a temp home,
 * embedded mode, the bundled example practice (or a folder of your own) loaded, waited for until every document is
 * processed and the newest graph is scored. For browser specs and screenshots of the real dashboard on real documents.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from './api-client.js';
import { CLI_ENTRY, startNode, waitUntil } from './processes.js';

export interface ExampleServer {
  client: ApiClient;
  /** The dashboard link the server printed (`…/#ws=…&key=…`). */
  dashboard: string;
  stop: () => Promise<void>;
}

const FINAL = ['processed', 'unparsed', 'failed'];

export async function startExampleServer(folder?: string, workspace = 'Example Practice'): Promise<ExampleServer> {
  const home = mkdtempSync(join(tmpdir(), 'custody-example-'));
  const proc = startNode(CLI_ENTRY, ['serve', '--port', '0', '--workspace', workspace, '--example', ...(folder ? [folder] : [])], { CUSTODY_HOME: home });
  const stop = async () => {
    await proc.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const [, dashboard] = await proc.waitFor(/Dashboard: (\S+key=\S+)/, 300_000);
    const client = ApiClient.fromServeOutput(proc.output());
    await waitUntil(async () => {
      const docs = await client.get<{ status: string }[]>('/documents');
      if (docs.length === 0 || !docs.every((d) => FINAL.includes(d.status))) return false;
      let latest = 0;
      for (const e of await client.get<{ type: string; payload: { version?: number } }[]>('/audit-log?limit=5000')) if (e.type === 'GraphChanged') latest = Math.max(latest, e.payload.version ?? 0);
      const { graphVersion } = await client.get<{ graphVersion?: number }>('/score');
      return latest > 0 && (graphVersion ?? 0) >= latest;
    }, 300_000, 'the example to be processed and scored');
    return { client, dashboard: dashboard!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
