import { GraphBuilder } from './graph-builder.js';

/**
 * A practice modelled on the seed stories: a California counselling practice with immigrant clients whose
 * notetaker is always on and cannot be disabled (000), trains on data by default and sends transcripts to an
 * LLM provider; whose EHR releases records on any legal request (000); whose clearinghouse forwards claims to a
 * claims database enforcement buys from (003); and whose employer-client's progress notes go out on an
 * expired authorization (002).
 */
export function seedGraph() {
  return new GraphBuilder({
    name: 'Harborview Counseling',
    jurisdiction: 'US-CA',
    lenses: ['immigrant-clients'],
    records: { psychotherapy_notes_kept_separately: true, documents_sensitive: ['immigration_status', 'political_activity'] },
  })
    .system('ehr', 'ehr', { name: 'SimplePractice', holds: ['progress_notes', 'psychotherapy_notes', 'diagnosis', 'claims'] })
    .baa('ehr', {
      law_enforcement_disclosure: 'any_legal_request',
      subcontractor_flowdown: 'yes',
      breach_notice_days: 30,
      return_or_destroy_on_termination: 'yes',
      record_ownership: 'customer',
    })
    .system('scribe', 'ai_notetaker', {
      name: 'Upheal',
      settings: {
        recording: 'always', can_disable: false, audio_retention_days: 90, transcript_retention_days: 365,
        training: 'opt_out', consent_capture: 'none', subprocessors: ['OpenAI', 'Deepgram'], storage_region: 'US',
      },
    })
    .baa('scribe', { subcontractor_flowdown: 'no', ai_training_on_customer_data: 'opt_out', breach_notice_days: null })
    .system('openai', 'llm_provider', { name: 'OpenAI' })
    .system('ch', 'clearinghouse', { name: 'ClaimBridge' })
    .baa('ch', { subcontractor_flowdown: 'yes', law_enforcement_disclosure: 'legal_process_with_notice', return_or_destroy_on_termination: 'yes', breach_notice_days: 10 })
    .system('iso', 'data_broker', { name: 'ISO ClaimSearch' })
    .system('employer', 'employer', { name: 'Acme Logistics' })
    .flow('practice', 'scribe', ['session_recording', 'session_transcript'], { purpose: 'documentation' })
    .flow('scribe', 'openai', ['session_transcript'], { purpose: 'summarisation' })
    .flow('scribe', 'ehr', ['progress_notes'], { legalBasis: 'baa' })
    .flow('ehr', 'ch', ['claims', 'diagnosis'], { transport: 'sftp', purpose: 'payment', legalBasis: 'baa' })
    .flow('ch', 'iso', ['claims', 'insurance_ids', 'demographics'], { purpose: 'fraud analytics' })
    .flow('ehr', 'employer', ['progress_notes'], { purpose: 'return-to-work' })
    .consent({ to: 'employer', data: ['progress_notes'], purpose: 'return-to-work', expires: '2025-06-30' });
}
