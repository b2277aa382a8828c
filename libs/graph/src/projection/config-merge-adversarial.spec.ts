import type { ParseResult } from '@custody/domain';
import { projectGraphIncremental, projectGraphWithReport } from './index.js';
import { config } from './testing/fixtures.js';
import type { ConfigInput, ProjectionInput, VendorResolver } from './types.js';

/**
 * A new config merging into systems the workspace has (config-merge.ts), on inputs built to make the merge
 * depend on the config's place or on what it declares: the incremental projection must equal the one from
 * scratch whether it replays or falls back.
 */
const ASOF = '2026-03-01T00:00:00Z';
const catalogue: VendorResolver = (q) => (q.toLowerCase() === 'api.openai.com' ? { name: 'OpenAI', role: 'llm_provider' } : undefined);
const cfg = (id: string, sha: string, result: Partial<ParseResult>): ConfigInput => ({ ...config(id, `${id}.json`, result), sha256: sha });
const sys = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, role: 'llm_provider' as const, evidence: [{ quote: `${id} ${name}`, line: 1 }], ...extra });
const flow = (to: string, n: string, extra: Record<string, unknown> = {}) => ({ from: 'practice', to, data: ['demographics' as const], transport: 'https' as const, evidence: [{ quote: `flow ${n}`, line: 2 }], ...extra });

/** Each config added in turn to the previous projection; every step equal to the projection from scratch. */
function replayEach(configs: ConfigInput[], frame: Partial<ProjectionInput> = {}) {
  let input: ProjectionInput = { contracts: [], configs: [configs[0]!], settingChanges: [], asOf: ASOF, ...frame };
  let prev = projectGraphIncremental(input);
  const kinds: string[] = [];
  for (const c of configs.slice(1)) {
    input = { ...input, configs: [...input.configs, c] };
    prev = projectGraphIncremental(input, prev.memo);
    kinds.push(prev.memo.constructor.name);
    const full = projectGraphWithReport(input);
    expect({ graph: JSON.stringify(prev.graph), warnings: prev.warnings }).toEqual({ graph: JSON.stringify(full.graph), warnings: full.warnings });
  }
  return { kinds, input, prev };
}

/** From a memo with merged replays in it, each later edit (a document removed, replaced, a setting change) equals the projection from scratch. */
function thenEdit(start: ReturnType<typeof replayEach>) {
  const { input, prev } = start;
  const change = { documentId: 'chg', file: 'chg.json', at: '2026-02-01T00:00:00Z', system: 'openai', settings: { retention: '1d' }, evidence: [{ quote: 'chg', line: 1 }] };
  const edits: ProjectionInput[] = [
    ...input.configs.map((c) => ({ ...input, configs: input.configs.filter((x) => x !== c) })),
    ...input.configs.map((c) => ({ ...input, configs: input.configs.map((x) => (x === c ? { ...c, sha256: 'sha-7', result: { ...c.result, systems: [] } } : x)) })),
    { ...input, settingChanges: [change] },
  ];
  for (const next of edits) {
    const out = projectGraphIncremental(next, prev.memo);
    const full = projectGraphWithReport(next);
    expect({ graph: JSON.stringify(out.graph), warnings: out.warnings }).toEqual({ graph: JSON.stringify(full.graph), warnings: full.warnings });
  }
}

describe('new-config replay merging into earlier systems: adversarial inputs', () => {
  it('a config sorting before the one that made a system, whose host the catalogue names after an earlier system', () => {
    // Full: `b` (sha-1) comes before `a` (sha-5); its `openai` has a host the catalogue calls "OpenAI", a name `gpt`
    // (sha-0) has, so it merges into `gpt` there, and `a` then makes `openai`. Alone, `b` cannot see `gpt`.
    const t = cfg('t', 'sha-0', { systems: [sys('gpt', 'OpenAI')], flows: [flow('gpt', 't')] });
    const a = cfg('a', 'sha-5', { systems: [sys('openai', 'Azure GPT')], flows: [flow('openai', 'a')] });
    const b = cfg('b', 'sha-1', { systems: [sys('openai', 'Azure GPT', { hosts: ['api.openai.com'] })], flows: [flow('openai', 'b')] });
    replayEach([t, a, b], { resolveVendor: catalogue, resolverKey: 'catalogue' });
  });

  it('the same system id under another spelling of its name, sorting before and after its maker', () => {
    const a = cfg('a', 'sha-5', { systems: [sys('openai', 'OpenAI')], flows: [flow('openai', 'a')] });
    for (const sha of ['sha-1', 'sha-9']) {
      replayEach([a, cfg('b', sha, { systems: [sys('openai', 'Open AI, Inc.')], flows: [flow('openai', 'b')] })]);
      replayEach([a, cfg('b', sha, { systems: [sys('openai', 'openai')], flows: [flow('openai', 'b')] })]);
    }
  });

  it('a host another system has indexed, a setting equal or different, sorting first or last', () => {
    const a = cfg('a', 'sha-5', { systems: [sys('openai', 'OpenAI', { settings: { retention: '30d' } }), sys('sheet', 'Sheet', { role: 'cloud_storage', hosts: ['sheets.test'] })], flows: [flow('openai', 'a'), flow('sheet', 'a')] });
    for (const sha of ['sha-1', 'sha-9']) {
      const kinds = [
        ...replayEach([a, cfg('b', sha, { systems: [sys('openai', 'OpenAI', { hosts: ['sheets.test'] })], flows: [flow('openai', 'b')] })]).kinds,
        ...replayEach([a, cfg('b', sha, { systems: [sys('openai', 'OpenAI', { settings: { retention: '30d', training: false } })], flows: [flow('openai', 'b')] })]).kinds,
        ...replayEach([a, cfg('b', sha, { systems: [sys('openai', 'OpenAI', { settings: { retention: '0d' } })], flows: [flow('openai', 'b')] })]).kinds,
      ];
      // Only the setting agreeing where both declare it merges alone; a host another system has, or another value, falls back.
      expect(kinds.map((k) => k === 'OverlayMemo')).toEqual([false, true, false]);
    }
  });

  it('flows whose transport, purpose or endpoint the first one decides, in a chain of three merges in every order', () => {
    const shas = ['sha-1', 'sha-5', 'sha-9'];
    let replays = 0;
    const variants = [{ transport: 'unknown' }, { purpose: 'summary' }, { endpoint: 'https://api.openai.com/v1' }, { transport: 'sftp' }, { purpose: 'other' }, {}];
    for (const [i, v] of variants.entries()) {
      for (const order of [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]]) {
        const make = (k: number, extra: Record<string, unknown>) => cfg(`c${k}`, shas[order[k]!]!, { systems: [sys('openai', 'OpenAI', { holds: k === 1 ? ['diagnosis'] : [] })], flows: [flow('openai', `${k}`, extra)] });
        const chain = replayEach([make(0, {}), make(1, v), make(2, variants[(i + 1) % variants.length]!)]);
        replays += chain.kinds.filter((k) => k === 'OverlayMemo').length;
        thenEdit(chain);
      }
    }
    console.log(`chains: ${replays} of ${variants.length * 4 * 2} merges replayed`);
  });

  it('a placeholder made by a flow endpoint, merged into by a config sorting before its maker', () => {
    const a = cfg('a', 'sha-5', { systems: [], flows: [flow('openai', 'a')] });
    replayEach([a, cfg('b', 'sha-1', { systems: [sys('openai', 'openai', { role: 'other' })], flows: [flow('openai', 'b')] })]);
    replayEach([a, cfg('b', 'sha-9', { systems: [sys('openai', 'openai', { role: 'other' })], flows: [flow('openai', 'b')] })]);
  });
});
