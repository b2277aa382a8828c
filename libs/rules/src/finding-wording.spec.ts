import { DATA_CATEGORIES } from '@custody/domain';
import { REGISTRY } from './registry.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';

/**
 * Findings are read by practice owners and consultants: their text names systems by name and says categories and
 * contract terms in words, never the stored values (`session_recording`, `any_legal_request`) or internal ids.
 */
describe('finding text is words, not stored data', () => {
  const graph = () => {
    const b = new GraphBuilder({ jurisdiction: 'US-CA', name: 'Harborview Counseling' })
      .system('telehealth', 'telehealth', { name: 'Kinroom' })
      .contract('telehealth', { law_enforcement_disclosure: 'any_legal_request', record_ownership: 'vendor', ai_training_on_customer_data: 'opt_out' }, { kind: 'terms' })
      .flow('practice', 'telehealth', ['session_recording', 'contact', 'scheduling'], { transport: 'https' })
      .system('reminders', 'communications', { name: 'Remindly' })
      .baa('reminders', { subcontractor_flowdown: 'no' }, { expires: '2024-12-31' })
      .flow('practice', 'reminders', ['contact', 'scheduling'], { transport: 'smtp', legalBasis: 'baa' })
      .system('twilio', 'communications', { name: 'Twilio' })
      .flow('reminders', 'twilio', ['contact', 'scheduling'])
      .system('install-hv-lt-004', 'ai_notetaker', { name: 'Scribewell AI install HV-LT-004 (Tomás Herrera ASW)', settings: { can_disable: false, recording: 'always', consent_capture: 'none', training: 'allowed', storage_region: 'ph' } })
      .flow('practice', 'install-hv-lt-004', ['session_recording', 'session_transcript'])
      .system('employer', 'employer', { name: 'Bayline Logistics' })
      .flow('practice', 'employer', ['progress_notes']);
    return b.build();
  };
  const details = () => runRules(testContext(graph()), REGISTRY).findings.map((f) => f.detail);

  it('says data categories in words', () => {
    const all = details();
    expect(all).toContain('Kinroom receives session recordings, contact details and appointments but no BAA is on file for it and no flow into it is declared under one.');
    const raw = all.filter((d) => DATA_CATEGORIES.some((c) => c.includes('_') && d.includes(c)));
    expect(raw).toEqual([]);
  });

  it('says fact values in words', () => {
    const all = details();
    expect(all.filter((d) => /any_legal_request|opt_out|"vendor"|consent capture "none"|\bsmtp\b/.test(d))).toEqual([]);
    expect(all.some((d) => d.startsWith('Kinroom holds session recordings; its terms say it discloses on any legal request.'))).toBe(true);
  });

  it('names a system without its internal id after the name', () => {
    const all = details();
    expect(all.filter((d) => /\((telehealth|reminders|twilio|install-hv-lt-004|employer|practice)\)/.test(d))).toEqual([]);
    expect(all.some((d) => d.startsWith('Scribewell AI install HV-LT-004 (Tomás Herrera ASW) cannot be disabled'))).toBe(true);
    expect(all.some((d) => d.includes('Bayline Logistics, an employer,'))).toBe(true);
  });

  it('names the upstream vendor of a broken BAA chain once', () => {
    const chain = details().filter((d) => d.includes('passes PHI on to Twilio'));
    expect(chain).toEqual(['Remindly has no BAA in force itself, yet passes PHI on to Twilio, which nothing binds.']);
  });

  it('keeps the id of a system whose name another system shares, so two findings never read alike', () => {
    const g = new GraphBuilder({ name: 'Dup Practice' })
      .system('drive-a', 'cloud_storage', { name: 'Acme Drive' }).flow('practice', 'drive-a', ['progress_notes'])
      .system('drive-b', 'cloud_storage', { name: 'Acme Drive' }).flow('practice', 'drive-b', ['progress_notes'])
      .build();
    const missing = runRules(testContext(g), REGISTRY).findings.filter((f) => f.kind === 'missing_baa').map((f) => f.detail);
    expect(missing).toHaveLength(2);
    expect(new Set(missing).size).toBe(2);
    expect(missing.every((d) => /^Acme Drive \(drive-[ab]\) receives/.test(d))).toBe(true);
  });
});
