import { PRACTICE_ID } from '@custody/domain';
import { projectGraphIncremental, projectGraphWithReport } from './index.js';
import { config, contract, factSet, manifest, STACK } from './testing/fixtures.js';
import type { VendorResolver } from './types.js';

const ASOF = '2026-03-01T00:00:00Z';
const catalogue: VendorResolver = (q) => ({ 'lattice billing': { name: 'Lattice Billing', role: 'billing_service' as const } })[q.toLowerCase()];

describe('vendor assessment: contracts alone, no system besides the practice', () => {
  it('makes the vendor of a BAA an assessed system receiving contact details and demographics under the BAA', () => {
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes', ai_training_on_customer_data: 'opt_out' }));
    const { graph, unattached } = projectGraphWithReport({ contracts: [baa], configs: [], asOf: ASOF });
    expect(unattached).toEqual([]);
    const vendor = graph.systems.find((s) => s.id !== PRACTICE_ID)!;
    expect(vendor).toMatchObject({ id: 'marlow-notes-inc', name: 'Marlow Notes, Inc.', role: 'other', assessed: true });
    expect(vendor.contracts.map((c) => c.documentId)).toEqual(['sha-baa']);
    expect(graph.flows).toEqual([expect.objectContaining({ from: PRACTICE_ID, to: 'marlow-notes-inc', data: ['demographics', 'contact'], legalBasis: 'baa', assessed: true })]);
    // The flow cites the clause that makes the vendor a business associate.
    expect(graph.flows[0]!.evidence.map((e) => e.quote)).toEqual(['clause on baa_offered']);
  });

  it('adds session recordings when the contract says how long it keeps them, and what a catalogued role needs', () => {
    const notes = contract('sha-n', 'n.md', 'Marlow Notes, Inc.', factSet({ audio_or_recording_retention_days: 30 }), { kind: 'terms' });
    const billing = contract('sha-b', 'b.md', 'Lattice Billing', factSet({}), { kind: 'privacy_policy' });
    const { graph } = projectGraphWithReport({ contracts: [notes, billing], configs: [], asOf: ASOF, resolveVendor: catalogue });
    const into = (id: string) => graph.flows.find((f) => f.to === id)!;
    expect(into('marlow-notes-inc')).toMatchObject({ data: ['session_recording', 'demographics', 'contact'], legalBasis: 'none_known' });
    expect(into('marlow-notes-inc').evidence.map((e) => e.quote)).toEqual(['clause on audio_or_recording_retention_days']);
    expect(graph.systems.find((s) => s.id === 'lattice-billing')).toMatchObject({ role: 'billing_service', assessed: true });
    expect(into('lattice-billing').data).toEqual(['diagnosis', 'claims', 'insurance_ids', 'demographics', 'contact']);
  });

  it('two documents of one vendor make one system with both contracts and one flow', () => {
    const a = contract('sha-a', 'a.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const b = contract('sha-b', 'b.md', 'Marlow Notes Inc', factSet({}), { kind: 'privacy_policy' });
    const { graph } = projectGraphWithReport({ contracts: [a, b], configs: [], asOf: ASOF });
    expect(graph.systems.filter((s) => s.assessed).map((s) => [s.id, s.contracts.length])).toEqual([['marlow-notes-inc', 2]]);
    expect(graph.flows.map((f) => f.id)).toEqual(['practice->marlow-notes-inc']);
  });

  it('assesses a contract whose text names no vendor under its file\'s name; leaves a linked one unattached (no guess)', () => {
    const anon = contract('sha-anon', 'docs/anon-policy.md', undefined, factSet({ ai_training_on_customer_data: 'allowed' }), { kind: 'privacy_policy' });
    const linked = contract('sha-l', 'l.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const r = projectGraphWithReport({ contracts: [anon, linked], configs: [], asOf: ASOF, links: { 'sha-l': 'gone' } });
    expect(r.unattached).toEqual(['sha-l']);
    expect(r.graph.systems.map((s) => [s.id, s.name, s.contracts.map((c) => c.documentId)])).toEqual([
      [PRACTICE_ID, 'Practice', []], ['unnamed-vendor-no-name-found-in-anon-policy-md', 'Unnamed vendor (no name found in anon-policy.md)', ['sha-anon']],
    ]);
    expect(r.graph.flows.map((f) => [f.id, f.assessed])).toEqual([['practice->unnamed-vendor-no-name-found-in-anon-policy-md', true]]);
    // Scored as a vendor's terms (no blank: not a template), marked as named after its file.
    expect(r.graph.systems.find((s) => s.assessed)).toMatchObject({ unnamed: true });
    expect(r.graph.systems.some((s) => s.template)).toBe(false);
  });

  it('names a catalogued vendor as the catalogue does; leaves a payer\'s or government body\'s terms unattached', () => {
    const resolve: VendorResolver = (q) => ({
      'zephyr video communications, inc.': { name: 'Zephyr', role: 'telehealth' as const },
      'bluecrest health plan': { name: 'Bluecrest Health Plan', role: 'payer' as const },
    })[q.toLowerCase()];
    const video = contract('sha-v', 'v.md', 'Zephyr Video Communications, Inc.', factSet({}), { kind: 'privacy_policy' });
    const payer = contract('sha-p', 'p.md', 'Bluecrest Health Plan', factSet({ data_sale_or_marketing: 'allowed' }), { kind: 'privacy_policy' });
    const r = projectGraphWithReport({ contracts: [video, payer], configs: [], asOf: ASOF, resolveVendor: resolve });
    expect(r.graph.systems.map((s) => [s.id, s.name, s.role])).toEqual([[PRACTICE_ID, 'Practice', 'practice'], ['zephyr', 'Zephyr', 'telehealth']]);
    expect(r.graph.flows[0]!.data).toEqual(['demographics', 'contact', 'scheduling']);
    expect(r.unattached).toEqual(['sha-p']);
  });

  it('leaves an uncatalogued payer\'s or public body\'s terms unattached, told by its name; a company serving insurers is a vendor', () => {
    const policy = (id: string, vendor: string) => contract(id, `${id}.md`, vendor, factSet({ data_sale_or_marketing: 'allowed' }), { kind: 'privacy_policy' });
    const r = projectGraphWithReport({
      contracts: [
        policy('sha-plan', 'Northfield Health Plan, Inc.'), policy('sha-mutual', 'Lakeshore Mutual Insurance Company'), policy('sha-bcbs', 'Blue Cross Blue Shield of Ames'),
        policy('sha-dept', 'California Department of Health Care Services'), policy('sha-hhs', 'U.S. Department of Health and Human Services'), policy('sha-county', 'County of Ames'),
        policy('sha-billing', 'Insurance Billing Pros LLC'), policy('sha-board', 'Boardwalk Scheduling, Inc.'),
        // Named for what they do for payers and public programs: vendors that would hold the practice's PHI.
        policy('sha-medicare', 'Medicare Billing Solutions, LLC'), policy('sha-hmo', 'HMO Connect LLC'),
      ],
      configs: [], asOf: ASOF,
    });
    expect(r.unattached.sort()).toEqual(['sha-bcbs', 'sha-county', 'sha-dept', 'sha-hhs', 'sha-mutual', 'sha-plan']);
    expect(r.graph.systems.filter((s) => s.assessed).map((s) => s.name).sort()).toEqual(['Boardwalk Scheduling, Inc.', 'HMO Connect LLC', 'Insurance Billing Pros LLC', 'Medicare Billing Solutions, LLC']);
  });

  it('a template whose party is a blank ("[Insert Name of Business Associate]") is assessed under a name that says so', () => {
    const template = contract('sha-t', 'forms/sample-baa.md', undefined, factSet({ baa_offered: 'yes' }), { parties: [{ name: '[Insert Name of Business Associate]', role: 'business_associate' }] });
    const { graph } = projectGraphWithReport({ contracts: [template], configs: [], asOf: ASOF });
    expect(graph.systems.filter((s) => s.assessed).map((s) => s.name)).toEqual(['Business Associate (name left blank in sample-baa.md)']);
  });

  it('leaves a notice of privacy practices unattached: a covered entity\'s notice to its own clients, not a vendor\'s terms', () => {
    // No manifest names the practice, so the notice's own party (the practice) is no known name: its title tells.
    const titles = ['Notice of Privacy Practices', 'Joint Notice of Health Information Privacy Practices', 'THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED'];
    const notices = titles.map((title, i) => contract(`sha-npp${i}`, `npp${i}.md`, 'Birchwood Family Therapy, PLLC', factSet({ data_sale_or_marketing: 'allowed' }), { kind: 'privacy_policy', title }));
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }), { title: 'Business Associate Agreement' });
    const policy = contract('sha-pol', 'pol.md', 'Marlow Notes, Inc.', factSet({}), { kind: 'privacy_policy', title: 'Privacy Notice' });
    const r = projectGraphWithReport({ contracts: [...notices, baa, policy], configs: [], asOf: ASOF });
    expect(r.unattached).toEqual(['sha-npp0', 'sha-npp1', 'sha-npp2']);
    expect(r.graph.systems.map((s) => [s.id, s.contracts.map((c) => c.documentId).sort()])).toEqual([[PRACTICE_ID, []], ['marlow-notes-inc', ['sha-baa', 'sha-pol']]]);
  });

  it('a manifest that declares only the practice still assesses (it gives lenses, not systems)', () => {
    const m = manifest('practice: { name: Solo Practice, lenses: [immigrant-clients] }\n');
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const { graph } = projectGraphWithReport({ manifest: m, contracts: [baa], configs: [], asOf: ASOF });
    expect(graph.systems.map((s) => [s.id, s.assessed ?? false])).toEqual([[PRACTICE_ID, false], ['marlow-notes-inc', true]]);
  });
});

describe('vendor assessment: a workspace with systems of its own is unchanged', () => {
  it('a manifest system: the unmatched contract stays unattached, nothing is assessed', () => {
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const r = projectGraphWithReport({ manifest: manifest(STACK), contracts: [baa], configs: [], asOf: ASOF });
    expect(r.unattached).toEqual(['sha-baa']);
    expect(r.graph.systems.some((s) => s.assessed) || r.graph.flows.some((f) => f.assessed)).toBe(false);
    expect(r.graph.systems.map((s) => s.id)).not.toContain('marlow-notes-inc');
  });

  it('a config system: the same', () => {
    const cfg = config('sha-cfg', 'flow.json', {
      systems: [{ id: 'sms', name: 'Textwave', role: 'communications', evidence: [{ quote: 'sms', line: 2 }] }],
      flows: [{ from: PRACTICE_ID, to: 'sms', data: ['contact'], transport: 'https', evidence: [{ quote: 'route', line: 4 }] }],
    });
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const r = projectGraphWithReport({ contracts: [baa], configs: [cfg], asOf: ASOF });
    expect(r.unattached).toEqual(['sha-baa']);
    expect(r.graph.systems.map((s) => s.id)).toEqual([PRACTICE_ID, 'sms']);
  });

  it('a config arriving after an assessment ends it: the incremental projection equals the full one', () => {
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const first = projectGraphIncremental({ contracts: [baa], configs: [], asOf: ASOF });
    expect(first.graph.systems.some((s) => s.assessed)).toBe(true);
    const cfg = config('sha-cfg', 'flow.json', {
      systems: [{ id: 'sms', name: 'Textwave', role: 'communications', evidence: [{ quote: 'sms', line: 2 }] }],
      flows: [{ from: PRACTICE_ID, to: 'sms', data: ['contact'], transport: 'https', evidence: [{ quote: 'route', line: 4 }] }],
    });
    const input = { contracts: [baa], configs: [cfg], asOf: ASOF };
    const next = projectGraphIncremental(input, first.memo);
    const full = projectGraphWithReport(input);
    expect(JSON.stringify(next.graph)).toBe(JSON.stringify(full.graph));
    expect(next.unattached).toEqual(['sha-baa']);
    expect(next.graph.systems.some((s) => s.assessed)).toBe(false);
  });

  it('a setting change after an assessment gives the full projection too', () => {
    const baa = contract('sha-baa', 'marlow-baa.md', 'Marlow Notes, Inc.', factSet({ baa_offered: 'yes' }));
    const first = projectGraphIncremental({ contracts: [baa], configs: [], asOf: ASOF });
    const change = { documentId: 'sha-chg', file: 'chg.json', at: '2026-02-01T00:00:00Z', system: 'marlow-notes-inc', settings: { training: 'allowed' }, evidence: [{ quote: '{"training":"allowed"}', line: 1 }] };
    const input = { contracts: [baa], configs: [], asOf: ASOF, settingChanges: [change] };
    const next = projectGraphIncremental(input, first.memo);
    expect(JSON.stringify(next.graph)).toBe(JSON.stringify(projectGraphWithReport(input).graph));
  });
});
