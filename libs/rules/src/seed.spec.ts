import { runAudit } from './runner.js';
import { whatIf } from './what-if.js';
import { testContext } from './testing/graph-builder.js';
import { seedGraph } from './testing/seed-graph.js';

/**
 * The seed stories as one practice (see testing/seed-graph.ts). What the product exists to show must show:
 * the notetaker that cannot be turned off, training by default, transcripts at an LLM provider beyond BAA
 * coverage, claims reaching a broker, an EHR that answers any legal request, the employer's progress notes.
 */
describe('seed stories', () => {
  const audit = (lens: 'immigrant-clients' | 'default' = 'immigrant-clients') => runAudit(testContext(seedGraph().build(), { lens }));

  it('yields the expected finding kinds, with no rule errors', () => {
    const { findings, errors } = audit();
    expect(errors).toEqual([]);
    const kinds = new Set(findings.map((f) => f.kind));
    for (const kind of [
      'notetaker_cannot_disable', 'ai_training', 'baa_chain_break', 'no_subcontractor_flowdown', 'recording_retention',
      'recording_without_consent', 'claims_aggregation', 'weak_law_enforcement_posture', 'sensitive_detail_exposed',
      'unauthorized_third_party_disclosure',
    ] as const) {
      expect(kinds).toContain(kind);
    }
    // What is fine in the seed stays quiet: notes are kept separately, every direct vendor has a BAA.
    expect(kinds).not.toContain('psychotherapy_notes_exposed');
    expect(kinds).not.toContain('missing_baa');
  });

  it('traces the stories to the right subjects', () => {
    const ids = audit().findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'notetaker-cannot-disable@system:scribe',
        'baa-chain-break@path:practice>scribe>openai',
        'claims-aggregation@path:ehr>ch>iso',
        'weak-law-enforcement-posture@system:ehr',
        'unauthorized-third-party-disclosure@flow:ehr->employer',
      ]),
    );
    // The clearinghouse's BAA requires notice and legal process: it is not a weak holder.
    expect(ids).not.toContain('weak-law-enforcement-posture@system:ch');
  });

  it('carries evidence copied from the facts and flows', () => {
    const f = audit().findings.find((x) => x.id === 'weak-law-enforcement-posture@system:ehr')!;
    expect(f.evidence[0]).toMatchObject({ quote: 'law_enforcement_disclosure: "any_legal_request"', file: 'ehr-baa-1.pdf', documentId: 'doc-ehr-1' });
  });

  it('scores higher under the immigrant-clients lens, and the EHR is among the most exposed nodes', () => {
    const lensed = audit('immigrant-clients');
    const plain = runAudit(testContext({ ...seedGraph().build(), practice: { ...seedGraph().build().practice, lenses: [] } }, { lens: 'default' }));
    expect(lensed.score.total).toBeGreaterThan(plain.score.total);
    expect(lensed.score.nodes.ehr).toBeGreaterThan(lensed.score.nodes.ch!);
    expect(lensed.score.lens).toBe('immigrant-clients');
  });

  it('what-if: enabling the off switch, disabling training and signing the LLM BAA lower the score', () => {
    const graph = seedGraph().build();
    const ctx = testContext(graph, { lens: 'immigrant-clients' });
    const r = whatIf(graph, [
      { type: 'enable_disable_control', system: 'scribe' },
      { type: 'disable_training', system: 'scribe' },
      { type: 'sign_baa', system: 'openai' },
    ], ctx);
    expect(r.disappeared.map((f) => f.id)).toEqual(
      expect.arrayContaining(['notetaker-cannot-disable@system:scribe', 'ai-training@system:scribe', 'baa-chain-break@path:practice>scribe>openai']),
    );
    expect(r.after.score.total).toBeLessThan(r.before.score.total);
    expect(r.after.score.nodes.openai).toBeLessThan(r.before.score.nodes.openai!);
  });
});
