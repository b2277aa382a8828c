import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LlmExtractor, locate } from './llm-extractor.js';

const TEXT = 'Acme Notes Terms\n\nWe may use your recordings to improve our models.\nYou can switch it off in settings.\n\nWe do not sell data.';

/** A fake OpenAI-compatible server answering with a fixed chat completion. */
async function fakeServer(answer: unknown, status = 200): Promise<{ url: string; server: Server; requests: { auth?: string; body: Record<string, unknown> }[] }> {
  const requests: { auth?: string; body: Record<string, unknown> }[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

describe('LlmExtractor', () => {
  it('accepts answers whose quote is in the text, computing offsets itself', async () => {
    const { url, server, requests } = await fakeServer({
      ai_training_on_customer_data: { value: 'opt_out', quote: 'You can switch it off in settings.' },
      offshore_processing: { value: 'yes', quote: 'We process data in Ruritania.' },
      record_ownership: { value: 'owned by martians', quote: 'We do not sell data.' },
    });
    try {
      const llm = new LlmExtractor({ baseUrl: url, model: 'test-model', apiKey: 'k1' });
      const r = await llm.extract(TEXT);
      expect(requests[0].auth).toBe('Bearer k1');
      expect(requests[0].body.model).toBe('test-model');
      const ai = r.facts.ai_training_on_customer_data;
      expect(ai).toMatchObject({ value: 'opt_out', extractor: 'llm:test-model' });
      expect(TEXT.slice(ai.evidence[0].start, ai.evidence[0].end)).toBe('You can switch it off in settings.');
      // An invented quote and an invalid value are refused: the rules' answers stay.
      expect(r.facts.offshore_processing).toMatchObject({ value: 'unspecified', extractor: 'rules@1' });
      expect(r.facts.record_ownership.extractor).toBe('rules@1');
      expect(Object.keys(r.facts)).toHaveLength(12);
    } finally {
      server.close();
    }
  });
  it('falls back to the rules when the endpoint fails', async () => {
    const { url, server } = await fakeServer({}, 500);
    try {
      const r = await new LlmExtractor({ baseUrl: url, model: 'm' }).extract(TEXT);
      expect(r.facts.data_sale_or_marketing).toMatchObject({ value: 'prohibited', extractor: 'rules@1' });
    } finally {
      server.close();
    }
  });
  it('locates quotes with different whitespace', () => {
    const e = locate('one two\nthree four', 'two three');
    expect(e).toEqual({ quote: 'two\nthree', start: 4, end: 13 });
    expect(locate('abc', 'not there at all')).toBeUndefined();
  });
});
