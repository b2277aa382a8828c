import { runAudit } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

/**
 * A notetaker fleet export projects one system per install. Rules must report per install and stay fast
 * enough for a compliance lead's 400-clinician agency (we test 1,500 installs).
 */
describe('fleet scale', () => {
  const INSTALLS = 1500;
  const fleet = () => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA' })
      .system('openai', 'llm_provider', { name: 'OpenAI' })
      .system('ehr', 'ehr', { holds: ['progress_notes'] })
      .baa('ehr', { law_enforcement_disclosure: 'judicial_process_only', subcontractor_flowdown: 'yes', breach_notice_days: 10, return_or_destroy_on_termination: 'yes' });
    for (let i = 0; i < INSTALLS; i++) {
      // Every tenth install has been fixed by the clinician's site admin.
      const fixed = i % 10 === 0;
      b.system(`install-${i}`, 'ai_notetaker', {
        name: `Upheal #${i}`,
        settings: { can_disable: fixed, training: 'opt_in', consent_capture: 'written', subprocessors: ['OpenAI'], audio_retention_days: 7 },
      })
        .baa(`install-${i}`, { subcontractor_flowdown: 'yes', subprocessors_named: ['OpenAI'], law_enforcement_disclosure: 'legal_process_with_notice', breach_notice_days: 30, return_or_destroy_on_termination: 'yes' })
        .flow('practice', `install-${i}`, ['session_recording'])
        .flow(`install-${i}`, 'openai', ['session_transcript'])
        .flow(`install-${i}`, 'ehr', ['progress_notes'], { legalBasis: 'baa' });
    }
    return b.build();
  };

  // Its speed is measured by `npm run bench:audit` and bench:fleet, not asserted here.
  it('reports per install, only where the setting is wrong', () => {
    const graph = fleet();
    const { findings, errors } = runAudit(testContext(graph));
    expect(errors).toEqual([]);
    const cannotDisable = findings.filter((f) => f.kind === 'notetaker_cannot_disable');
    expect(cannotDisable).toHaveLength(INSTALLS - INSTALLS / 10);
    expect(cannotDisable.map((f) => f.subject)).not.toContain('system:install-0');
    // Flow-down naming OpenAI covers every install's hop to it.
    expect(findings.filter((f) => f.kind === 'baa_chain_break')).toEqual([]);
    // OpenAI holds every install's transcripts with no contract of its own: its posture is unknown.
    expect(findings.map((f) => f.id)).toContain('weak-law-enforcement-posture@system:openai');
  });
});
