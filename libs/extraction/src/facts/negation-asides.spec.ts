import { factOf } from '../testing/fact-of.js';
import { negatedBefore } from './fact-context.js';

const ai = (text: string) => factOf('ai_training_on_customer_data', text);
const negText = (view: string, word: string) => negatedBefore(view, view.indexOf(word), 100);

/**
 * Asides between the negation and the act (issue 7, review of the shared negation reader): a comma-bounded part that
 * the clause resumes after does not end the refusal; one that the clause does not resume after holds the act. Each
 * rule: the sentence it is for and a near miss it must not fire on.
 */
describe('a relative part about the object, closed by a comma and resumed, is an aside', () => {
  it('"do not use Customer Data, which may include PHI, to train" refuses the training (allowed on main)', () => {
    expect(ai('We do not use Customer Data, which may include PHI, to train our AI models.')).toBe('prohibited');
    expect(ai('We do not use the content you upload, which is always yours, to train our AI models.')).toBe('prohibited');
    expect(ai('We do not use Customer Data, that is, data you upload, to train AI models.')).toBe('prohibited');
  });
  it('near miss: the act inside the relative part is stated, not refused (prohibited on main)', () => {
    expect(ai('We do not sell your data, which we use to train our AI models.')).toBe('allowed');
    expect(ai('We do not sell your data, which we use, among other things, to train our AI models.')).toBe('allowed');
  });
});

describe('an exception interrupting the verb group right after the negation is an aside', () => {
  it('"will not, except as required by law, disclose", "do not, except as described …, use" (not negated on main)', () => {
    expect(negText('We will not, except as required by law, disclose your personal information to anyone.', 'disclose')).toBe(true);
    expect(ai('We do not, except as described in this policy, use your data to train our AI models.')).toBe('prohibited');
  });
  it('near miss: an exception after the object lists what is done ("except to provide the Services, improve our AI models")', () => {
    expect(ai('We will not use your data, except to provide the Services, improve our AI models, or comply with law.')).toBe('allowed');
    expect(negText('We will not disclose your information except to comply with law.', 'comply')).toBe(false);
  });
});

describe('a subordinate part inside the object of a refused use does not take the use\'s purpose', () => {
  it('"do not use information we collect when you use the Services to train" (allowed on main)', () => {
    expect(ai('We do not use information we collect when you use the Services to train our AI models.')).toBe('prohibited');
    expect(ai('We do not use the data we receive from you once your account is closed to train AI models.')).toBe('prohibited');
  });
  it('near miss: the act of a subordinate part after a verb without a purpose is the condition\'s', () => {
    expect(ai('We do not notify you when we use your data to train our models.')).toBe('allowed');
    expect(negText('We do not notify you when we are required to disclose your data.', 'disclose')).toBe(false);
  });
});

describe('offshore_processing: a refusal qualified before the transfer does not confine', () => {
  it('"will not, without your consent, transfer … outside the EEA" (no on main)', () => {
    expect(factOf('offshore_processing', 'We will not, without your consent, transfer your personal data outside the EEA.')).toBe('unspecified');
  });
  it('near miss: "Without limiting the foregoing" qualifies nothing', () => {
    expect(factOf('offshore_processing', 'Without limiting the foregoing, we do not transfer your personal data outside the EEA.')).toBe('no');
  });
});

describe('a negated negative cancels only as a predicate over an act', () => {
  it('an adjective of the data or purpose is no negative predicate: the refusal stands (allowed on main)', () => {
    expect(factOf('data_sale_or_marketing', 'We do not share restricted data with advertisers for targeted advertising.')).toBe('prohibited');
    expect(ai('We will not use your data for prohibited purposes, such as training AI models.')).toBe('prohibited');
  });
  it('near miss: "not restricted from using", "nothing … prevents us from" permit the act', () => {
    expect(ai('We are not restricted from using your content to train our AI models.')).toBe('allowed');
    expect(negText('Nothing in this policy prevents us from selling your personal information.', 'selling')).toBe(false);
  });
});

describe('ai_training: a list item under a negated lead-in of its own paragraph', () => {
  it('"We do not:" then "- use it to train machine learning models" refuses the training (allowed on main)', () => {
    expect(ai('We do not:\n\n- sell your personal data;\n- share it with advertisers; or\n- use it to train machine learning models.')).toBe('prohibited');
    expect(ai('We will never:\n\n* sell your data\n* use your content to train AI models')).toBe('prohibited');
  });
  it('near misses: a lead-in whose negation a new clause ends, and an item with a subject of its own', () => {
    expect(ai('We do not sell your data, but we may use it for:\n\n- analytics;\n- training our AI models.')).toBe('allowed');
    expect(ai('Our commitments:\n\n- We do not sell your data.\n- We use your content to train our AI models.')).toBe('allowed');
  });
});

describe('data_sale: a refusal pattern reads its negation word through the shared vocabulary', () => {
  it('"not only … sell" refuses no sale (prohibited on main)', () => {
    expect(factOf('data_sale_or_marketing', 'We not only sell your data to advertisers but also share it with data brokers.')).not.toBe('prohibited');
  });
  it('near miss: a real negation after a "not only" still refuses', () => {
    expect(factOf('data_sale_or_marketing', 'We not only encrypt your data but also never sell it to third parties.')).toBe('prohibited');
  });
});
