import { PRACTICE_ID } from '@custody/domain';
import type { Graph } from '@custody/domain';
import { projectGraph, projectGraphWithReport } from './index.js';
import { wellKnownTransport } from './project-graph.js';
import { config, contract, factSet, manifest, STACK, vendors } from './testing/fixtures.js';
import type { ProjectionInput } from './types.js';

const ASOF = '2026-03-01T00:00:00Z';
const flow = (g: Graph, id: string) => {
  const f = g.flows.find((x) => x.id === id);
  if (!f) throw new Error(`no flow ${id} in ${g.flows.map((x) => x.id).join(', ')}`);
  return f;
};
const system = (g: Graph, id: string) => {
  const s = g.systems.find((x) => x.id === id);
  if (!s) throw new Error(`no system ${id} in ${g.systems.map((x) => x.id).join(', ')}`);
  return s;
};

describe('projectGraph: systems', () => {
  it('always has the practice node, named by the manifest or "Practice"', () => {
    const bare = projectGraph({ contracts: [], configs: [], asOf: ASOF });
    expect(bare.systems).toEqual([expect.objectContaining({ id: PRACTICE_ID, name: 'Practice', role: 'practice' })]);
    expect(bare.practice.lenses).toEqual(['default']);
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [], asOf: ASOF });
    expect(system(g, PRACTICE_ID).name).toBe('Harborview Counseling');
    expect(g.systems[0].id).toBe(PRACTICE_ID);
  });

  it('merges config systems into manifest ones by id, by host and by normalised name; the manifest wins', () => {
    const cfg = config('sha-cfg', 'mirth.xml', {
      systems: [
        { id: 'ehr', name: 'CarePath', role: 'other', holds: ['demographics'], evidence: [{ quote: 'ehr', line: 3 }] },
        { id: 'dest-1', name: 'carepath api', role: 'other', hosts: ['API.carepath.example'], evidence: [{ quote: 'host', line: 9 }] },
        { id: 'upheal-inc', name: 'Upheal, Inc.', role: 'other', settings: { recording: 'off', storage_region: 'EU' }, evidence: [{ quote: 'upheal', line: 12 }] },
      ],
      flows: [{ from: 'dest-1', to: 'upheal-inc', data: ['progress_notes'], transport: 'https', evidence: [{ quote: 'route', line: 20 }] }],
    });
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [cfg], asOf: ASOF });
    const ehr = system(g, 'ehr');
    expect(ehr).toMatchObject({ name: 'CarePath EHR', role: 'ehr' });
    expect(ehr.holds).toContain('demographics');
    expect(ehr.evidence.map((e) => [e.file, e.line])).toEqual([['mirth.xml', 3], ['mirth.xml', 9], ['custody.yaml', 3]]); // by document id
    const scribe = system(g, 'scribe');
    expect(scribe.settings).toMatchObject({ recording: 'always', storage_region: 'EU' });
    expect(scribe.evidence.some((e) => e.file === 'mirth.xml' && e.documentId === 'sha-cfg')).toBe(true);
    expect(g.systems.map((s) => s.id)).not.toContain('dest-1');
    expect(flow(g, 'ehr->scribe').evidence[0]).toMatchObject({ file: 'mirth.xml', line: 20 });
  });

  it('keeps fleet installs apart even when they share the vendor name, and lets a vendor BAA cover them all', () => {
    const fleet = config('sha-fleet', 'fleet.csv', {
      systems: ['a', 'b'].map((id) => ({ id: `install-${id}`, name: 'Scribewell AI', role: 'ai_notetaker' as const, group: { vendor: 'Scribewell AI', site: 'Main' }, settings: { recording: 'per_session' }, evidence: [{ quote: `row ${id}`, line: id === 'a' ? 2 : 3 }] })),
    });
    const baa = contract('sha-baa', 'scribewell-baa.md', 'Scribewell AI, Inc.', factSet({ baa_offered: 'yes' }));
    const g = projectGraph({ contracts: [baa], configs: [fleet], asOf: ASOF });
    expect(g.systems.map((s) => s.id)).toEqual([PRACTICE_ID, 'install-a', 'install-b']);
    for (const id of ['install-a', 'install-b']) {
      expect(system(g, id).contracts.map((c) => c.documentId)).toEqual(['sha-baa']);
      expect(flow(g, `practice->${id}`)).toMatchObject({ data: ['session_recording', 'session_transcript'], legalBasis: 'baa' });
    }
  });

  it('translates config ids and creates a placeholder for an undeclared endpoint, with a warning', () => {
    const cfg = config('sha-n8n', 'intake.json', {
      systems: [{ id: 'form', name: 'Intake form', role: 'other' }],
      flows: [{ from: 'form', to: 'openai', data: ['demographics', 'immigration_status'], transport: 'https', evidence: [{ quote: 'url', line: 7 }] }],
    });
    const report = projectGraphWithReport({ contracts: [], configs: [cfg], asOf: ASOF, resolveVendor: vendors });
    expect(system(report.graph, 'openai')).toMatchObject({ name: 'OpenAI', role: 'llm_provider' });
    expect(report.warnings).toEqual(['intake.json: flow endpoint "openai" is not declared; added system "openai" (llm_provider)']);
  });
});

describe('projectGraph: flows', () => {
  it('merges the same channel seen in two documents and numbers duplicates within one', () => {
    const cfg = config('sha-cfg', 'sftp.json', {
      flows: [
        { from: 'ehr', to: 'clearinghouse', data: ['insurance_ids'], transport: 'sftp', endpoint: 'sftp://claims.example/in', evidence: [{ quote: 'a', line: 1 }] },
        { from: 'ehr', to: 'clearinghouse', data: ['progress_notes'], transport: 'ftp', evidence: [{ quote: 'b', line: 2 }] },
      ],
    });
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [cfg], asOf: ASOF });
    const pair = g.flows.filter((f) => f.from === 'ehr' && f.to === 'clearinghouse');
    expect(pair.map((f) => [f.id, f.transport, f.data])).toEqual([
      ['ehr->clearinghouse', 'ftp', ['progress_notes']],
      ['ehr->clearinghouse#2', 'sftp', ['diagnosis', 'claims', 'insurance_ids']],
    ]);
    expect(pair[1]).toMatchObject({ endpoint: 'sftp://claims.example/in', purpose: 'payment' });
    expect(pair[1].evidence.map((e) => e.file)).toEqual(['sftp.json', 'custody.yaml']); // sha-cfg < sha-manifest
  });

  it('implies practice → notetaker from recording settings, citing the settings line, unless one is declared', () => {
    const g = projectGraph({ manifest: manifest(STACK), contracts: [], configs: [], asOf: ASOF });
    expect(flow(g, 'practice->scribe')).toMatchObject({ data: ['session_recording', 'session_transcript'], transport: 'unknown' });
    expect(flow(g, 'practice->scribe').evidence).toEqual([expect.objectContaining({ line: 7, path: 'systems[1].settings', documentId: 'sha-manifest' })]);
    const declared = STACK.replace('flows:\n', 'flows:\n  - { from: practice, to: scribe, data: [session_recording], transport: https }\n');
    const g2 = projectGraph({ manifest: manifest(declared), contracts: [], configs: [], asOf: ASOF });
    expect(g2.flows.filter((f) => f.to === 'scribe').map((f) => [f.id, f.data, f.transport])).toEqual([['practice->scribe', ['session_recording'], 'https']]);
    const off = STACK.replace('recording: always', 'recording: off');
    expect(projectGraph({ manifest: manifest(off), contracts: [], configs: [], asOf: ASOF }).flows.some((f) => f.to === 'scribe')).toBe(false);
  });

  it('expands settings and contract sub-processors into systems and sensitive-data edges, transitively', () => {
    const baa = contract('sha-baa', 'Upheal-BAA.pdf', undefined, factSet({ baa_offered: 'yes', subprocessors_named: ['Amazon Web Services, Inc.'] }));
    const openaiDpa = contract('sha-oai', 'openai-dpa.pdf', 'OpenAI, L.L.C.', factSet({ subprocessors_named: ['Microsoft Azure'] }));
    const g = projectGraph({ manifest: manifest(STACK), contracts: [baa, openaiDpa], configs: [], asOf: ASOF, resolveVendor: vendors });
    expect(system(g, 'openai')).toMatchObject({ role: 'llm_provider', name: 'OpenAI' });
    expect(system(g, 'deepgram').role).toBe('other');
    expect(system(g, 'amazon-web-services-inc').role).toBe('other');
    for (const to of ['openai', 'deepgram', 'amazon-web-services-inc']) {
      expect(flow(g, `scribe->${to}`).data).toEqual(['session_recording', 'session_transcript']);
    }
    expect(flow(g, 'scribe->amazon-web-services-inc').evidence).toEqual([expect.objectContaining({ quote: 'clause on subprocessors_named', documentId: 'sha-baa' })]);
    expect(flow(g, 'scribe->openai').evidence[0]).toMatchObject({ path: 'systems[1].settings' });
    // OpenAI's own DPA attaches to the sub-processor node and extends the chain one more hop.
    expect(system(g, 'openai').contracts.map((c) => c.documentId)).toEqual(['sha-oai']);
    expect(flow(g, 'openai->microsoft-azure').data).toEqual(['session_recording', 'session_transcript']);
  });

  it('reads again a system that gets a contract in a later round: a fleet install bound with the sub-processor its DPA is linked to', () => {
    // Round 1 reads the install (no contract yet) and makes Hop One, named by the scribe. The DPA linked to
    // hop-one attaches in round 2, to it and to its fleet installs: the install must be read again then, and
    // the hops chain on, each DPA attaching one round after the node it speaks for appears.
    const dpa = (id: string, vendor: string | undefined, next: string) => contract(id, `${id}.md`, vendor, factSet({ subprocessors_named: [next] }));
    const { graph: g, unattached } = projectGraphWithReport({
      contracts: [dpa('sha-1', undefined, 'Hop Two'), dpa('sha-2', 'Hop Two', 'Hop Three'), dpa('sha-3', 'Hop Three', 'Hop Four')],
      links: { 'sha-1': 'hop-one' },
      configs: [config('sha-cfg', 'export.json', {
        systems: [
          { id: 'scribe', name: 'Scribe', role: 'ai_notetaker', settings: { subprocessors: ['Hop One'] }, evidence: [{ quote: 'scribe', line: 1 }] },
          { id: 'install-1', name: 'Hop One', role: 'ai_notetaker', group: { vendor: 'Hop One', site: 'A' }, evidence: [{ quote: 'install', line: 2 }] },
        ],
        flows: [
          { from: 'practice', to: 'scribe', data: ['progress_notes'], transport: 'https', evidence: [{ quote: 'to scribe', line: 3 }] },
          { from: 'practice', to: 'install-1', data: ['diagnosis'], transport: 'https', evidence: [{ quote: 'to install', line: 4 }] },
        ],
      })],
      asOf: ASOF,
    });
    expect(unattached).toEqual([]);
    expect(system(g, 'install-1').contracts.map((c) => c.documentId)).toEqual(['sha-1']);
    expect(flow(g, 'install-1->hop-two').data).toEqual(['diagnosis']);
    for (const id of ['scribe->hop-one', 'hop-one->hop-two']) expect(flow(g, id).data).toEqual(['progress_notes']);
    for (const id of ['hop-two->hop-three', 'hop-three->hop-four']) expect(flow(g, id).data).toEqual(['progress_notes', 'diagnosis']);
  });

  it('carries only sensitive held categories to sub-processors, falling back to all held when none are sensitive', () => {
    const text = `practice: { name: P }
systems:
  - { id: sms, name: Remindly, role: communications, holds: [contact, scheduling], settings: { subprocessors: [Twilio] } }
  - { id: ehr, name: E, role: ehr, holds: [contact, demographics, claims, diagnosis], settings: { subprocessors: [Hosting Co] } }
`;
    const g = projectGraph({ manifest: manifest(text), contracts: [], configs: [], asOf: ASOF });
    expect(flow(g, 'sms->twilio').data).toEqual(['contact', 'scheduling']);
    expect(flow(g, 'ehr->hosting-co').data).toEqual(['diagnosis', 'claims']);
  });
});

describe('projectGraph: contracts', () => {
  it('attaches by manifest documents (basename), else by vendor or party name, and reports the rest', () => {
    const input: ProjectionInput = {
      manifest: manifest(STACK),
      contracts: [
        contract('sha-1', 'uploads/UPHEAL-BAA.PDF', 'Someone Else', factSet({ baa_offered: 'yes' })),
        contract('sha-2', 'claimbridge-dpa.md', undefined, factSet(), { parties: [{ name: 'Harborview Counseling', role: 'covered_entity' }, { name: 'ClaimBridge LLC', role: 'business_associate' }] }),
        contract('sha-3', 'carepath.md', 'CarePath EHR, Inc.', factSet()),
        contract('sha-4', 'mystery.pdf', 'Nobody Corp', factSet()),
      ],
      configs: [],
      asOf: ASOF,
    };
    const report = projectGraphWithReport(input);
    expect(system(report.graph, 'scribe').contracts.map((c) => c.documentId)).toEqual(['sha-1']);
    expect(system(report.graph, 'clearinghouse').contracts.map((c) => c.documentId)).toEqual(['sha-2']);
    expect(system(report.graph, 'ehr').contracts.map((c) => c.documentId)).toEqual(['sha-3']);
    expect(system(report.graph, PRACTICE_ID).contracts).toEqual([]);
    expect(report.unattached).toEqual(['sha-4']);
    expect(report.warnings).toContain('mystery.pdf: not attached to any system (names: Nobody Corp)');
  });

  it('warns when the manifest lists a document that was never ingested', () => {
    const report = projectGraphWithReport({ manifest: manifest(STACK), contracts: [], configs: [], asOf: ASOF });
    expect(report.warnings).toContain('custody.yaml:19: docs/upheal-baa.pdf is listed for scribe but was not ingested as a contract');
  });

  it('applies corrections before deciding the legal basis, ignoring invalid ones', () => {
    const baa = contract('sha-ch', 'claimbridge.md', 'ClaimBridge', factSet({ baa_offered: 'no' }));
    const at = (n: number) => `2026-01-0${n}T00:00:00Z`;
    const report = projectGraphWithReport({
      manifest: manifest(STACK),
      contracts: [baa],
      configs: [],
      asOf: ASOF,
      corrections: {
        'sha-ch': [
          { fact: 'baa_offered', value: 'yes', by: 'dana', reason: 'signed addendum', at: at(2) },
          { fact: 'baa_offered', value: 'no', by: 'lee', reason: 'older note', at: at(1) },
          { fact: 'breach_notice_days', value: -5, by: 'lee', reason: 'typo', at: at(3) },
        ],
      },
    });
    const facts = system(report.graph, 'clearinghouse').contracts[0].facts;
    expect(facts.baa_offered).toMatchObject({ value: 'yes', confidence: 1, extractor: 'human:dana' });
    expect(facts.breach_notice_days.value).toBeNull();
    expect(flow(report.graph, 'ehr->clearinghouse').legalBasis).toBe('baa');
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^claimbridge\.md: correction of breach_notice_days by lee .* ignored/)]));
  });

  it('a held-back sub-processor name a person accepts becomes a system and a flow with its quote; the names not decided stay for review', () => {
    const facts = factSet({ baa_offered: 'yes', subprocessors_named: ['Amazon Web Services, Inc.'] });
    const quote = (q: string, start: number) => ({ quote: q, start, end: start + q.length });
    // As calibrateNames leaves them: kept names asserted, the others one candidate with a quote per name.
    facts.subprocessors_named.review = [
      { value: ['Acme Transcribe', 'Twilio', 'Zendesk'], evidence: [quote('Acme Transcribe processes audio.', 400), quote('SMS through Twilio.', 500), quote('Support via Zendesk.', 600)], reason: 'below the threshold 0.5' },
    ];
    const at = (n: number) => `2026-01-0${n}T00:00:00Z`;
    const input = (corrections: ProjectionInput['corrections']) => projectGraphWithReport({
      manifest: manifest(STACK), contracts: [contract('sha-baa', 'Upheal-BAA.pdf', undefined, facts)], configs: [], asOf: ASOF, resolveVendor: vendors, corrections,
    }).graph;
    const before = input({});
    expect(before.systems.some((s) => s.id === 'acme-transcribe')).toBe(false);
    const g = input({ 'sha-baa': [
      { fact: 'subprocessors_named', value: ['Amazon Web Services, Inc.', 'Acme Transcribe'], candidate: ['Acme Transcribe'], by: 'dana', reason: 'accepted', at: at(1) },
      { fact: 'subprocessors_named', value: ['Amazon Web Services, Inc.', 'Acme Transcribe'], candidate: ['Twilio'], by: 'dana', reason: 'rejected', at: at(2) },
    ] });
    expect(flow(g, 'scribe->acme-transcribe').data).toEqual(['session_recording', 'session_transcript']);
    expect(flow(g, 'scribe->acme-transcribe').evidence.map((e) => e.quote)).toContain('Acme Transcribe processes audio.');
    expect(g.systems.some((s) => s.id === 'twilio')).toBe(false);
    const fact = system(g, 'scribe').contracts[0].facts.subprocessors_named;
    expect(fact).toMatchObject({ value: ['Amazon Web Services, Inc.', 'Acme Transcribe'], extractor: 'human:dana', machine: { value: ['Amazon Web Services, Inc.'] } });
    // Zendesk was not decided: it still waits, with its own quote.
    expect(fact.review).toEqual([{ value: ['Zendesk'], evidence: [expect.objectContaining({ quote: 'Support via Zendesk.' })], reason: 'below the threshold 0.5' }]);
  });
});

describe('projectGraph: configs belong to their system, coverage follows the contract chain', () => {
  const STACK2 = `practice: { name: P }
systems:
  - { id: ehr, name: Tidewater EHR, role: ehr, holds: [progress_notes, claims] }
  - { id: clearinghouse, name: Clearpath, role: clearinghouse, hosts: [sftp.clearpath.example] }
flows:
  - { from: ehr, to: clearinghouse, data: [claims], transport: sftp }
documents:
  - { file: configs/claims-export.yaml, system: ehr }
  - { file: docs/ehr-baa.md, system: ehr }
`;
  const cfg = config('sha-cfg', 'claims-export.yaml', {
    systems: [
      { id: 'app-configured-application', name: 'Configured application', role: 'other', evidence: [{ quote: '#', line: 1 }] },
      { id: 'sftp-clearpath-example-22', name: 'destination.port (sftp.clearpath.example:22)', role: 'other', hosts: ['sftp.clearpath.example:22'], evidence: [{ quote: 'host', line: 6 }] },
    ],
    flows: [{ from: 'app-configured-application', to: 'sftp-clearpath-example-22', data: ['demographics'], transport: 'tcp', endpoint: 'sftp.clearpath.example:22', evidence: [{ quote: 'port: 22', line: 7 }] }],
  });

  it('reads a config listed under a system as that system\'s flows, matched to the declared destination by host', () => {
    const g = projectGraph({ manifest: manifest(STACK2), contracts: [], configs: [cfg], asOf: ASOF });
    expect(g.systems.map((s) => s.id)).toEqual([PRACTICE_ID, 'clearinghouse', 'ehr']);
    const f = flow(g, 'ehr->clearinghouse');
    expect(f.transport).toBe('sftp');
    expect(f.data).toEqual(expect.arrayContaining(['claims', 'demographics']));
    expect(f.evidence.map((e) => e.line)).toEqual(expect.arrayContaining([7]));
  });

  it('binds a sub-processor named in a vendor BAA with flow-down to that BAA (marked via), never the other way', () => {
    const baa = contract('sha-baa', 'ehr-baa.md', 'Tidewater EHR', factSet({
      baa_offered: 'yes', subcontractor_flowdown: 'yes', subprocessors_named: ['Amazon Web Services, Inc.'], law_enforcement_disclosure: 'judicial_process_only',
    }));
    const weak = contract('sha-weak', 'ch-baa.md', 'Clearpath', factSet({ baa_offered: 'yes', subcontractor_flowdown: 'no', subprocessors_named: ['Northlake Hosting'] }));
    const g = projectGraph({ manifest: manifest(STACK2.replace('  - { file: docs/ehr-baa.md, system: ehr }\n', '')), contracts: [baa, weak], configs: [], asOf: ASOF });
    const aws = system(g, 'amazon-web-services-inc');
    expect(aws.contracts).toEqual([expect.objectContaining({ documentId: 'sha-baa', via: { system: 'ehr', relation: 'flowdown' } })]);
    expect(system(g, 'ehr').contracts.map((c) => c.via)).toEqual([undefined]);
    // No flow-down, no binding: the clearinghouse's hosting company has no terms on file.
    expect(system(g, 'northlake-hosting').contracts).toEqual([]);
  });

  it('implies no practice -> notetaker flow when another system already sends it the session (a platform\'s assistant)', () => {
    const text = `practice: { name: P }
systems:
  - { id: platform, name: Thriveline, role: therapy_platform }
  - { id: assist, name: Thriveline Assist, role: ai_notetaker, settings: { recording: always } }
flows:
  - { from: practice, to: platform, data: [session_recording] }
  - { from: platform, to: assist, data: [session_recording, session_transcript] }
`;
    const g = projectGraph({ manifest: manifest(text), contracts: [], configs: [], asOf: ASOF });
    expect(g.flows.map((f) => f.id).sort()).toEqual(['platform->assist', 'practice->platform']);
  });

  it('knows ports that only speak an encrypted protocol', () => {
    expect(wellKnownTransport('tcp', 'sftp.x.example:22')).toBe('sftp');
    expect(wellKnownTransport('tcp', 'api.x.example:443/v1')).toBe('https');
    expect(wellKnownTransport('tcp', 'db.x.example:5432')).toBe('tcp');
    expect(wellKnownTransport('http', 'x.example:22')).toBe('http');
  });
});
