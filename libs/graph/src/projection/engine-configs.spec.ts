import { PRACTICE_ID } from '@custody/domain';
import { projectGraph } from './index.js';
import { config, manifest, STACK } from './testing/fixtures.js';

const ASOF = '2026-03-01T00:00:00Z';

/**
 * An integration engine's workflow (n8n, Node-RED, Mirth) handed over by the practice: unless the manifest places it
 * or a host puts it at a vendor, it is the practice's own automation, so its destinations are the practice's.
 */
describe('projectGraph: integration-engine configs', () => {
  const n8n = (hosts?: string[]) => config('sha-n8n', 'configs/intake-n8n.json', {
    systems: [
      { id: 'n8n-intake', name: "n8n workflow 'Intake'", role: 'other', settings: { engine: 'n8n' }, ...(hosts ? { hosts } : {}), evidence: [{ quote: 'name', line: 2 }] },
      { id: 'webhook-caller-intake', name: "Caller of n8n webhook 'Intake'", role: 'other', evidence: [{ quote: 'webhook', line: 9 }] },
      { id: 'openai', name: 'OpenAI (api.openai.com)', role: 'llm_provider', hosts: ['api.openai.com'], evidence: [{ quote: 'url', line: 40 }] },
    ],
    flows: [
      { from: 'webhook-caller-intake', to: 'n8n-intake', data: ['demographics'], transport: 'https', evidence: [{ quote: 'webhook', line: 9 }] },
      { from: 'n8n-intake', to: 'openai', data: ['demographics', 'immigration_status'], transport: 'https', evidence: [{ quote: 'url', line: 40 }] },
    ],
  });

  it('an unlisted workflow with no host is the practice\'s own: its destinations receive PHI from the practice', () => {
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [n8n()], asOf: ASOF });
    expect(g.systems.map((s) => s.id)).not.toContain('n8n-intake');
    expect(g.systems.map((s) => s.id)).not.toContain('webhook-caller-intake');
    expect(g.flows.find((f) => f.to === 'openai')).toMatchObject({ from: PRACTICE_ID, data: expect.arrayContaining(['immigration_status']) });
  });

  it('a workflow hosted at a vendor stays that vendor\'s node', () => {
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [n8n(['acme.app.n8n.cloud'])], asOf: ASOF });
    expect(g.systems.map((s) => s.id)).toContain('n8n-intake');
    expect(g.flows.find((f) => f.to === 'openai')?.from).toBe('n8n-intake');
  });
});
