import fc from 'fast-check';
import type { AttachedContract, Evidence } from '@custody/domain';
import { FlowTable } from './flow-table.js';
import { expandSubprocessors, ExpandedNames } from './subprocessors.js';
import { SystemRegistry } from './system-registry.js';
import type { VendorResolver } from './types.js';

/**
 * Sub-processor expansion per class of systems (NamePlans in subprocessors.ts, issue 11): systems sharing their
 * settings' list, their contracts and the names expanded before are expanded by the first one's plan. Over random
 * fleets (shared and look-alike lists, shared and own contracts, flow-down contracts, lists past the short-list
 * limit, blank and non-string names, setting changes, rounds with contracts attached between them), the registry,
 * the flows, the names expanded and what each round reports must equal expanding every system on its own.
 */
const NAMES = ['OpenAI', 'Deepgram', ' AWS ', '', 'Twilio', 'openai'];
const catalogue: VendorResolver = (q) => (q.toLowerCase() === 'openai' ? { name: 'OpenAI', role: 'llm_provider' } : undefined);

const listArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 3),
  fc.constant('long' as const),
  fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.constant(7)), { maxLength: 3 }),
);
const systemArb = fc.record({
  list: fc.option(listArb, { nil: undefined }),
  contracts: fc.array(fc.constantFrom(0, 1, 2, 3), { maxLength: 2 }),
  later: fc.array(fc.constantFrom(0, 1, 2, 3), { maxLength: 1 }),
  changed: fc.boolean(),
  install: fc.boolean(),
});

/** One workspace, built the same way twice (fresh objects each time, shared as the arbitrary says). */
type Spec = { list?: unknown; contracts: number[]; later: number[]; changed: boolean; install: boolean };
function build(specs: Spec[]) {
  const row = (i: number): Evidence => ({ quote: `row ${i}`, line: i + 2, documentId: 'fleet', file: 'fleet.csv' });
  const shared = [['OpenAI', 'Deepgram'], ['Deepgram'], ['AWS', 'OpenAI', 'Twilio'], []].map((l) => Object.freeze(l));
  const long = Array.from({ length: 20 }, (_, i) => `Vendor ${i}`);
  const contract = (k: number): AttachedContract => ({
    documentId: `c${k}`, file: `c${k}.md`, kind: 'baa',
    facts: { subprocessors_named: { value: [['OpenAI', 'Twilio'], ['Deepgram'], [' AWS', ''], ['Vendor 3']][k]!, evidence: [{ quote: `clause ${k}`, line: k + 1, documentId: `c${k}`, file: `c${k}.md` }] } } as unknown as AttachedContract['facts'],
    ...(k === 3 ? { via: { system: 'other', relation: 'flowdown' as const } } : {}),
  });
  const contracts = [0, 1, 2, 3].map(contract);
  const registry = new SystemRegistry();
  const flows = new FlowTable();
  specs.forEach((spec, i) => {
    const list = spec.list === undefined ? undefined : typeof spec.list === 'number' ? shared[spec.list] : spec.list === 'long' ? long : [...(spec.list as unknown[])];
    // Non-string names on purpose (a CSV cell or JSON value the parser passes on): cast, as untrusted input is.
    const settings = list === undefined ? {} : { subprocessors: list as string[] };
    const s = registry.add({ id: `s-${String(i).padStart(3, '0')}`, name: `Install ${i}`, role: 'ai_notetaker', settings, evidence: [row(i)], ...(spec.install ? { group: { vendor: 'Scribe' } } : {}) }, true);
    for (const k of spec.contracts) s.contracts.push(contracts[k]!);
    if (spec.changed) s.settingSources = { declared: s.settingsEvidence, declaredSettings: settings, changes: [{ keys: ['subprocessors'], evidence: [{ quote: `change ${i}`, line: 1, documentId: 'change', file: 'change.json' }] }] };
  });
  return { registry, flows, contracts };
}

/** Everything expansion writes, with each evidence item named by its text (objects compared by place, not identity). */
function state(registry: SystemRegistry, flows: FlowTable, done: ExpandedNames) {
  const ev = (l: readonly Evidence[]) => l.map((e) => `${e.documentId}:${e.quote}`);
  return {
    systems: registry.all().map((s) => ({ id: s.id, name: s.name, role: s.role, evidence: ev(s.evidence) })),
    flows: flows.all().map((f) => ({ from: f.from, to: f.to, source: f.source, evidence: ev(f.evidence) })),
    done: [...done.byId].map(([id, names]) => [id, names instanceof Set ? ['set', ...names] : [...names]]),
    read: [...done.contractsRead],
  };
}

function run(specs: Spec[], plans: boolean, catalogued: boolean) {
  const { registry, flows, contracts } = build(specs);
  const done = new ExpandedNames();
  const grew: boolean[] = [];
  grew.push(expandSubprocessors(registry, flows, catalogued ? catalogue : undefined, done, plans));
  // A second round after more contracts are attached (the projection alternates attaching and expanding).
  registry.all().forEach((s) => {
    const spec = specs[Number(s.id.slice(2))];
    for (const k of spec?.later ?? []) s.contracts.push(contracts[k]!);
  });
  grew.push(expandSubprocessors(registry, flows, catalogued ? catalogue : undefined, done, plans));
  grew.push(expandSubprocessors(registry, flows, catalogued ? catalogue : undefined, done, plans));
  return { grew, ...state(registry, flows, done) };
}

describe('sub-processor expansion per class of systems (property)', () => {
  it('equals expanding every system on its own', () => {
    // The seed: test/support/fast-check-seed.ts (fixed in CI, FC_SEED, else random). FC_RUNS for a longer search.
    const numRuns = Number(process.env.FC_RUNS ?? 300);
    fc.assert(fc.property(fc.array(systemArb, { minLength: 1, maxLength: 24 }), fc.boolean(), (specs, catalogued) => {
      expect(run(specs, true, catalogued)).toEqual(run(specs, false, catalogued));
    }), { numRuns });
  });

  it('expands a class of installs from one plan, each with its own row', () => {
    const specs = Array.from({ length: 6 }, (_, i) => ({ list: i % 2, contracts: [0], later: [], changed: false, install: true }));
    const out = run(specs, true, false);
    expect(out).toEqual(run(specs, false, false));
    expect(out.flows.filter((f) => f.from === 's-002')).toEqual([
      // OpenAI is named by the settings first: the contract's naming it again adds nothing.
      { from: 's-002', to: 'openai', source: 'subprocessor:s-002', evidence: ['fleet:row 2'] },
      { from: 's-002', to: 'deepgram', source: 'subprocessor:s-002', evidence: ['fleet:row 2'] },
      { from: 's-002', to: 'twilio', source: 'subprocessor:s-002', evidence: ['c0:clause 0'] },
    ]);
  });
});
