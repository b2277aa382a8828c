import { InvalidInputError } from '@custody/domain';
import { GraphBuilder, testContext } from './testing/graph-builder.js';
import { applyChanges, whatIf } from './what-if.js';

const base = () =>
  new GraphBuilder({ jurisdiction: 'US-CA' })
    .system('scribe', 'ai_notetaker', {
      name: 'Upheal',
      settings: { can_disable: false, training: 'opt_out', audio_retention_days: 90, consent_capture: 'none', subprocessors: ['OpenAI'] },
    })
    .system('openai', 'llm_provider', { name: 'OpenAI' })
    .flow('practice', 'scribe', ['session_recording', 'session_transcript'])
    .flow('scribe', 'openai', ['session_transcript'])
    .build();

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

describe('whatIf', () => {
  const ctx = testContext(base());

  it('never mutates the input graph', () => {
    const graph = deepFreeze(base());
    const snapshot = JSON.stringify(graph);
    whatIf(graph, [{ type: 'sign_baa', system: 'scribe' }, { type: 'remove_system', system: 'openai' }, { type: 'cut_retention', system: 'scribe', days: 7 }], ctx);
    expect(JSON.stringify(graph)).toBe(snapshot);
  });

  it('applies triage on both sides, so "before" is the score the dashboard shows', () => {
    const plain = whatIf(base(), [{ type: 'disable_training', system: 'scribe' }], ctx);
    const target = plain.before.findings.find((f) => f.contribution > 0)!;
    const triage = new Map([[target.id, { status: 'false_positive' as const, reason: 'checked', by: 't', at: '2026-01-01' }]]);
    const triaged = whatIf(base(), [{ type: 'disable_training', system: 'scribe' }], { ...ctx, triage });
    expect(triaged.before.score.total).toBeLessThan(plain.before.score.total);
    expect(triaged.before.findings.find((f) => f.id === target.id)?.contribution).toBe(0);
  });

  it('sign_baa closes missing-baa and, with flow-down naming its sub-processors, the chain break', () => {
    const r = whatIf(base(), [{ type: 'sign_baa', system: 'scribe' }], ctx);
    expect(r.disappeared.map((f) => f.id)).toEqual(expect.arrayContaining(['missing-baa@system:scribe']));
    expect(r.after.findings.map((f) => f.kind)).not.toContain('baa_chain_break');
    expect(r.after.score.total).toBeLessThan(r.before.score.total);
  });

  it('reports findings that appear: a signed BAA that is silent on law enforcement is now visible as such', () => {
    const graph = new GraphBuilder().system('ehr', 'ehr', { holds: ['progress_notes'] }).contract('ehr', { law_enforcement_disclosure: 'judicial_process_only' }, { kind: 'terms' }).build();
    const r = whatIf(graph, [{ type: 'sign_baa', system: 'ehr' }], testContext(graph));
    expect(r.disappeared.map((f) => f.id)).toContain('missing-baa@system:ehr');
    // A BAA without flow-down would add no-subcontractor-flowdown; the hypothetical BAA has it, so nothing appears.
    expect(r.appeared).toEqual([]);
  });

  it('disable_training, enable_disable_control, cut_retention and set_setting close their findings', () => {
    const r = whatIf(base(), [
      { type: 'disable_training', system: 'scribe' },
      { type: 'enable_disable_control', system: 'scribe' },
      { type: 'cut_retention', system: 'scribe', days: 14 },
      { type: 'set_setting', system: 'scribe', key: 'consent_capture', value: 'written' },
    ], ctx);
    expect(r.disappeared.map((f) => f.kind).sort()).toEqual(['ai_training', 'notetaker_cannot_disable', 'recording_retention', 'recording_without_consent']);
    expect(r.appeared).toEqual([]);
  });

  it('reports findings whose likelihood changed but that did not disappear', () => {
    // Setting training to opt_in on a vendor whose contract still says opt_out keeps the finding, less likely.
    const graph = new GraphBuilder()
      .system('scribe', 'ai_notetaker', { settings: { training: 'opt_out' } })
      .flow('practice', 'scribe', ['session_transcript'])
      .baa('scribe', { ai_training_on_customer_data: 'opt_out', subcontractor_flowdown: 'yes' })
      .build();
    const r = whatIf(graph, [{ type: 'set_setting', system: 'scribe', key: 'training', value: 'opt_in' }], testContext(graph));
    expect(r.disappeared).toEqual([]);
    expect(r.changed.map((c) => [c.after.id, c.before.likelihood, c.after.likelihood])).toEqual([['ai-training@system:scribe', 0.7, 0.42]]);
  });

  it('remove_system drops the vendor, its flows and its findings', () => {
    const r = whatIf(base(), [{ type: 'remove_system', system: 'openai' }], ctx);
    expect(r.graph.systems.map((s) => s.id)).not.toContain('openai');
    expect(r.graph.flows.map((f) => f.id)).toEqual(['practice->scribe']);
    expect(r.disappeared.some((f) => f.systems.includes('openai'))).toBe(true);
    expect(r.after.score.nodes.openai).toBeUndefined();
  });

  it('cut_retention never lengthens a shorter retention', () => {
    const g = applyChanges(base(), [{ type: 'cut_retention', system: 'scribe', days: 120 }], ctx.now);
    expect(g.systems.find((s) => s.id === 'scribe')!.settings.audio_retention_days).toBe(90);
  });

  it('rejects unknown systems, bad days and prototype keys as invalid input', () => {
    expect(() => whatIf(base(), [{ type: 'sign_baa', system: 'nope' }], ctx)).toThrow(InvalidInputError);
    expect(() => applyChanges(base(), [{ type: 'cut_retention', system: 'scribe', days: -1 }], ctx.now)).toThrow(InvalidInputError);
    expect(() => applyChanges(base(), [{ type: 'set_setting', system: 'scribe', key: '__proto__', value: {} }], ctx.now)).toThrow(InvalidInputError);
    expect(() => applyChanges(base(), [{ type: 'explode', system: 'scribe' } as never], ctx.now)).toThrow(InvalidInputError);
  });
});
