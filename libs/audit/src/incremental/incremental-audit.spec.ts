import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Finding, ParseResult } from '@custody/domain';
import { resolveRuleSettings, RULE_READS, SPARSE_READS } from '@custody/rules';
import { analyzeDocument } from '../analyze-document.js';
import { evaluateGraph, type AnalyzedDocument } from '../build-audit.js';
import { changesBetween } from './graph-delta.js';
import { auditState, projectInputs, reaudit, type AuditInputs, type AuditState } from './incremental-audit.js';

/**
 * Property (issue 11): for random workspaces and random orders of events (documents added, replaced and
 * removed, setting changes, triage, rule settings, the clock and the graph's time moving), re-auditing
 * incrementally (projecting from the previous projection's memo, re-running rules for what changed, regrouping
 * what changed) after each event gives exactly the full audit of the state it reaches: same graph, same
 * findings (ids, severities, evidence, instances, contributions), same score; and the projection reports
 * exactly the records that changed. Every step is compared, so a wrong read declaration or a bad splice shows at the event that exposes it.
 */
const ROOT = process.cwd();
const AS_OF = '2026-06-01T00:00:00.000Z';
const NOW = new Date(AS_OF);
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 100);
/** The random properties' seed: FC_SEED to replay or vary one, else fast-check's own. */
const SEED = process.env.FC_SEED === undefined ? {} : { seed: Number(process.env.FC_SEED) };

const IDS = ['ehr', 'scribe', 'llm', 'billing', 'portal', 'fax', 'tracker', 'cloud'];
// Vendor names spelled two ways (case, legal suffix) on purpose: grouping and naming must not depend on arrival order.
const NAMES = ['SCRIBEWELL AI, Inc.', 'echo notes', 'CarePath EHR', 'Scribewell AI', 'OpenAI', 'Deepgram', 'ClaimBridge', 'Quillnote', 'Granite Cloud', 'Harborline EHR', 'Echo Notes', 'Sablepoint Fax'];
const ROLES = ['ehr', 'ai_notetaker', 'llm_provider', 'billing_service', 'clearinghouse', 'cloud_storage', 'communications', 'analytics_tracker', 'clinician', 'payer', 'research', 'data_broker', 'other'] as const;
const DATA = ['progress_notes', 'psychotherapy_notes', 'diagnosis', 'claims', 'demographics', 'session_recording', 'session_transcript', 'substance_use', 'deidentified', 'contact'] as const;
const TRANSPORTS = ['https', 'sftp', 'http', 'tcp', 'unknown'] as const;
// brightfield-dpa.md: a processor's terms with no BAA naming its sub-processors, so a workspace of contracts alone (a
// vendor assessment) has missing-baa read the assessed vendor's named sub-processors from its own record.
const CONTRACTS = ['examples/harborview-counseling/docs/scribewell-ai-baa.md', 'quillnote-baa.md', 'granite-cloud-baa.md', 'harborline-ehr-baa.txt', 'echo-notes-baa.md', 'murmur-scribe-terms.md', 'sablepoint-fax-baa.txt', 'kestrel-analytics-terms.txt', 'brightfield-dpa.md',
  // A template (its vendor's name left blank in the opening): contracts alone make it a template review, whose findings
  // are marked template and scored for no one, incrementally as in the full audit (applyTriageAndTemplates, the one helper of compose.ts and runAudit).
  'test/fixtures/vendor-assessment/blank-party-baa-template.md'];

const settingsArb = fc.record({
  recording: fc.constantFrom('always', 'per_session', 'off'),
  can_disable: fc.boolean(),
  training: fc.constantFrom('allowed', 'opt_out', 'prohibited'),
  consent_capture: fc.constantFrom('none', 'verbal'),
  storage_region: fc.constantFrom('US', 'EU'),
  audio_retention_days: fc.constantFrom(0, 30, 365),
  subprocessors: fc.subarray(['OpenAI', 'Deepgram', 'Rev.com']),
}, { requiredKeys: [] });

const configArb: fc.Arbitrary<ParseResult> = fc.record({
  systems: fc.array(fc.record({
    id: fc.constantFrom(...IDS), name: fc.constantFrom(...NAMES), role: fc.constantFrom(...ROLES),
    hosts: fc.option(fc.constantFrom(['api.carepath.example'], ['app.scribewell.example'], ['api.openai.com']), { nil: undefined }),
    holds: fc.option(fc.subarray([...DATA]), { nil: undefined }),
    settings: fc.option(settingsArb, { nil: undefined }),
  }), { minLength: 1, maxLength: 4 }),
  flows: fc.array(fc.record({
    from: fc.constantFrom('practice', ...IDS), to: fc.constantFrom('practice', ...IDS), data: fc.subarray([...DATA], { minLength: 1 }),
    transport: fc.constantFrom(...TRANSPORTS), line: fc.nat(40),
  }), { minLength: 1, maxLength: 5 }),
  consents: fc.array(fc.record({ to: fc.constantFrom(...IDS), data: fc.subarray([...DATA], { minLength: 1 }), type: fc.constantFrom('authorization', 'part2', 'recording') }), { maxLength: 1 }),
  redact: fc.boolean(),
  // Safe Harbor identifiers the export carries (identifiable-research-data), charged to its one recipient.
  identify: fc.boolean(),
}).map(({ systems, flows, consents, redact, identify }) => ({
  format: 'json',
  systems: systems.map((s, i) => ({ ...s, hosts: s.hosts ? [...s.hosts] : undefined, evidence: [{ quote: `system ${s.id}`, line: i + 1 }] })),
  flows: flows.map((f) => ({ from: f.from, to: f.to, data: [...f.data], transport: f.transport, evidence: [{ quote: `${f.from} -> ${f.to}`, line: f.line }] })),
  consents: consents.map((c) => ({ ...c, data: [...c.data], evidence: [{ quote: `consent ${c.to}` }] })),
  redactions: redact ? [{ kind: 'password', path: 'db.password', line: 3, replacement: '***' }] : [],
  identifiers: identify ? [{ field: 'patient_email', identifier: 'email', evidence: { quote: 'patient_email', line: 4 } }] : [],
}));

const fleetArb = fc.array(fc.record({
  vendor: fc.constantFrom('Scribewell AI', 'SCRIBEWELL AI, Inc.', 'Echo Notes', 'echo notes'), site: fc.constantFrom('Oakland', 'Fresno'), settings: settingsArb,
}), { minLength: 1, maxLength: 12 }).map((rows) => [
  'install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region',
  ...rows.map((r, i) => [`i-${i}`, `Dr ${i}`, r.site, r.vendor, '1.0', r.settings.recording ?? 'per_session', String(r.settings.can_disable ?? true), String(r.settings.audio_retention_days ?? 0), '30', r.settings.training ?? 'prohibited', r.settings.consent_capture ?? 'verbal', (r.settings.subprocessors ?? []).join(';'), r.settings.storage_region ?? 'US'].join(',')),
].join('\n'));

const manifestArb = fc.record({
  systems: fc.uniqueArray(fc.record({ id: fc.constantFrom(...IDS), name: fc.constantFrom(...NAMES), role: fc.constantFrom(...ROLES) }), { selector: (s) => s.id, minLength: 1, maxLength: 4 }),
  flows: fc.array(fc.record({ to: fc.nat(3), data: fc.subarray([...DATA], { minLength: 1 }) }), { maxLength: 3 }),
}).map(({ systems, flows }) => [
  'practice: { name: Prop Practice, jurisdiction: US-CA, lenses: [default] }',
  'systems:', ...systems.map((s) => `  - { id: ${s.id}, name: ${s.name}, role: ${s.role} }`),
  ...(flows.length ? ['flows:', ...flows.map((f) => `  - { from: practice, to: ${systems[f.to % systems.length]!.id}, data: [${f.data.join(', ')}], transport: https }`)] : []),
].join('\n'));

type Source = { kind: 'config'; parse: ParseResult; own?: boolean; tag?: number } | { kind: 'text'; file: string; text: string } | { kind: 'contract'; file: string } | { kind: 'setting'; system: string; settings: Record<string, unknown>; at: number };

const sourceArb: fc.Arbitrary<Source> = fc.oneof(
  { weight: 4, arbitrary: configArb.map((parse) => ({ kind: 'config' as const, parse })) },
  { weight: 3, arbitrary: fc.constantFrom(...CONTRACTS).map((file) => ({ kind: 'contract' as const, file })) },
  { weight: 2, arbitrary: fleetArb.map((text) => ({ kind: 'text' as const, file: 'fleet.csv', text })) },
  { weight: 3, arbitrary: fc.record({ system: fc.constantFrom(...IDS, 'i-0', 'i-1', 'i-2'), settings: settingsArb, at: fc.nat(100) }).map((s) => ({ kind: 'setting' as const, ...s })) },
  { weight: 1, arbitrary: manifestArb.map((text) => ({ kind: 'text' as const, file: 'custody.yaml', text })) },
);

/**
 * A config whose systems have names of their own (`ehr-3`, `OpenAI 3`: a new vendor, as most new documents
 * bring): nothing of the workspace finds them, so the projection adds it alone (config-replay.ts) when its
 * systems draw nothing from the later stages. The practice keeps its name, so flows from it stay the practice's.
 */
function ownNames(parse: ParseResult, n: number): ParseResult {
  const id = (x: string) => (x === 'practice' ? x : `${x}-${n}`);
  return {
    ...parse,
    systems: parse.systems.map((s) => ({ ...s, id: id(s.id), name: `${s.name} ${n}`, hosts: s.hosts?.map((h) => `${n}.${h}`) })),
    flows: parse.flows.map((f) => ({ ...f, from: id(f.from), to: id(f.to) })),
    consents: parse.consents?.map((c) => ({ ...c, to: id(c.to) })),
  };
}

/** `parse` with each system named and given a role by its id alone, without hosts, settings or consents. */
function sameVendors(parse: ParseResult): ParseResult {
  const at = (id: string) => Math.max(IDS.indexOf(id), 0);
  return { ...parse, systems: parse.systems.map((s) => ({ ...s, name: NAMES[at(s.id)]!, role: ROLES[at(s.id)]!, hosts: undefined, settings: undefined })), consents: [] };
}

type Event =
  | { op: 'add'; source: Source } | { op: 'replace'; pick: number; source: Source } | { op: 'remove'; pick: number } | { op: 'triage'; pick: number }
  | { op: 'settings'; audio: number } | { op: 'clock'; hours: number } | { op: 'asOf'; hours: number };
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  { weight: 6, arbitrary: sourceArb.map((source) => ({ op: 'add' as const, source })) },
  // A document uploaded again with new content: same id and file name, another hash and analysis.
  { weight: 2, arbitrary: fc.record({ pick: fc.nat(), source: sourceArb }).map((r) => ({ op: 'replace' as const, ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ op: 'remove' as const, pick })) },
  // The graph's time moves on (a later input): agreements and setting changes come in or out of force.
  { weight: 1, arbitrary: fc.constantFrom(2, 24 * 30, 24 * 400, 24 * 3000).map((hours) => ({ op: 'asOf' as const, hours })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ op: 'triage' as const, pick })) },
  { weight: 1, arbitrary: fc.constantFrom(7, 30, 400).map((audio) => ({ op: 'settings' as const, audio })) },
  // The evaluation time moves on: within the day (no change to any rule) or across days (a full audit).
  { weight: 1, arbitrary: fc.constantFrom(1, 5, 30, 24 * 400).map((hours) => ({ op: 'clock' as const, hours })) },
);

/** What must be equal: the graph, every finding field, the score. */
function outcome(s: AuditState) {
  return { graph: s.graph, findings: s.evaluation.findings, score: s.evaluation.score, errors: s.evaluation.ruleErrors };
}

describe('incremental re-audit', () => {
  const contracts = new Map<string, AnalyzedDocument['analysis']>();
  beforeAll(async () => {
    for (const f of CONTRACTS) {
      // The scribe's BAA lives with the example; the others are fixtures.
      const bytes = readFileSync(join(ROOT, f.includes('/') ? f : join('test/fixtures/contracts', f)));
      contracts.set(f, (await analyzeDocument(bytes, f.split('/').pop()!)).analysis);
    }
  }, 120_000);

  async function documentOf(source: Source, n: number): Promise<AnalyzedDocument> {
    const base = { id: `doc-${n}`, sha256: `sha-${n}`, receivedAt: new Date(Date.parse(AS_OF) - 1e6 + n * 1000).toISOString(), status: 'processed' as const };
    switch (source.kind) {
      case 'config': return { ...base, file: `config-${n}.json`, type: 'integration_config', analysis: { type: 'integration_config', parse: source.own ? ownNames(source.parse, source.tag ?? n) : source.parse } };
      case 'contract': return { ...base, file: source.file.split('/').pop()!, type: 'contract', analysis: contracts.get(source.file) };
      case 'setting': {
        const change = { system: source.system, settings: source.settings, at: new Date(Date.parse(AS_OF) - 1e7 + source.at * 1000).toISOString() };
        return { ...base, file: `setting-${n}.json`, type: 'setting_change', analysis: { type: 'setting_change', change } };
      }
      case 'text': {
        const r = await analyzeDocument(Buffer.from(source.text), source.file);
        return { ...base, file: source.file, ...r, id: base.id };
      }
    }
  }

  /** Rules that produced a finding in some state of some run. */
  const fired = new Set<string>();

  /** Applies events one by one, re-auditing incrementally, and checks each state against a full audit. */
  async function check(events: Event[], splice: typeof reaudit = reaudit, seen?: (e: Event, projected: ReturnType<typeof projectInputs>) => void): Promise<void> {
    let inputs: AuditInputs = { documents: [], asOf: AS_OF, now: NOW };
    let state = auditState(inputs);
    for (const [n, e] of events.entries()) {
      if (e.op === 'add') inputs = { ...inputs, documents: [...inputs.documents, await documentOf(e.source, n)] };
      else if (e.op === 'replace' && inputs.documents.length) {
        const i = e.pick % inputs.documents.length;
        const old = inputs.documents[i]!;
        const doc = { ...(await documentOf(e.source, n)), id: old.id, file: old.file };
        inputs = { ...inputs, documents: inputs.documents.map((d, j) => (j === i ? doc : d)) };
      } else if (e.op === 'asOf') inputs = { ...inputs, asOf: new Date(Date.parse(inputs.asOf) + e.hours * 3600e3).toISOString() };
      else if (e.op === 'remove' && inputs.documents.length) inputs = { ...inputs, documents: inputs.documents.filter((_, i) => i !== e.pick % inputs.documents.length) };
      else if (e.op === 'triage' && state.evaluation.findings.length) {
        const f: Finding = state.evaluation.findings[e.pick % state.evaluation.findings.length]!;
        inputs = { ...inputs, triage: new Map([...(inputs.triage ?? []), [f.id, { status: 'mitigated', reason: 'prop', by: 'test', at: AS_OF }]]) };
      } else if (e.op === 'clock') inputs = { ...inputs, now: new Date(inputs.now.getTime() + e.hours * 3600e3) };
      else if (e.op === 'settings') inputs = { ...inputs, settings: resolveRuleSettings({ retentionLimitDays: { audio: e.audio } }) };
      // The projection from the previous memo reports exactly the records that differ from the previous graph.
      const projected = projectInputs(inputs, state.memo);
      seen?.(e, projected);
      const reported = projected.changes?.base === state.graph ? projected.changes : changesBetween(state.graph, projected.graph);
      const actual = changesBetween(state.graph, projected.graph);
      expect({ step: n, systems: [...reported.systems.keys()].sort(), flows: [...reported.flows.keys()].sort() })
        .toEqual({ step: n, systems: [...actual.systems.keys()].sort(), flows: [...actual.flows.keys()].sort() });
      state = splice(state, inputs);
      expect({ step: n, ...outcome(state) }).toEqual({ step: n, ...outcome(auditState(inputs)) });
      for (const f of state.evaluation.findings) fired.add(f.ruleId);
    }
    // And the full audit it is compared with is the one the CLI and the API run (evaluateGraph).
    const { findings, score, ruleErrors } = evaluateGraph(state.graph, { lens: inputs.lens, settings: inputs.settings, now: inputs.now, triage: inputs.triage });
    expect({ findings, score, errors: ruleErrors }).toEqual({ findings: state.evaluation.findings, score: state.evaluation.score, errors: state.evaluation.ruleErrors });
  }

  const property = async (seed?: number) => {
    let incremental = 0;
    let severalAnchors = 0;
    fired.clear();
    await fc.assert(fc.asyncProperty(fc.array(eventArb, { minLength: 3, maxLength: 14 }), async (events) => {
      await check(events, (prev, next) => {
        const s = reaudit(prev, next);
        if (s.stats.mode === 'incremental' && Object.keys(s.stats.rulesPartial).length) incremental++;
        for (const [id, r] of s.perRule) if ('spliced' in r && r.spliced && (s.stats.rulesPartial[id] ?? 0) >= 2 && r.spliced.from.length > r.spliced.removed.length) severalAnchors++;
        return s;
      });
    }), { numRuns: RUNS, ...(seed === undefined ? SEED : { seed }) });
    // The property is about the incremental path: most steps must have taken it, not the full fallback.
    expect(incremental).toBeGreaterThan(RUNS);
    // And many steps re-ran a rule for several anchors and kept its findings anchored elsewhere (notAnchoredIn).
    expect(severalAnchors).toBeGreaterThan(RUNS);
  };

  it(`equals the full audit after every event, for ${RUNS} random workspaces and event orders`, async () => {
    await property();
  }, 600_000);

  it(`puts every rule's read declaration to the test (the property on a fixed seed, ${RUNS} workspaces)`, async () => {
    // Every rule with a read declaration must fire somewhere, or its declaration went untested. Whether a
    // random run of the generator makes each fire is itself random (CI once missed three), so this runs on a
    // fixed seed; the random runs above keep exploring. Four rules need contract facts none of the fixture
    // contracts has (a known gap of this generator: a new declaration must not join it).
    await property(Number(process.env.INCREMENTAL_SEED ?? 20261205));
    const untested = ['data-sale-or-marketing', 'expired-baa', 'no-return-or-destroy', 'sensitive-detail-exposed'];
    expect([...Object.keys(RULE_READS), ...Object.keys(SPARSE_READS)].filter((id) => !fired.has(id) && !untested.includes(id))).toEqual([]);
  }, 600_000);

  it(`equals the full audit after new configs of their own, added alone to the projection (${RUNS} random workspaces)`, async () => {
    // The events above, with configs of their own among the new documents: the new-document replay's path.
    const withOwn = fc.oneof(
      { weight: 3, arbitrary: eventArb },
      { weight: 3, arbitrary: configArb.map((parse) => ({ op: 'add' as const, source: { kind: 'config' as const, parse, own: true } })) },
      // Another workflow calling the same new vendors (names of their own shared by tag): it merges into the systems
      // an earlier one brought, as the bench's second new document does (config-merge.ts).
      // Each id keeps one name and role there, and no hosts or settings, as a vendor's node in such workflows does.
      { weight: 2, arbitrary: fc.record({ parse: configArb, tag: fc.constantFrom(90, 91) }).map(({ parse, tag }) => ({ op: 'add' as const, source: { kind: 'config' as const, parse: sameVendors(parse), own: true, tag } })) },
    );
    let own = 0;
    let alone = 0;
    let merged = 0;
    await fc.assert(fc.asyncProperty(fc.array(withOwn, { minLength: 3, maxLength: 14 }), async (events) => {
      await check(events, reaudit, (e, projected) => {
        if (e.op !== 'add' || e.source.kind !== 'config' || !e.source.own) return;
        own++;
        // Added alone (config-replay.ts): the memo is the previous one overlaid with its records, not a new projection's.
        if (projected.memo?.constructor.name === 'OverlayMemo') alone++;
        if (projected.memo?.constructor.name === 'OverlayMemo' && [...(projected.changes?.systems.values() ?? [])].some((c) => c.before)) merged++;
      });
    }), { numRuns: RUNS, ...SEED });
    console.log(`configs of their own: ${own}, added alone ${alone}, of which merged into earlier systems ${merged}`);
    // Fails on a replay that declines every config meeting the workspace's systems: some merge into them (measured
    // 12 and 19 of about 500 configs of their own; the others meet a system some other way, e.g. a flow between two
    // earlier systems that have two flows already, or a config sorting between them and the one that made them).
    expect(merged).toBeGreaterThan(own / 100);
    // Fails on a projection that projects every new document in full: a share of configs of their own (about one
    // in six: the others mostly name sub-processors in their settings, or meet a catalogue vendor) is added alone.
    expect(alone).toBeGreaterThan(own / 10);
  }, 600_000);

  it('catches a splice that keeps stale findings (the property can fail)', async () => {
    // A broken splice: re-run nothing, keep the previous findings whenever the change is not global.
    const broken: typeof reaudit = (prev, next) => {
      const s = reaudit(prev, next);
      return s.stats.mode === 'incremental' ? { ...s, evaluation: prev.evaluation } : s;
    };
    const failure = await fc.check(fc.asyncProperty(fc.array(eventArb, { minLength: 3, maxLength: 14 }), (events) => check(events, broken).then(() => true)), { numRuns: RUNS });
    expect(failure.failed).toBe(true);
  }, 600_000);

  it('re-runs only the declared rules for the systems a setting change reaches, and falls back on a global change', async () => {
    const fleet = await documentOf({ kind: 'text', file: 'fleet.csv', text: fc.sample(fleetArb, { numRuns: 1, seed: 7 })[0]! }, 1);
    const base: AuditInputs = { documents: [fleet], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    const change = await documentOf({ kind: 'setting', system: 'i-0', settings: { training: 'allowed' }, at: 5 }, 2);
    const next = reaudit(first, { ...base, documents: [fleet, change] });
    expect(next.stats.mode).toBe('incremental');
    expect(next.stats.rulesPartial['ai-training']).toBeGreaterThan(0);
    // No rule runs over the whole graph: the sparse rules (SPARSE_READS) keep their findings, as nothing they read changed.
    expect(next.stats.rulesFull).toEqual([]);
    expect(outcome(next)).toEqual(outcome(auditState(next.inputs)));
    // A config with a credential in it is what secret-in-config reads: that one re-runs, the other sparse rules do not.
    const parse = fc.sample(configArb, { numRuns: 1, seed: 3 })[0]!;
    const config = await documentOf({ kind: 'config', parse: { ...parse, redactions: [{ kind: 'password', path: 'db.password', line: 3, replacement: '***' }] } }, 3);
    const withSecret = reaudit(next, { ...next.inputs, documents: [...next.inputs.documents, config] });
    expect(withSecret.stats.rulesFull).toContain('secret-in-config');
    expect(outcome(withSecret)).toEqual(outcome(auditState(withSecret.inputs)));
    const global = reaudit(next, { ...next.inputs, settings: resolveRuleSettings({ breachNoticeMaxDays: 10 }) });
    expect(global.stats).toMatchObject({ mode: 'full', reason: 'rule settings changed' });
  });

  it('keeps a template\'s findings marked when re-audited without a full run, as the full audit marks them: its review, scored for no one', async () => {
    const docs = [await documentOf({ kind: 'contract', file: 'test/fixtures/vendor-assessment/blank-party-baa-template.md' }, 1), await documentOf({ kind: 'contract', file: 'murmur-scribe-terms.md' }, 2)];
    const base: AuditInputs = { documents: docs, asOf: AS_OF, now: NOW };
    const first = auditState(base);
    expect(first.evaluation.findings.filter((f) => f.template).length).toBeGreaterThan(0);
    // A triage decision on the vendor's finding and the clock within the day: no full re-audit (a rescore of the kept findings).
    const vendors = first.evaluation.findings.filter((f) => !f.template);
    expect(vendors.length).toBeGreaterThan(0);
    const next = reaudit(first, { ...base, now: new Date(NOW.getTime() + 3600e3), triage: new Map([[vendors[0]!.id, { status: 'mitigated' as const, reason: 'prop', by: 'test', at: AS_OF }]]) });
    expect(next.stats.mode).not.toBe('full');
    expect(outcome(next)).toEqual(outcome(auditState(next.inputs)));
    expect(next.evaluation.findings.filter((f) => f.template).map((f) => f.id)).toEqual(first.evaluation.findings.filter((f) => f.template).map((f) => f.id));
    for (const f of next.evaluation.findings.filter((x) => x.template)) expect(f.contribution).toBe(0);
    // And as the CLI and the API's full audit (evaluateGraph) mark them.
    const full = evaluateGraph(next.graph, { now: next.inputs.now, triage: next.inputs.triage });
    expect({ findings: full.findings, score: full.score }).toEqual({ findings: next.evaluation.findings, score: next.evaluation.score });
  });

  it('names a fleet vendor spelled two ways as a full audit does, after a config system takes a vendor name and settings change (found by review)', async () => {
    const events = [{"op":"add","source":{"kind":"text","file":"fleet.csv","text":"install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region\ni-0,Dr 0,Oakland,Scribewell AI,1.0,per_session,true,0,30,prohibited,verbal,,US\ni-1,Dr 1,Oakland,Scribewell AI,1.0,per_session,true,0,30,prohibited,verbal,,US\nI-2,Dr 2,Oakland,Scribewell AI,1.0,per_session,true,0,30,prohibited,verbal,,US\ni-3,Dr 3,Oakland,Echo Notes,1.0,per_session,true,0,30,prohibited,verbal,,US\ni-4,Dr 0,Oakland,echo notes,1.0,per_session,true,0,30,prohibited,verbal,,US"}},{"op":"add","source":{"kind":"setting","system":"i-3","settings":{},"at":0}},{"op":"replace","pick":0,"source":{"kind":"config","parse":{"format":"json","systems":[{"id":"ehr","name":"SCRIBEWELL AI, Inc.","role":"ehr","evidence":[{"quote":"system ehr","line":1}]}],"flows":[{"from":"practice","to":"practice","data":["contact"],"transport":"https","evidence":[{"quote":"practice -> practice","line":0}]}],"consents":[],"redactions":[]}}},{"op":"add","source":{"kind":"config","parse":{"format":"json","systems":[{"id":"ehr","name":"SCRIBEWELL AI, Inc.","role":"ehr","evidence":[{"quote":"system ehr","line":1}]}],"flows":[{"from":"practice","to":"practice","data":["contact"],"transport":"https","evidence":[{"quote":"practice -> practice","line":0}]}],"consents":[],"redactions":[]}}},{"op":"replace","pick":0,"source":{"kind":"setting","system":"ehr","settings":{},"at":0}}] as Event[];
    await check(events);
  });
});
