import { applyCorrections, InvalidInputError } from '@custody/domain';
import { extractFacts } from './extract-facts.js';

const facts = extractFacts('Vendor may use recordings to train its machine learning models. Vendor shall not sell PHI.').facts;

describe('applyCorrections', () => {
  it('lets the human answer win and keeps the machine answer beside it', () => {
    const out = applyCorrections(facts, [{ fact: 'ai_training_on_customer_data', value: 'opt_out', by: 'dana', reason: 'toggle exists in admin console', at: '2025-01-02T00:00:00Z' }]);
    expect(out.ai_training_on_customer_data).toMatchObject({ value: 'opt_out', confidence: 1, extractor: 'human:dana', machine: { value: 'allowed', extractor: 'rules@1' } });
    expect(out.ai_training_on_customer_data.evidence).toEqual(facts.ai_training_on_customer_data.evidence);
    expect(out.data_sale_or_marketing).toBe(facts.data_sale_or_marketing);
    expect(facts.ai_training_on_customer_data.value).toBe('allowed');
  });
  it('applies corrections in time order and keeps the first machine answer', () => {
    const out = applyCorrections(facts, [
      { fact: 'breach_notice_days', value: 30, by: 'b', reason: 'second look', at: '2025-02-01T00:00:00Z' },
      { fact: 'breach_notice_days', value: 10, by: 'a', reason: 'first look', at: '2025-01-01T00:00:00Z' },
    ]);
    expect(out.breach_notice_days).toMatchObject({ value: 30, extractor: 'human:b', machine: { value: null } });
  });
  it('rejects values outside the fact value set and unknown facts', () => {
    expect(() => applyCorrections(facts, [{ fact: 'record_ownership', value: 'nobody', by: 'x', reason: '', at: '2025-01-01' }])).toThrow(InvalidInputError);
    expect(() => applyCorrections(facts, [{ fact: 'bogus' as never, value: 'yes', by: 'x', reason: '', at: '2025-01-01' }])).toThrow(/unknown fact/);
  });

  describe('review candidates of a sub-processor list', () => {
    const quote = (q: string, start: number) => ({ quote: q, start, end: start + q.length });
    // As calibrateNames leaves them: a kept name asserted, the held-back ones one candidate with a quote per name.
    const held = () => {
      const f = { ...facts, subprocessors_named: { ...facts.subprocessors_named, value: ['Amazon Web Services'] } };
      f.subprocessors_named.review = [{ value: ['Acme Transcribe', 'Twilio'], evidence: [quote('Acme Transcribe processes audio.', 400), quote('SMS through Twilio.', 500)], reason: 'below the threshold 0.5' }];
      return f;
    };
    const at = (n: number) => `2026-01-0${n}T00:00:00Z`;

    it('a correction recorded without a candidate (every one before candidates existed) replays as before: it settles the list', () => {
      const out = applyCorrections(held(), [{ fact: 'subprocessors_named', value: ['Amazon Web Services', 'Twilio'], by: 'dana', reason: 'read the annex', at: at(1) }]);
      expect(out.subprocessors_named.value).toEqual(['Amazon Web Services', 'Twilio']);
      expect(out.subprocessors_named.review).toBeUndefined();
      expect(out.subprocessors_named.evidence).toEqual(facts.subprocessors_named.evidence);
    });

    it('two decisions sent at once hold in either order they are recorded (a posted list lacking the other name does not drop it)', () => {
      // Accept Acme (the view showed Amazon only), accept Twilio (the view counted Acme as sent): recorded in reverse.
      const acme = { fact: 'subprocessors_named' as const, value: ['Amazon Web Services', 'Acme Transcribe'], candidate: ['Acme Transcribe'], by: 'dana', reason: 'accepted' };
      const twilio = { fact: 'subprocessors_named' as const, value: ['Amazon Web Services', 'Acme Transcribe', 'Twilio'], candidate: ['Twilio'], by: 'dana', reason: 'accepted' };
      for (const order of [[{ ...acme, at: at(1) }, { ...twilio, at: at(2) }], [{ ...twilio, at: at(1) }, { ...acme, at: at(2) }]]) {
        const out = applyCorrections(held(), order);
        expect(out.subprocessors_named.value).toEqual(expect.arrayContaining(['Amazon Web Services', 'Acme Transcribe', 'Twilio']));
        expect(out.subprocessors_named.value).toHaveLength(3);
        expect(out.subprocessors_named.review).toBeUndefined();
      }
      // A reject sent from a view that does not show an accept recorded just before leaves that accept standing.
      const out = applyCorrections(held(), [{ ...acme, at: at(1) }, { fact: 'subprocessors_named', value: ['Amazon Web Services'], candidate: ['Twilio'], by: 'lee', reason: 'rejected', at: at(2) }]);
      expect(out.subprocessors_named.value).toEqual(['Amazon Web Services', 'Acme Transcribe']);
      expect(out.subprocessors_named.evidence.map((e) => e.quote)).toContain('Acme Transcribe processes audio.');
      expect(out.subprocessors_named.review).toBeUndefined();
    });

    it('a decision recorded on a name without its legal form\'s dot still decides the name the reader now writes with it', () => {
      const f = held();
      f.subprocessors_named.value = ['Amazon Web Services', 'Sisense Ltd.'];
      f.subprocessors_named.review = [{ value: ['Nimbus Inc.'], evidence: [quote('Nimbus Inc., our host.', 600)], reason: 'below the threshold 0.5' }];
      const rejected = applyCorrections(f, [{ fact: 'subprocessors_named', value: ['Amazon Web Services'], candidate: ['Sisense Ltd'], by: 'lee', reason: 'rejected', at: at(1) }]);
      expect(rejected.subprocessors_named.value).toEqual(['Amazon Web Services']);
      const accepted = applyCorrections(f, [{ fact: 'subprocessors_named', value: ['Amazon Web Services', 'Sisense Ltd.', 'Nimbus Inc'], candidate: ['Nimbus Inc'], by: 'lee', reason: 'accepted', at: at(1) }]);
      expect(accepted.subprocessors_named.value).toEqual(['Amazon Web Services', 'Sisense Ltd.', 'Nimbus Inc']);
      expect(accepted.subprocessors_named.review).toBeUndefined();
    });
  });
});
