import { factOf } from '../testing/fact-of.js';

// Who performs the act (issue 7, xactor): the vendor training on or moving customer data is the fact; another party
// training for itself, or the user moving its own things, is not (clauses/doer.ts).
const ai = (text: string) => factOf('ai_training_on_customer_data', text);

describe('ai_training_on_customer_data: another party training its own models is not the vendor training', () => {
  it('advertisers or partners training their models', () => {
    expect(ai('Advertisers may use your data to train their models.')).toBe('unspecified');
    expect(ai('Our partners may use the information to improve their machine learning models.')).toBe('unspecified');
    expect(ai('Customers may train their own models on Customer Data.')).toBe('unspecified');
  });
  it('the vendor, its providers working for it, and training the vendor permits or shares data for still count', () => {
    expect(ai('We and our service providers may use your data to train our models.')).toBe('allowed');
    expect(ai('Our service providers may use your data to train our models on our behalf.')).toBe('allowed');
    expect(ai('Your data may be used to train our AI models.')).toBe('allowed');
    expect(ai('We may share your data with partners who may use it to train their AI models.')).toBe('allowed');
    expect(ai('We allow advertisers to use your data to train their models.')).toBe('allowed');
    expect(ai('We do not permit advertisers to use your data to train their models.')).toBe('prohibited');
  });
});
