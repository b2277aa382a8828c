import { readFileSync } from 'node:fs';
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
});
