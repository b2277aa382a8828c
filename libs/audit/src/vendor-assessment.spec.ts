import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFolder } from './testing/audit-folder.js';

/**
 * A practice owner drops a vendor's BAA in alone, before adopting it (product.md's first user): the vendor is
 * assessed from its terms (libs/graph assessed-vendors.ts). Both agreements (test/fixtures/vendor-assessment) are written for the project.
 */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/vendor-assessment/', import.meta.url));
const RISKY_BAA = readFileSync(join(FIXTURES, 'ferrowick-baa.md'), 'utf8');
const PROTECTIVE_BAA = readFileSync(join(FIXTURES, 'tidyform-baa.md'), 'utf8');
const MANIFEST = `practice: { name: Solo Practice, jurisdiction: US-CA }
systems:
  - { id: ehr, name: Chart EHR, role: ehr }
flows:
  - { from: practice, to: ehr, data: [progress_notes], transport: https }
`;
const NOW = new Date('2026-06-01T00:00:00Z');

const auditOf = (files: Record<string, string>) => auditFolder(files, NOW);

describe('vendor assessment: a contract dropped in alone', () => {
  it('a risky BAA alone raises the findings its terms deserve, on the vendor, and scores above 0', async () => {
    const r = await auditOf({ 'ferrowick-baa.md': RISKY_BAA });
    expect(r.systems.filter((s) => s.assessed).map((s) => s.name)).toEqual(['Ferrowick Transcription LLC']);
    expect(r.flows.filter((f) => f.assessed).map((f) => [f.to, f.data, f.legalBasis])).toEqual([['ferrowick-transcription-llc', ['session_recording', 'demographics', 'contact'], 'baa']]);
    expect(r.documents.map((d) => d.system)).toEqual(['ferrowick-transcription-llc']);
    expect(r.findings.map((f) => f.kind).sort()).toEqual([
      'ai_training', 'deidentified_reuse', 'no_return_or_destroy', 'no_subcontractor_flowdown', 'recording_retention', 'slow_breach_notice',
      'vendor_owns_records', 'weak_law_enforcement_posture',
    ]);
    for (const f of r.findings) {
      expect(f.subject).toBe('system:ferrowick-transcription-llc');
      expect(f.citations.length).toBeGreaterThan(0);
    }
    // The clause itself is the evidence of the law-enforcement finding.
    expect(r.findings.find((f) => f.kind === 'weak_law_enforcement_posture')!.evidence.map((e) => e.quote).join(' ')).toMatch(/any subpoena, warrant/);
    expect(r.score.total).toBeGreaterThan(10);
    // The report says at its top that it is an assessment: a consumer need not scan the systems.
    expect(r.assessed).toBe(true);
  });

  it('a protective BAA alone comes out clean: no finding, score 0 (no false alarm)', async () => {
    const r = await auditOf({ 'tidyform-baa.md': PROTECTIVE_BAA });
    expect(r.systems.filter((s) => s.assessed).map((s) => s.name)).toEqual(['Tidyform Health, Inc.']);
    expect(r.findings).toEqual([]);
    expect(r.score.total).toBe(0);
  });

  it('a workspace with systems of its own is unchanged: the unmatched BAA stays unlinked and adds nothing', async () => {
    const alone = await auditOf({ 'custody.yaml': MANIFEST });
    const withBaa = await auditOf({ 'custody.yaml': MANIFEST, 'ferrowick-baa.md': RISKY_BAA });
    expect(withBaa.systems.some((s) => s.assessed) || withBaa.flows.some((f) => f.assessed)).toBe(false);
    expect('assessed' in withBaa).toBe(false);
    expect(withBaa.documents.find((d) => d.file === 'ferrowick-baa.md')!.system).toBeUndefined();
    expect(withBaa.systems).toEqual(alone.systems);
    expect(withBaa.findings).toEqual(alone.findings);
    expect(withBaa.score).toEqual(alone.score);
  });
  // A processor's terms with no BAA, naming its sub-processors (written for this spec).
  const DPA = `# Data Processing Agreement

This Data Processing Agreement is entered into between the customer (the "Controller") and Brightwell Messaging GmbH ("Brightwell", the "Processor").

1. Subject matter. Brightwell processes personal data of the Controller's users to provide its messaging service.

2. Subcontractors. The Processor shall ensure that each subcontractor fulfils the Processor's duties under this DPA. Brightwell uses the following sub-processors:

- Nimbus Hosting SARL (Luxembourg): server infrastructure
- Twilio Inc. (United States): text-message delivery

3. Deletion. Upon termination of this DPA, the Processor shall return to the Controller all personal data and delete copies.
`;

  it('an assessed vendor with no BAA: its one missing-BAA finding names the sub-processors its documents name, with their clause', async () => {
    const r = await auditOf({ 'brightwell-dpa.md': DPA });
    const missing = r.findings.filter((f) => f.kind === 'missing_baa');
    expect(missing.map((f) => f.subject)).toEqual(['system:brightwell-messaging-gmbh']);
    expect(r.findings.some((f) => f.kind === 'baa_chain_break')).toBe(false);
    // The names as the contract writes them (the extracted subprocessors_named), not the catalogue's ("Twilio").
    expect(missing[0]!.detail).toBe('Brightwell Messaging GmbH receives demographics and contact details but no BAA is on file for it and no flow into it is ' +
      'declared under one; its documents name the sub-processors it passes client information on to, which no BAA binds either: Nimbus Hosting SARL and Twilio Inc.');
    expect(missing[0]!.evidence.map((e) => e.quote).join(' ')).toMatch(/Nimbus Hosting SARL.*Twilio Inc\./s);
  });

  // A template whose party is a blank to fill in (written for this spec, in the form of HHS's sample provisions).
  const TEMPLATE = `# Business Associate Agreement

Definitions. "Business Associate" shall mean [Insert Name of Business Associate]. "Covered Entity" shall mean [Insert Name of Covered Entity].

1. Permitted uses. Business Associate shall not use or disclose protected health information other than as permitted by this Agreement.

2. Subcontractors. Business Associate shall ensure that any subcontractors that create, receive, maintain, or transmit protected health information on behalf of Business Associate agree to the same restrictions and conditions that apply to Business Associate.

3. Termination. Upon termination of this Agreement, Business Associate shall return or destroy all protected health information received from Covered Entity.
`;

  it('a template names no vendor: its system and the report say so (template: true), so no score reads as a clean bill', async () => {
    const r = await auditOf({ 'sample-baa.md': TEMPLATE });
    const vendor = r.systems.find((s) => s.assessed)!;
    expect(vendor.name).toBe('Business Associate (name left blank in sample-baa.md)');
    expect(vendor.template).toBe(true);
    expect(r.assessed).toBe(true);
    expect(r.template).toBe(true);
    // A named vendor's assessment is no template.
    const named = await auditOf({ 'tidyform-baa.md': PROTECTIVE_BAA });
    expect('template' in named).toBe(false);
    expect(named.systems.some((s) => 'template' in s)).toBe(false);
  });

  // A template whose blank is the party the opening makes the agreement with (no definition names it), with clauses
  // that raise findings on whoever signs it (written for this spec).
  const OPENING_TEMPLATE = `# Business Associate Agreement (Template)

This Business Associate Agreement is entered into between [Name of Covered Entity] ("Covered Entity") and [Insert Name of Business Associate] ("Business Associate").

1. Permitted uses. Business Associate may disclose protected health information as required by law.

2. De-identified data. Business Associate may de-identify protected health information and may use and disclose de-identified information for any purpose, including its own product development.

3. Subcontractors. Business Associate shall ensure that any subcontractors that create, receive, maintain or transmit protected health information on behalf of Business Associate agree to the same restrictions and conditions that apply to Business Associate.

4. Termination. Upon termination of this Agreement, Business Associate shall return or destroy all protected health information received from Covered Entity.
`;

  it('a template beside a named vendor\'s BAA is reviewed as a template: its findings marked, scored for no one; the vendor scored as alone', async () => {
    const alone = await auditOf({ 'ferrowick-baa.md': RISKY_BAA });
    const mixed = await auditOf({ 'ferrowick-baa.md': RISKY_BAA, 'baa-template.md': OPENING_TEMPLATE });
    const template = mixed.systems.find((s) => s.template)!;
    // The opening's blank is read as a blank: not a vendor called after the file.
    expect(template.name).toBe('Business Associate (name left blank in baa-template.md)');
    expect(mixed.systems.filter((s) => s.assessed && !s.template).map((s) => s.name)).toEqual(['Ferrowick Transcription LLC']);
    // Its clauses still raise what they allow whoever signs them, marked as its review and adding nothing.
    const review = mixed.findings.filter((f) => f.systems.includes(template.id));
    expect(review.map((f) => f.kind)).toContain('deidentified_reuse');
    for (const f of review) expect(f).toMatchObject({ template: true, contribution: 0 });
    expect(mixed.score.nodes[template.id] ?? 0).toBe(0);
    // The vendor's own findings and score are what its BAA alone gives.
    const own = (r: typeof mixed) => r.findings.filter((f) => !f.template).map((f) => [f.id, f.contribution]);
    expect(own(mixed)).toEqual(own(alone));
    expect(mixed.score.total).toBe(alone.score.total);
    // One named vendor among them: an assessment of that vendor, not a template review.
    expect('template' in mixed).toBe(false);
    expect(alone.findings.some((f) => 'template' in f)).toBe(false);
  });

  it('a template alone: its findings are its review and the score rates no one (0, shown as not applicable)', async () => {
    const r = await auditOf({ 'baa-template.md': OPENING_TEMPLATE });
    expect(r.template).toBe(true);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(f.template).toBe(true);
    expect(r.score.total).toBe(0);
  });

  // A policy that says "we" throughout: a vendor's own terms, with no blank to fill (written for this spec).
  const WE_POLICY = `# Privacy Policy

This policy explains how we handle information when clinics use our dictation service.

We may use the audio, transcripts and notes you submit, including health information, to train and improve our machine learning models.

We may disclose information we hold in response to any subpoena or other legal request.
`;

  it('terms that name no vendor and leave no blank are a vendor\'s: scored, under a name that says it is the file\'s', async () => {
    const r = await auditOf({ 'notes-policy.md': WE_POLICY });
    const vendor = r.systems.find((s) => s.assessed)!;
    expect(vendor).toMatchObject({ name: 'Unnamed vendor (no name found in notes-policy.md)', unnamed: true });
    expect(vendor.template).toBeUndefined();
    expect('template' in r).toBe(false);
    expect(r.findings.map((f) => f.kind)).toContain('ai_training');
    expect(r.score.total).toBeGreaterThan(0);
  });
  // test/fixtures/vendor-assessment/mixed: a template whose sub-contractor clause names Nimbus Hosting SARL, a named
  // vendor's BAA (Corvale, naming Kestrel Storage) and a named vendor's privacy policy (Brightwell, naming Kestrel and Twilio).
  const MIXED = join(FIXTURES, 'mixed');
  const MIXED_FILES = Object.fromEntries(readdirSync(MIXED).map((n) => [n, readFileSync(join(MIXED, n), 'utf8')]));

  it('a template, a real BAA and a real policy: the real vendors\' findings stay scored and open, as without the template; ' +
    'what stands on the template alone (it and the sub-processor only it names) is its review', async () => {
    const { 'template-baa.md': _template, ...real } = MIXED_FILES;
    const mixed = await auditOf(MIXED_FILES);
    const alone = await auditOf(real);
    const template = mixed.systems.find((s) => s.template)!;
    expect(template.name).toBe('Business Associate (name left blank in template-baa.md)');
    // The real vendors' own findings, from the BAA and from the policy: not one marked, each scored as without the template.
    const realIds = new Set(alone.systems.filter((s) => s.id !== 'practice').map((s) => s.id));
    expect([...realIds].sort()).toEqual(['brightwell-messaging-gmbh', 'corvale-notes-inc', 'kestrel-storage-ltd', 'twilio']);
    const onReal = mixed.findings.filter((f) => f.systems.some((id) => realIds.has(id)));
    expect(onReal.map((f) => `${f.kind}@${f.subject}`).sort()).toEqual(alone.findings.map((f) => `${f.kind}@${f.subject}`).sort());
    expect(new Set(onReal.flatMap((f) => f.evidence.map((e) => e.file)))).toEqual(new Set(['brightwell-privacy-policy.md', 'corvale-baa.md']));
    for (const f of onReal) {
      expect(f.template).toBeUndefined();
      expect(f.triage?.status ?? 'open').toBe('open');
      expect(f.contribution).toBeGreaterThan(0);
    }
    const own = (r: typeof mixed) => r.findings.filter((f) => !f.template).map((f) => [f.id, f.contribution]);
    expect(own(mixed)).toEqual(own(alone));
    expect(mixed.score.total).toBe(alone.score.total);
    // Nimbus is in the graph only because the template's clause names it, bound by nothing but the template's flow-down:
    // its findings read the template's terms, so they are the template's review, scored for no one.
    const nimbus = mixed.findings.filter((f) => f.systems.includes('nimbus-hosting-sarl'));
    expect(nimbus.map((f) => f.kind).sort()).toEqual(['deidentified_reuse', 'no_return_or_destroy', 'slow_breach_notice']);
    for (const f of [...nimbus, ...mixed.findings.filter((f) => f.systems.includes(template.id))]) expect(f).toMatchObject({ template: true, contribution: 0 });
    expect(mixed.score.nodes['nimbus-hosting-sarl'] ?? 0).toBe(0);
  });
});
