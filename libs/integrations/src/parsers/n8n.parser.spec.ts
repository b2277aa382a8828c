import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../index.js';

const fx = (n: string) => readFileSync(join(process.cwd(), 'test/fixtures/configs', n));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('n8n parser', () => {
  const r = parseConfig(fx('n8n-intake.json'));

  it('turns the webhook into an inbound flow', () => {
    expect(r.flows[0]).toMatchObject({ from: 'webhook-caller-intake', to: 'n8n-therapy-intake-triage', transport: 'https', endpoint: '/webhook/intake' });
  });

  it('follows ai_languageModel connections to the LLM provider, with the prompt categories', () => {
    const llm = r.flows.find((f) => f.to === 'openai');
    expect(llm?.data).toEqual(expect.arrayContaining(['demographics', 'diagnosis']));
    expect(llm?.purpose).toBe('LLM prompt via Summarise');
    expect(r.systems.find((s) => s.id === 'openai')).toMatchObject({ role: 'llm_provider', name: "OpenAI (model 'gpt-4o')" });
  });

  it('maps service nodes and HTTP requests to systems, with direction from the operation', () => {
    expect(r.flows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'n8n-therapy-intake-triage', to: 'google-sheets-intake-log', purpose: 'append' }),
        expect.objectContaining({ from: 'n8n-therapy-intake-triage', to: 'api-partner-clinic-test', endpoint: 'https://api.partner-clinic.test/referrals' }),
      ]),
    );
    expect(r.flows).toHaveLength(4);
  });

  it('does not invent a flow for an unconnected model or a disabled node', () => {
    const wf = { name: 'w', nodes: [{ name: 'M', type: '@n8n/n8n-nodes-langchain.lmChatAnthropic', parameters: {} }, { name: 'S', type: 'n8n-nodes-base.slack', disabled: true, parameters: {} }], connections: {} };
    const x = parseConfig(bytes(JSON.stringify(wf)));
    expect(x.format).toBe('n8n');
    expect(x.flows).toEqual([]);
    expect(x.warnings).toHaveLength(2);
  });
});
