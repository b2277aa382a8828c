import http from 'node:http';

/** One held-open SSE connection: what it received, and whether the server ever dropped it. */
export interface SseClient {
  events: { name: string; documentId?: string; at: number }[];
  connected: boolean;
  /** Why it ended, if it did before `close()` (status, error, server end). */
  dropped?: string;
  close(): void;
}

/**
 * Opens `count` SSE streams on a workspace's `/events` and resolves once each has its `: connected` line.
 * Each stream is parsed as it arrives (`event:` then `data:`), keeping the event name and document id.
 */
export async function openSseClients(base: string, ws: string, key: string, count: number, timeoutMs = 60_000): Promise<SseClient[]> {
  const url = new URL(`/api/workspaces/${ws}/events`, base);
  // One agent with room for every stream: the default global agent would queue them behind each other.
  const agent = new http.Agent({ keepAlive: true, maxSockets: count + 10 });
  const clients = Array.from({ length: count }, () => open(url, key, agent));
  const started = Date.now();
  while (!clients.every((c) => c.connected || c.dropped)) {
    if (Date.now() - started > timeoutMs) throw new Error(`only ${clients.filter((c) => c.connected).length} of ${count} SSE clients connected within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return clients;
}

function open(url: URL, key: string, agent: http.Agent): SseClient {
  let closing = false;
  const client: SseClient = { events: [], connected: false, close: () => { closing = true; req.destroy(); } };
  const req = http.get(url, { agent, headers: { 'x-api-key': key, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      client.dropped = `HTTP ${res.statusCode}`;
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buf = '';
    res.on('data', (chunk: string) => {
      buf += chunk;
      let end: number;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 2);
        if (block.includes(': connected')) client.connected = true;
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (!name) continue;
        let documentId: string | undefined;
        try {
          documentId = (JSON.parse(data ?? '{}') as { documentId?: string }).documentId;
        } catch {
          documentId = undefined;
        }
        client.events.push({ name, documentId, at: Date.now() });
      }
    });
    res.on('end', () => { if (!closing) client.dropped ??= 'server ended the stream'; });
  });
  req.on('error', (err) => { if (!closing) client.dropped ??= err.message; });
  return client;
}
