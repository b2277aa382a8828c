import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditFiles } from './audit-files.js';

/**
 * A practice owner drops a vendor's BAA in alone, before adopting it (product.md's first user): the vendor is
 * assessed from its terms (libs/graph assessed-vendors.ts). Both agreements are written for this spec.
 */
const RISKY_BAA = `# Ferrowick Transcription LLC — Business Associate Agreement

This Business Associate Agreement is entered into by Ferrowick Transcription LLC ("Business Associate") and the
clinic that signs up for the Ferrowick dictation service ("Covered Entity").

1. Use of data. Unless Covered Entity opts out by written notice, Business Associate may use Protected Health
Information to train and improve its speech and language models. Business Associate may de-identify Protected Health
Information and use the de-identified data for any purpose, including its own product development.

2. Legal requests. Business Associate may disclose Protected Health Information in response to any subpoena, warrant,
or other request from a government agency or law enforcement.

3. Ownership. All transcripts, notes and other output of the service are the exclusive property of Business Associate.

4. Breaches. Business Associate will report a Breach of Unsecured Protected Health Information to Covered Entity
within one hundred twenty (120) days after discovering it.

5. Retention. Audio recordings of sessions are kept for one hundred eighty (180) days and then deleted.
`;
const PROTECTIVE_BAA = `# Tidyform Health, Inc. — Business Associate Agreement

This Business Associate Agreement ("Agreement") is made between Tidyform Health, Inc. ("Business Associate") and the
covered entity that subscribes to the Tidyform intake service ("Covered Entity").

## 1. Permitted uses and disclosures

1.1 Business Associate will use and disclose Protected Health Information only to provide the intake service to
Covered Entity and as this Agreement permits.

1.2 Business Associate will not use Protected Health Information, or any data derived from it, to train, fine-tune or
improve machine learning or artificial intelligence models.

1.3 Business Associate will not de-identify Protected Health Information for its own use, and will not sell Protected
Health Information or use it for marketing.

## 2. Requests from government and law enforcement

2.1 Business Associate will disclose Protected Health Information to a government agency or law enforcement only when
compelled by an order signed by a judge, and will notify Covered Entity before any disclosure unless the order
forbids it. Business Associate will refer every other request to Covered Entity.

## 3. Ownership

3.1 As between the parties, Covered Entity owns all Protected Health Information and all records containing it.

## 4. Subcontractors

4.1 Business Associate will ensure that any subcontractor that creates, receives, maintains or transmits Protected
Health Information on its behalf agrees in writing to the same restrictions and conditions that apply to Business
Associate under this Agreement.

## 5. Security incidents and breaches

5.1 Business Associate will notify Covered Entity of any Breach of Unsecured Protected Health Information without
unreasonable delay and in no case later than ten (10) days after discovery.

## 6. Location

6.1 Business Associate will store and process Protected Health Information only within the United States.

## 7. Term and termination

7.1 Upon termination of this Agreement, Business Associate will return to Covered Entity or destroy all Protected
Health Information it maintains, and will retain no copies.
`;
const MANIFEST = `practice: { name: Solo Practice, jurisdiction: US-CA }
systems:
  - { id: ehr, name: Chart EHR, role: ehr }
flows:
  - { from: practice, to: ehr, data: [progress_notes], transport: https }
`;
const NOW = new Date('2026-06-01T00:00:00Z');

async function auditOf(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'custody-assess-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return await auditFiles([dir], { now: NOW });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    expect(withBaa.documents.find((d) => d.file === 'ferrowick-baa.md')!.system).toBeUndefined();
    expect(withBaa.systems).toEqual(alone.systems);
    expect(withBaa.findings).toEqual(alone.findings);
    expect(withBaa.score).toEqual(alone.score);
  });
});
