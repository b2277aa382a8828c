import { PRACTICE_ID, type Graph, type GraphSystem } from '@custody/domain';
import { DEFAULT_RULE_SETTINGS, REGISTRY, RULE_READS, runRulesUngrouped } from '@custody/rules';
import { analyzeDocument } from '../analyze-document.js';
import type { AnalyzedDocument } from '../build-audit.js';
import { AS_OF, config, ev, NOW } from './config-documents.testing.js';
import { adjacency, affectedAnchors, changesBetween, deltaOf } from './graph-delta.js';
import { subgraphFor } from './subgraph.js';
import { auditState, reaudit, type AuditInputs } from './incremental-audit.js';

/**
 * The narrower `names` declarations (RuleReads: `'subprocessors'`, `'fleet-vendors'`): a name that comes, goes
 * or changes re-runs such a rule only where it can matter. The random-workspace property rarely builds these
 * cases (the projection models every named sub-processor, and a hub needs several parties), so each is built
 * here on purpose, with a check that the change does alter what the rule reads.
 */
describe("a rule reading names only to find a fleet vendor's stand-in ('fleet-vendors')", () => {
  // Two installs of a Scribewell fleet and an EHR send four sensitive categories to one LLM: a hub fed by two
  // parties, the fleet counted once under its stand-in (`fleet-scribewell-ai`, read as the vendor's name, while
  // no system is called so).
  const hub = config(1, {
    systems: [
      { id: 'i-1', name: 'Scribewell AI', role: 'ai_notetaker', group: { vendor: 'Scribewell AI', site: 'Oakland' }, evidence: ev('i-1') },
      { id: 'i-2', name: 'Scribewell AI', role: 'ai_notetaker', group: { vendor: 'Scribewell AI', site: 'Fresno' }, evidence: ev('i-2') },
      { id: 'ehr', name: 'CarePath EHR', role: 'ehr', evidence: ev('ehr') },
      { id: 'llm', name: 'OpenAI', role: 'llm_provider', evidence: ev('llm') },
    ],
    flows: [
      { from: 'i-1', to: 'llm', data: ['psychotherapy_notes', 'diagnosis'], transport: 'https', evidence: ev('i-1 -> llm') },
      { from: 'i-2', to: 'llm', data: ['psychotherapy_notes'], transport: 'https', evidence: ev('i-2 -> llm') },
      { from: 'ehr', to: 'llm', data: ['substance_use', 'session_recording'], transport: 'https', evidence: ev('ehr -> llm') },
    ],
  });
  // A system named like the fleet vendor, connected to nothing the hub reads: it becomes the fleet's stand-in. Its
  // legal name (the same name key as the vendor's) is how the hub's finding then names the fleet.
  const standIn = config(2, {
    systems: [{ id: 'sw', name: 'Scribewell AI, Inc.', role: 'ai_notetaker', evidence: ev('sw') }],
    flows: [{ from: PRACTICE_ID, to: 'sw', data: ['session_recording'], transport: 'https', evidence: ev('practice -> sw') }],
  });
  const hubFinding = (s: ReturnType<typeof auditState>) => s.evaluation.findings.find((f) => f.ruleId === 'aggregation-hub' && f.systems[0] === 'llm');

  it('re-runs the rule in full when a system comes that stands in for a fleet vendor, and equals the full audit', () => {
    const base: AuditInputs = { documents: [hub], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    expect(hubFinding(first)?.detail).toContain('from 2 sources (CarePath EHR and Scribewell AI).');
    const next = reaudit(first, { ...base, documents: [hub, standIn] });
    const full = auditState(next.inputs);
    // The hub's own records did not change, yet its finding did (its sources are named by the new stand-in).
    expect(hubFinding(full)?.detail).toContain('from 2 sources (CarePath EHR and Scribewell AI, Inc.).');
    expect(next.evaluation.findings).toEqual(full.evaluation.findings);
    expect(next.stats.mode).toBe('incremental');
    expect(next.stats.rulesFull).toContain('aggregation-hub');
  });

  it('runs the rule only for the changed systems when a new name stands in for no fleet vendor', () => {
    const base: AuditInputs = { documents: [hub], asOf: AS_OF, now: NOW };
    const other = config(3, { systems: [{ id: 'fax', name: 'Sablepoint Fax', role: 'communications', evidence: ev('fax') }], flows: [{ from: PRACTICE_ID, to: 'fax', data: ['diagnosis'], transport: 'https', evidence: ev('practice -> fax') }] });
    const next = reaudit(auditState(base), { ...base, documents: [hub, other] });
    expect(next.stats.rulesFull).not.toContain('aggregation-hub');
    expect(next.stats.rulesPartial['aggregation-hub']).toBeGreaterThan(0);
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });

  it('judges a hub on a subgraph without the installs it does not receive from, keeping the stand-in, and equals the full audit', () => {
    // A third install sends only to the EHR: the hub's judgement reads nothing of it.
    const elsewhere = config(4, {
      systems: [{ id: 'i-3', name: 'Scribewell AI', role: 'ai_notetaker', group: { vendor: 'Scribewell AI', site: 'Napa' }, evidence: ev('i-3') }],
      flows: [{ from: 'i-3', to: 'ehr', data: ['diagnosis'], transport: 'https', evidence: ev('i-3 -> ehr') }],
    });
    const base: AuditInputs = { documents: [hub, standIn, elsewhere], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    const sub = subgraphFor(first.graph, RULE_READS['aggregation-hub']!, new Set(['llm']), adjacency(first.graph));
    const ids = sub.systems.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['llm', 'i-1', 'i-2', 'ehr', 'sw']));
    expect(ids).not.toContain('i-3');
    // A new flow into the hub: the rule re-runs for it alone, its sources still named by the stand-in.
    const more = config(5, { systems: [], flows: [{ from: 'ehr', to: 'llm', data: ['diagnosis'], transport: 'https', evidence: ev('ehr -> llm again') }] });
    const next = reaudit(first, { ...base, documents: [hub, standIn, elsewhere, more] });
    expect(next.stats.rulesPartial['aggregation-hub']).toBeGreaterThan(0);
    expect(hubFinding(next)?.detail).toContain('(CarePath EHR and Scribewell AI, Inc.)');
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });
});

describe("a rule reading names only to tell whether a named sub-processor is modelled ('subprocessors')", () => {
  const system = (id: string, name: string, extra: Partial<GraphSystem> = {}): GraphSystem => ({ id, name, role: 'other', holds: [], settings: {}, contracts: [], evidence: [], ...extra });
  const graph = (systems: GraphSystem[]): Graph => ({
    practice: { name: 'P', lenses: ['default'], records: {} }, systems, flows: [], consents: [], redactions: [], identifiers: [], asOf: AS_OF,
  });
  const practice = system(PRACTICE_ID, 'P', { role: 'practice' });
  const scribe = system('scribe', 'Scribewell AI', { role: 'ai_notetaker', settings: { subprocessors: ['OpenAI'] } });
  const ehr = system('ehr', 'CarePath EHR', { role: 'ehr', settings: { subprocessors: ['Azure'] } });

  const anchorsAfter = (a: Graph, b: Graph, reads = RULE_READS['baa-chain-break']!) => affectedAnchors(reads, deltaOf(a, b, changesBetween(a, b)), adjacency(b), b);

  it('re-judges the systems that name a sub-processor that came to be modelled, or stopped being', () => {
    const before = graph([practice, ehr, scribe]);
    const added = graph([practice, ehr, system('openai-llc', 'OpenAI, L.L.C.', { role: 'llm_provider' }), scribe]);
    expect([...anchorsAfter(before, added)].sort()).toEqual(['openai-llc', 'scribe']);
    expect([...anchorsAfter(added, before)].sort()).toEqual(['openai-llc', 'scribe']);
    // "Azure OpenAI" still models OpenAI (a loose name match) and now models Azure too: only the EHR's flips.
    const renamed = graph([practice, ehr, system('openai-llc', 'Azure OpenAI', { role: 'llm_provider' }), scribe]);
    expect([...anchorsAfter(added, renamed)].sort()).toEqual(['ehr', 'openai-llc']);
    // A second system called OpenAI changes no answer: only the new system itself is judged again.
    const second = graph([practice, ehr, system('openai-llc', 'OpenAI, L.L.C.', { role: 'llm_provider' }), system('openai-eu', 'OpenAI', { role: 'llm_provider' }), scribe]);
    expect([...anchorsAfter(added, second)]).toEqual(['openai-eu']);
  });

  it('asks each of several names a new system flips whether an unchanged system models it already', () => {
    // "Azure OpenAI" matches both listed names; one scan over the unchanged systems (modelledFlips) must find
    // each name's own match: Microsoft Azure models Azure, and OpenAI is modelled by a later system or not.
    const azure = system('azure', 'Microsoft Azure', { role: 'cloud_storage' });
    const openai = system('openai', 'OpenAI', { role: 'llm_provider' });
    const both = system('azure-openai', 'Azure OpenAI', { role: 'llm_provider' });
    const modelled = graph([practice, ehr, scribe, azure, openai]);
    expect([...anchorsAfter(modelled, graph([practice, ehr, scribe, azure, openai, both]))]).toEqual(['azure-openai']);
    const onlyAzure = graph([practice, ehr, scribe, azure]);
    expect([...anchorsAfter(onlyAzure, graph([practice, ehr, scribe, azure, both]))].sort()).toEqual(['azure-openai', 'scribe']);
    const onlyOpenai = graph([practice, ehr, scribe, openai]);
    expect([...anchorsAfter(onlyOpenai, graph([practice, ehr, scribe, openai, both]))].sort()).toEqual(['azure-openai', 'ehr']);
  });

  it('judges a system on a subgraph holding, of the systems not on its paths, only those named like a sub-processor it lists', () => {
    const holding = { ...scribe, holds: ['diagnosis' as const] };
    const g = graph([practice, ehr, system('fax', 'Sablepoint Fax'), system('openai-llc', 'OpenAI, L.L.C.', { role: 'llm_provider' }), holding]);
    const rule = REGISTRY.find((r) => r.id === 'baa-chain-break')!;
    const sub = subgraphFor(g, RULE_READS[rule.id]!, new Set(['scribe']), adjacency(g));
    expect(sub.systems.map((x) => x.id).sort()).toEqual(['openai-llc', 'scribe']);
    const judged = (on: Graph) => runRulesUngrouped({ graph: on, lens: 'default', settings: DEFAULT_RULE_SETTINGS, now: NOW }, [rule]).findings.filter((f) => f.systems[0] === 'scribe');
    // Without the system called "OpenAI, L.L.C." the scribe's OpenAI would be an unmodelled sub-processor.
    expect(judged({ ...sub, systems: sub.systems.filter((x) => x.id !== 'openai-llc') })).toHaveLength(1);
    expect(judged(sub)).toEqual(judged(g));
  });

  it('does not widen rules that read no names, nor for a change that renames nothing', () => {
    const before = graph([practice, ehr, scribe]);
    const added = graph([practice, ehr, system('openai-llc', 'OpenAI', { role: 'llm_provider' }), scribe]);
    expect([...anchorsAfter(before, added, RULE_READS['ai-training'])]).toEqual(['openai-llc']);
    const held = graph([practice, ehr, { ...scribe, holds: ['diagnosis'] }]);
    expect([...anchorsAfter(before, held)]).toEqual(['scribe']);
  });
});

describe('fleet grouping kept across a re-audit reads the groups of the systems findings name, not their names', () => {
  const HEADER = 'install_id,clinician,site,vendor,version,recording,can_disable,audio_retention_days,transcript_retention_days,training,consent_capture,subprocessors,storage_region';
  async function fleet(n: number, site: string, clinician: string): Promise<AnalyzedDocument> {
    // The second install changes: not the group's worst member (ties go to the smaller id), whose evidence the
    // grouped finding shows, so only its instance changes.
    const rows = ['i-0,Dr Zero,Fresno,Scribewell AI,1.0,always,false,365,30,allowed,none,OpenAI,US', `i-1,${clinician},${site},Scribewell AI,1.0,always,false,365,30,allowed,none,OpenAI,US`];
    const r = await analyzeDocument(Buffer.from([HEADER, ...rows].join('\n')), 'fleet.csv');
    // The same document uploaded again with new content: same id and file, another hash and analysis.
    return { ...r, id: 'fleet', file: 'fleet.csv', sha256: `sha-${n}`, receivedAt: new Date(Date.parse(AS_OF) - 1e6 + n * 1000).toISOString() };
  }
  const sitesOf = (s: ReturnType<typeof auditState>) => s.evaluation.findings.flatMap((f) => f.instances ?? []).filter((i) => i.system === 'install-i-1').map((i) => i.site);

  it('merges again the groups naming an install that moved to another site', async () => {
    const base: AuditInputs = { documents: [await fleet(1, 'Oakland', 'Dr One')], asOf: AS_OF, now: NOW };
    const first = auditState(base);
    expect(sitesOf(first).length).toBeGreaterThan(0);
    const next = reaudit(first, { ...base, documents: [await fleet(2, 'Modesto', 'Dr One')] });
    expect(sitesOf(auditState(next.inputs))).toEqual(sitesOf(first).map(() => 'Modesto'));
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });

  it('equals the full audit when only an install\'s name changed', async () => {
    const base: AuditInputs = { documents: [await fleet(1, 'Oakland', 'Dr One')], asOf: AS_OF, now: NOW };
    const next = reaudit(auditState(base), { ...base, documents: [await fleet(2, 'Oakland', 'Dr Renamed')] });
    expect(next.stats.mode).toBe('incremental');
    expect(next.evaluation.findings).toEqual(auditState(next.inputs).evaluation.findings);
  });
});
