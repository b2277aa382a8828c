import { auditFolder } from './testing/audit-folder.js';

/**
 * In a workspace with systems of its own, a contract whose vendor is named only where the party-of-record reader looks
 * (libs/extraction party-of-record.ts: the definitions, the signature block, a policy's opening) is linked by that name
 * to the system it covers, as a name before an alias is; a template's blank, a covered entity's definition or a name
 * no system has links nothing. Agreements written for the project.
 */
const MANIFEST = `practice: { name: Linden Family Therapy, jurisdiction: US-CA }
systems:
  - { id: ehr, name: Chart EHR, role: ehr }
  - { id: dictation, name: Quillfeather Health, role: ai_notetaker }
flows:
  - { from: practice, to: ehr, data: [progress_notes], transport: https }
  - { from: practice, to: dictation, data: [session_recording], transport: https }
`;
const BODY = 'The business associate shall not use or disclose protected health information other than as permitted by this Addendum. ' +
  'The business associate shall report to the covered entity any breach of unsecured protected health information within ten (10) days of discovery. ' +
  'The business associate shall ensure that any subcontractors that create, receive, maintain, or transmit protected health information on its behalf agree to the same restrictions and conditions.';
const signed = (vendor: string) => `Business Associate Addendum\n\n${BODY}\n\nIN WITNESS WHEREOF, the parties have signed this Addendum.\n\nCOVERED ENTITY: ________\nBy: ________\n\nBUSINESS ASSOCIATE:\n${vendor}\nBy: ________\nName: ________\n`;
const defined = (vendor: string) => `Business Associate Addendum\n\n# Definitions\n\n(a) "Business Associate" shall generally have the meaning given at 45 CFR 160.103, and in reference to the party to this Addendum, shall mean ${vendor}.\n\n${BODY}\n`;
const NOW = new Date('2026-06-01T00:00:00Z');

const auditOf = (files: Record<string, string>) => auditFolder(files, NOW);

describe('a contract named only by its party of record, in a workspace with systems', () => {
  it('is linked by that name to the system it covers: its flow is under the BAA, and missing-baa no longer fires there', async () => {
    const alone = await auditOf({ 'custody.yaml': MANIFEST });
    expect(alone.findings.filter((f) => f.kind === 'missing_baa').map((f) => f.systems[0]).sort()).toEqual(['dictation', 'ehr']);
    for (const text of [signed('Quillfeather Health, LLC'), defined('Quillfeather Health, LLC')]) {
      const r = await auditOf({ 'custody.yaml': MANIFEST, 'dictation-baa.md': text });
      expect(r.documents.find((d) => d.file === 'dictation-baa.md')!.system).toBe('dictation');
      expect(r.flows.find((f) => f.to === 'dictation')!.legalBasis).toBe('baa');
      expect(r.findings.filter((f) => f.kind === 'missing_baa').map((f) => f.systems[0])).toEqual(['ehr']);
      // Linked, not assessed: the workspace's own systems stay what they are.
      expect(r.systems.some((s) => s.assessed)).toBe(false);
    }
  });

  it('links nothing from a template\'s blank, a name no system has, or a definition naming the practice', async () => {
    const alone = await auditOf({ 'custody.yaml': MANIFEST });
    const blank = defined('[Insert Name of Business Associate]');
    const stranger = signed('Ferrowick Transcription, LLC');
    const practice = `Business Associate Agreement\n\nIn this Agreement, "Provider" means Linden Family Therapy, PLLC. Business Associate shall report any Breach of Unsecured PHI to Provider within ten (10) days.\n`;
    for (const text of [blank, stranger, practice]) {
      const r = await auditOf({ 'custody.yaml': MANIFEST, 'other-baa.md': text });
      expect(r.documents.find((d) => d.file === 'other-baa.md')!.system).toBeUndefined();
      expect(r.systems).toEqual(alone.systems);
      expect(r.findings).toEqual(alone.findings);
    }
  });
});
