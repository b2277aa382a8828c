import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyzeDocument } from './analyze-document.js';

const POLICY = '# Acme Notes Terms\n\nWe may use your recordings to improve our models.\nYou can switch it off in settings.\n';

describe('analyzeDocument', () => {
  it('classifies a manifest, a config and a contract by content', async () => {
    const manifest = await analyzeDocument(Buffer.from('practice: { name: P }\nsystems: []\n'), 'custody.yaml');
    expect(manifest).toMatchObject({ type: 'manifest', status: 'processed' });
    const config = await analyzeDocument(Buffer.from(JSON.stringify({ webhook: 'https://hooks.example.org/intake', fields: ['name', 'dob'] })), 'export.json');
    expect(config.type).toBe('integration_config');
    const contract = await analyzeDocument(Buffer.from(POLICY), 'terms.md');
    expect(contract).toMatchObject({ type: 'contract', status: 'processed' });
  });

  it('keeps a manifest that does not load as a failed manifest, with every problem', async () => {
    const r = await analyzeDocument(Buffer.from('practice: { name: P }\nsystems:\n  - { id: a, name: A, role: notetaker }\n'), 'custody.yaml');
    expect(r).toMatchObject({ type: 'manifest', status: 'failed' });
    expect(r.reason).toMatch(/custody\.yaml:3: systems\[0\]\.role: "notetaker" is not a role/);
  });

  it('fails a config or fleet export that declares more systems and flows than its budget with too_complex', async () => {
    const flow = (n: number) => Buffer.from(JSON.stringify({ name: 'w', nodes: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `n${i}`, type: 'n8n-nodes-base.httpRequest', parameters: { url: `https://h${i % 5}.example.com/x` }, position: [0, 0] })), connections: {} }));
    const under = await analyzeDocument(flow(20), 'flows/w.json', { maxDeclarations: 100 });
    expect(under).toMatchObject({ type: 'integration_config', status: 'processed' });
    const over = await analyzeDocument(flow(200), 'flows/w.json', { maxDeclarations: 100 });
    expect(over).toMatchObject({ type: 'integration_config', status: 'failed', reason: expect.stringMatching(/^flows\/w\.json: too_complex: declares \d+ systems, flows and consents \(more than 100; CUSTODY_PARSE_MAX_DECLARATIONS raises the limit\)$/) });
    expect(over.analysis).toBeUndefined();
    const fleet = Buffer.from(`install_id,clinician,site,vendor,version,recording\n${Array.from({ length: 80 }, (_, i) => `i${i},c${i},s1,Scribewell,2.1,always`).join('\n')}\n`);
    expect(await analyzeDocument(fleet, 'fleet/f.csv', { maxDeclarations: 100 })).toMatchObject({ type: 'fleet_export', status: 'failed', reason: expect.stringContaining('too_complex') });
    expect(await analyzeDocument(fleet, 'fleet/f.csv', { maxDeclarations: 1000 })).toMatchObject({ type: 'fleet_export', status: 'processed' });
  });

  it('does not read a README as a contract', async () => {
    const readme = '# Stillwater Therapy\n\nOur stack: BAAs with subcontractor flow-down for every vendor, no AI training.\n';
    expect(await analyzeDocument(Buffer.from(readme), 'README.md')).toMatchObject({ type: 'unknown', status: 'unparsed', reason: expect.stringMatching(/README\.md: documentation/) });
    const prose = await analyzeDocument(Buffer.from('# Team offsite\n\nWe talked about the new logo and lunch.\n'), 'offsite.md');
    expect(prose).toMatchObject({ status: 'unparsed', reason: expect.stringMatching(/offsite\.md: not a contract/) });
  });

  it('names the file and the reason when input is empty or bad', async () => {
    expect(await analyzeDocument(Buffer.alloc(0), 'x.txt')).toMatchObject({ status: 'failed', reason: 'x.txt: empty file' });
    const big = await analyzeDocument(Buffer.alloc(2048, 97), 'big.txt', { maxBytes: 1024 });
    expect(big.reason).toMatch(/^big\.txt: too_large: 2048 bytes is over the 1024-byte limit/);
  });

  it('uses a configured model-backed extractor, keeping only verbatim quotes', async () => {
    const answer = { ai_training_on_customer_data: { value: 'opt_out', quote: 'You can switch it off in settings.' } };
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { content: JSON.stringify(answer) } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await analyzeDocument(Buffer.from(POLICY), 'terms.md', { llm: { baseUrl: url, model: 'local-test' } });
      const fact = r.analysis?.type === 'contract' ? r.analysis.extraction.facts.ai_training_on_customer_data : undefined;
      expect(fact).toMatchObject({ value: 'opt_out', extractor: 'llm:local-test' });
    } finally {
      server.close();
    }
  });
});
