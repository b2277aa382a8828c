import { factOf } from '../testing/fact-of.js';

// Review counter-examples for the twelfth session's scalar readings (issue 7): sentences written like real
// policies, DPAs and terms that a too-broad version of each reading misread. Each expects the reading before it.

describe('return_or_destroy: an option declared not a duty ends at the next duty', () => {
  const ret = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('a duty after the option, or a deletion the option comes before, is still read', () => {
    expect(ret('Upon termination, Controller may, but is not required to, request a copy of its data, and in any event Processor shall delete all Personal Data within 30 days after termination.')).toBe('yes');
    expect(ret('Upon termination of your account, we may, but are not obligated to, send you a reminder before we permanently delete all of your data within 30 days.')).toBe('yes');
  });
});

describe('breach_notice_days: a government customer is not a regulator', () => {
  it('an agency that is the customer gets the deadline', () => {
    expect(factOf('breach_notice_days', 'Contractor shall notify the Agency within 24 hours of discovery of any breach of unsecured protected health information.')).toBe(1);
  });
});

describe('law_enforcement: private parties only when they are the subject', () => {
  it('court orders obtained by private parties are still legal requests the vendor answers', () => {
    expect(factOf('law_enforcement_disclosure', 'We may disclose your information in response to subpoenas or court orders, including those obtained by private parties in civil litigation.')).toBe('any_legal_request');
  });
  it('records the law requires be provided to the customer are no disclosure to an authority', () => {
    expect(factOf('law_enforcement_disclosure', 'Where required by law, Processor will provide Customer with copies of the Personal Data it holds.')).toBe('unspecified');
    expect(factOf('law_enforcement_disclosure', 'Processor shall send Customer any records required by applicable law within 10 days.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: mobile information named inside a wider refusal', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('a refusal that lists mobile data among what is not sold still refuses', () => {
    expect(sale('We do not sell your personal information, including your mobile data, to third parties.')).toBe('prohibited');
    expect(sale('We never sell or rent personal information, such as your name, email address and mobile information, to anyone.')).toBe('prohibited');
  });
});

describe('ai_training: algorithms and feedback', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('training algorithms on the user\'s content is training', () => {
    expect(ai('We use the content you upload to train our algorithms.')).toBe('allowed');
    expect(ai('Your voice recordings may be used to train and improve our speech recognition algorithms.')).toBe('allowed');
  });
  it('feedback beside the user\'s records does not make the records feedback', () => {
    expect(ai('We use your chats and any feedback you give to train our models.')).toBe('allowed');
    expect(ai('We may use your clinical notes and your feedback on them to train our machine learning models.')).toBe('allowed');
  });
});
