/**
 * Generators of new config documents for the setting-replay property (setting-replay.spec.ts, issue 11): configs
 * with names of their own, ones sharing one thing with that spec's workspace, and ones drawn from pools that meet
 * it often, so both the replay of a new config and its fallback to the full projection are exercised. The pools
 * name that workspace's systems (ehr, install-a, OpenAI, Scribewell AI, the practice …).
 */
import fc from 'fast-check';
import type { SystemDecl } from '@custody/domain';
import { config } from './fixtures.js';

/**
 * New configs (issue 11: "after one new document … re-audit only what it can affect"): systems, flows, consents,
 * identifiers and redactions drawn from pools that sometimes meet the workspace (an id, a name, a host, a
 * sub-processor the contract names, a setting change's target, the practice) and mostly do not, so both the
 * replay of a new config (config-replay.ts) and its fallback to the full projection are taken.
 */
const configPools = (meet: boolean) => ({
  // 'nobody' is what some setting changes name and find nothing by: a system given that id would be their target.
  ids: ['sheets', 'partner', 'crm', 'engine', ...(meet ? ['ehr', 'install-a', 'openai', 'deepgram', 'nobody', 'nobody', 'practice'] : [])],
  names: ['Google Sheets', 'Partner Clinic', 'Acme CRM', 'Zapier', ...(meet ? ['Deepgram', 'OpenAI', 'CarePath EHR', 'Scribewell AI', 'nobody'] : [])],
  // A host the vendor catalogue knows ('openai' resolves to OpenAI): the system is then the declared OpenAI.
  hosts: [[], [], ['sheets.example'], ['partner.example:443'], ...(meet ? [['api.openai.com'], ['openai']] : [])],
  ends: ['practice', 'sheets', 'partner', 'crm', 'undeclared', ...(meet ? ['ehr', 'install-b', 'openai'] : [])],
  consentTo: ['sheets', 'partner', 'Partner Clinic', ...(meet ? ['ehr', 'practice', 'nobody'] : [])],
});
const CONFIG_ROLES = ['cloud_storage', 'other', 'llm_provider', 'ai_notetaker', 'analytics_tracker'] as const;
const configSpecArb = (meet: boolean) => {
  const pool = configPools(meet);
  return fc.record({
    systems: fc.array(fc.record({
      id: fc.constantFrom(...pool.ids), name: fc.constantFrom(...pool.names), role: fc.constantFrom(...CONFIG_ROLES), hosts: fc.constantFrom(...pool.hosts),
      settings: fc.constantFrom(undefined, { recording: 'always' }, { subprocessors: ['Deepgram'] }, { training: 'allowed' }, { engine: 'n8n' }),
    }), { maxLength: 4 }),
    flows: fc.array(fc.record({ from: fc.constantFrom(...pool.ends), to: fc.constantFrom(...pool.ends), data: fc.constantFrom(['demographics'], ['progress_notes', 'diagnosis'], ['deidentified']), transport: fc.constantFrom('https', 'http', 'unknown') }), { maxLength: 4 }),
    consents: fc.array(fc.record({ to: fc.constantFrom(...pool.consentTo), data: fc.constantFrom(['demographics'], ['progress_notes']) }), { maxLength: 2 }),
    redact: fc.boolean(),
    identifiers: fc.boolean(),
    warn: fc.boolean(),
  });
};
/**
 * One thing a config of its own may share with the workspace: a system's id (one the workspace has, or one a
 * setting change names and finds nothing by: 'nobody'), name or host (a catalogue vendor's: 'openai' resolves
 * to OpenAI), a flow's end, or a consent's system. Each is what a condition of the replay is about.
 */
const meetArb = fc.oneof(
  fc.record({ kind: fc.constant('id' as const), value: fc.constantFrom('ehr', 'install-a', 'llm', 'app', 'deepgram', 'nobody', 'install-nobody', 'practice') }),
  fc.record({ kind: fc.constant('name' as const), value: fc.constantFrom('Deepgram', 'OpenAI', 'CarePath EHR', 'Scribewell AI', 'nobody', 'Configured application', 'P') }),
  fc.record({ kind: fc.constant('host' as const), value: fc.constantFrom('api.openai.com', 'openai', 'deepgram') }),
  fc.record({ kind: fc.constant('end' as const), value: fc.constantFrom('ehr', 'install-b', 'llm', 'openai', 'practice') }),
  fc.record({ kind: fc.constant('consent' as const), value: fc.constantFrom('ehr', 'practice', 'nobody', 'OpenAI', 'llm') }),
);
// A config that meets nothing has names of its own (suffixed with its step: `sheets-3`), as a new document's would;
// some share one thing with the workspace; some are drawn from pools that meet it often.
export const configArb = fc.oneof(
  fc.record({ spec: configSpecArb(false), meet: fc.option(meetArb, { nil: undefined }) }).map(({ spec, meet }) => ({ ...spec, own: true, meet })),
  configSpecArb(true).map((spec) => ({ ...spec, own: false, meet: undefined })),
);
export type ConfigSpec = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

export function newConfig(n: number, spec: ConfigSpec & { own: boolean; meet?: { kind: 'id' | 'name' | 'host' | 'end' | 'consent'; value: string } }) {
  const own = (x: string) => (spec.own && x !== 'practice' ? `${x}-${n}` : x);
  const result = ownNames(spec, own, n);
  const m = spec.meet;
  if (m) {
    const first = result.systems[0] ?? { id: `meet-${n}`, name: `Meet ${n}`, role: 'other' as const, hosts: [], evidence: [{ quote: 'meet', line: 20 }] };
    const flow = result.flows[0] ?? { from: 'practice', to: first.id, data: ['demographics'], transport: 'https', evidence: [{ quote: 'meet flow', line: 21 }] };
    const consent = { to: m.value, data: ['demographics' as const], type: 'authorization' as const, evidence: [{ quote: `consent ${m.value}` }] };
    if (m.kind === 'id') first.id = m.value;
    if (m.kind === 'name') first.name = m.value;
    if (m.kind === 'host') first.hosts = [m.value];
    if (m.kind === 'end') flow.to = m.value;
    result.systems = [first, ...result.systems.slice(1)];
    result.flows = [flow, ...result.flows.slice(1)];
    if (m.kind === 'consent') result.consents = [consent, ...result.consents];
  }
  return config(`sha-new-${n}`, `config-${n}.json`, result);
}

function ownNames(spec: ConfigSpec, own: (x: string) => string, n: number) {
  return {
    systems: spec.systems.map((sys, i) => ({ ...sys, id: own(sys.id), name: own(sys.name), hosts: sys.hosts.map(own), settings: sys.settings as unknown as SystemDecl['settings'], evidence: [{ quote: `${sys.id} ${n}`, line: i + 1 }] })),
    flows: spec.flows.map((f, i) => ({ ...f, from: own(f.from), to: own(f.to), data: [...f.data], evidence: [{ quote: `${f.from} -> ${f.to}`, line: 10 + i }] })),
    consents: spec.consents.map((c) => ({ ...c, to: own(c.to), data: [...c.data], type: 'authorization' as const, evidence: [{ quote: `consent ${c.to}` }] })),
    redactions: spec.redact ? [{ kind: 'password' as const, path: 'auth.password', line: 3, replacement: '***' }] : [],
    identifiers: spec.identifiers ? [{ field: 'mrn', identifier: 'mrn', evidence: { quote: 'mrn', line: 4 } }] : [],
    warnings: spec.warn ? [`note ${n}`] : [],
  };
}
