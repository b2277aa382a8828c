import { GraphBuilder, evaluateRule } from '../testing/graph-builder.js';
import { missingBaaRule } from './missing-baa.rule.js';

describe('missing-baa', () => {
  const base = () =>
    new GraphBuilder()
      .system('scribe', 'ai_notetaker', { name: 'Upheal' })
      .flow('practice', 'scribe', ['session_recording', 'session_transcript']);

  it('fires on a notetaker receiving recordings with no BAA, with the flow as evidence', () => {
    const [d, ...rest] = evaluateRule(missingBaaRule, base().build());
    expect(rest).toHaveLength(0);
    expect(d!.subject).toBe('system:scribe');
    expect(d!.categories).toEqual(['session_recording', 'session_transcript']);
    expect(d!.evidence[0]!.quote).toContain('to: scribe');
    expect(d!.likelihood).toBe(0.85);
  });

  it('names the sub-processors an assessed vendor\'s own contract names, not its own affiliates (no chain break counts them again); a declared vendor\'s detail is unchanged', () => {
    const g = base().contract('scribe', { baa_offered: 'no', subprocessors_named: ['OpenAI, L.L.C.', 'Upheal Health Ltd', 'Deepgram'] }, { kind: 'terms' }).build();
    expect(evaluateRule(missingBaaRule, g)[0]!.detail).toBe('Upheal receives session recordings and session transcripts and its documents say it does not offer a BAA.');
    g.systems.find((s) => s.id === 'scribe')!.assessed = true;
    expect(evaluateRule(missingBaaRule, g)[0]!.detail).toBe('Upheal receives session recordings and session transcripts and its documents say it does not offer a BAA; ' +
      'its documents name the sub-processors it passes client information on to, which no BAA binds either: OpenAI, L.L.C. and Deepgram.');
  });

  it('leaves out only the vendor\'s own affiliates: a third party whose name merely starts with the vendor\'s letters is named', () => {
    // "Zoom Voice Communications, Inc." is Zoom (its name's first word is the vendor's); "ZoomInfo Technologies LLC" is
    // another company that happens to begin with the same letters, and no BAA binds it either.
    const g = new GraphBuilder().system('zoom', 'telehealth', { name: 'Zoom' }).flow('practice', 'zoom', ['demographics'])
      .contract('zoom', { baa_offered: 'no', subprocessors_named: ['Zoom Voice Communications, Inc.', 'ZoomInfo Technologies LLC', 'Zoomcar India'] }, { kind: 'terms' }).build();
    g.systems.find((s) => s.id === 'zoom')!.assessed = true;
    expect(evaluateRule(missingBaaRule, g)[0]!.detail).toMatch(/which no BAA binds either: ZoomInfo Technologies LLC and Zoomcar India\.$/);
  });

  it('is certain when the vendor says it does not offer a BAA', () => {
    const [d] = evaluateRule(missingBaaRule, base().contract('scribe', { baa_offered: 'no' }, { kind: 'terms' }).build());
    expect(d!.likelihood).toBe(1);
    expect(d!.evidence.map((e) => e.quote)).toContain('baa_offered: "no"');
  });

  it('does not fire with a BAA in force, or a flow declared under a BAA', () => {
    expect(evaluateRule(missingBaaRule, base().baa('scribe').build())).toEqual([]);
    const declared = new GraphBuilder().system('scribe', 'ai_notetaker').flow('practice', 'scribe', ['session_recording'], { legalBasis: 'baa' });
    expect(evaluateRule(missingBaaRule, declared.build())).toEqual([]);
  });

  it('leaves expired BAAs, sub-processors and non-BA roles to other rules', () => {
    expect(evaluateRule(missingBaaRule, base().baa('scribe', {}, { expires: '2025-01-01' }).build())).toEqual([]);
    const sub = base().baa('scribe').system('llm', 'llm_provider').flow('scribe', 'llm', ['session_transcript']).build();
    expect(evaluateRule(missingBaaRule, sub)).toEqual([]);
    const payer = new GraphBuilder().system('aetna', 'payer').flow('practice', 'aetna', ['claims']).build();
    expect(evaluateRule(missingBaaRule, payer)).toEqual([]);
  });

  it('fires on an EHR declared to hold PHI even with no inbound flow', () => {
    const g = new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes'] }).build();
    expect(evaluateRule(missingBaaRule, g).map((d) => d.subject)).toEqual(['system:ehr']);
  });
});
