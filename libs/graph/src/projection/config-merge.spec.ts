import type { ParseResult } from '@custody/domain';
import { projectGraphIncremental, projectGraphWithReport } from './index.js';
import { config } from './testing/fixtures.js';
import type { ConfigInput, ProjectionInput } from './types.js';

/**
 * A new config whose systems are systems the workspace has (a second n8n workflow calling the same OpenAI
 * model and sheet as the first: issue 11's "second new document") is added to the earlier projection alone,
 * merged into those systems and their flows, whether it sorts before or after the config that made them.
 */
const workflow = (n: string, partner: string): Partial<ParseResult> => ({
  systems: [
    { id: 'openai', name: "OpenAI (model 'gpt-4o')", role: 'llm_provider', evidence: [{ quote: `openai ${n}`, line: 6 }] },
    { id: 'sheet', name: "Google Sheets 'Intake log'", role: 'cloud_storage', evidence: [{ quote: `sheet ${n}`, line: 7 }] },
    { id: partner, name: `https://${partner}/referrals`, role: 'other', hosts: [partner], evidence: [{ quote: `partner ${n}`, line: 8 }] },
  ],
  flows: [
    { from: 'practice', to: 'openai', data: n === 'a' ? ['demographics'] : ['diagnosis'], transport: 'https', purpose: 'LLM prompt', evidence: [{ quote: `prompt ${n}`, line: 5 }] },
    { from: 'practice', to: 'sheet', data: ['demographics'], transport: 'https', purpose: 'append', evidence: [{ quote: `append ${n}`, line: 7 }] },
    { from: 'practice', to: partner, data: ['demographics'], transport: 'https', evidence: [{ quote: `post ${n}`, line: 8 }] },
  ],
});

describe('new-config replay into the systems the workspace has', () => {
  const first: ConfigInput = { ...config('doc-a', 'a.json', workflow('a', 'api.partner.test')), sha256: 'sha-5' };
  const start: ProjectionInput = { contracts: [], configs: [first], settingChanges: [], asOf: '2026-03-01T00:00:00Z' };

  it.each([['before', 'sha-1'], ['after', 'sha-9']])('merges a second workflow sorting %s the first, equal to the projection from scratch', (_, sha) => {
    const before = projectGraphIncremental(start);
    const second: ConfigInput = { ...config('doc-b', 'b.json', workflow('b', 'api.second.test')), sha256: sha };
    const next = { ...start, configs: [first, second] };
    const replayed = projectGraphIncremental(next, before.memo);
    // Fails on a projection that projects in full every config meeting the workspace's systems.
    expect(replayed.memo.constructor.name).toBe('OverlayMemo');
    const full = projectGraphWithReport(next);
    expect(JSON.stringify(replayed.graph)).toBe(JSON.stringify(full.graph));
    expect(replayed.warnings).toEqual(full.warnings);
    expect([...replayed.changes!.systems.keys()].sort()).toEqual(['api.second.test', 'openai', 'sheet']);
    expect([...replayed.changes!.flows.keys()].sort()).toEqual(['practice->api.second.test', 'practice->openai', 'practice->sheet']);
    // And a third, merging into systems the second merged into, from the replayed memo.
    const third: ConfigInput = { ...config('doc-c', 'c.json', workflow('c', 'api.third.test')), sha256: 'sha-3' };
    const last = { ...next, configs: [...next.configs, third] };
    const again = projectGraphIncremental(last, replayed.memo);
    expect(again.memo.constructor.name).toBe('OverlayMemo');
    expect(JSON.stringify(again.graph)).toBe(JSON.stringify(projectGraphWithReport(last).graph));
  });

  it('projects in full a config giving a system another specific role, which the first config to come decides', () => {
    const before = projectGraphIncremental(start);
    const spec = workflow('b', 'api.second.test');
    const second: ConfigInput = { ...config('doc-b', 'b.json', { ...spec, systems: spec.systems!.map((s) => (s.id === 'openai' ? { ...s, role: 'other' as const } : s.id === 'sheet' ? { ...s, role: 'ehr' as const } : s)) }), sha256: 'sha-1' };
    const next = { ...start, configs: [first, second] };
    const projected = projectGraphIncremental(next, before.memo);
    expect(projected.memo.constructor.name).not.toBe('OverlayMemo');
    expect(JSON.stringify(projected.graph)).toBe(JSON.stringify(projectGraphWithReport(next).graph));
  });
});
