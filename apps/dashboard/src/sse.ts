/**
 * Server-sent events over fetch + ReadableStream: EventSource cannot send the `x-api-key` header, so the
 * stream is read and parsed here (the text/event-stream format: `event:`/`data:` lines, blank-line
 * separated). Reconnects with backoff until stopped.
 */

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface SseHandlers {
  onEvent: (name: string, data: string) => void;
  onStatus: (status: LiveStatus) => void;
}

/** Parse complete events out of `buffer`; return them and the unfinished tail. */
export function parseSse(buffer: string): { events: { name: string; data: string }[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // comment / keep-alive
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    return data.length > 0 || name !== 'message' ? [{ name, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

/** Connect to an SSE endpoint with headers; returns a function that stops it. */
export function connectEvents(url: string, headers: Record<string, string>, handlers: SseHandlers): () => void {
  const abort = new AbortController();
  let delay = 1000;

  const run = async () => {
    while (!abort.signal.aborted) {
      handlers.onStatus('connecting');
      try {
        const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: abort.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        handlers.onStatus('live');
        delay = 1000;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseSse(buffer + value);
          buffer = parsed.rest;
          for (const e of parsed.events) handlers.onEvent(e.name, e.data);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      handlers.onStatus('offline');
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  void run();
  return () => abort.abort();
}
