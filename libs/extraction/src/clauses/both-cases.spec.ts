import { factOf } from '../testing/fact-of.js';
import { bothCases } from './both-cases.js';

// "Both cases at once" (issue 7): a word inside a "whether" part states neither the act nor its refusal. One test in
// the clause layer, used by negation (clause.negated, fact-context.negatedBefore) and by the sale, de-identified scope
// and AI-training readers. Each rule: the sentence that needs it and a near miss from another vendor it must not change.

describe('bothCases: the "whether" part of a clause', () => {
  const at = (t: string, word: string) => bothCases(t, t.indexOf(word));
  it('a word after "whether" or "whether or not", in the same clause, is in it', () => {
    expect(at('Whether or not we sell your data, you have rights.', 'not')).toBe(true);
    expect(at('You have the right to know whether we sell personal information.', 'sell')).toBe(true);
  });
  it('near misses: the main clause after the comma, a negation before "whether", a far-away word', () => {
    expect(at('Whether or not you use the app, we do not sell your personal information.', 'not sell')).toBe(false);
    expect(at('We do not know whether you use the app.', 'not')).toBe(false);
    expect(at('Whether the request comes from you or from your administrator or from any other person on your team we never sell it.', 'never')).toBe(false);
  });
  // Review of the xclause merge (d243060): prohibited before it, unspecified on it.
  it('written without the comma, a second subject with its own verb opens the main clause', () => {
    expect(at('Whether you are in California or elsewhere we do not sell your personal information.', 'not')).toBe(false);
    expect(factOf('data_sale_or_marketing', 'Whether you are in California or elsewhere we do not sell your personal information.')).toBe('prohibited');
  });
  it('near misses: the part\'s own subject, a subject joined by "or", a pronoun object', () => {
    expect(at('You decide whether or not we use your content to train our AI models.', 'use')).toBe(true);
    expect(at('Regardless of whether you or we sell the products you keep your rights.', 'sell')).toBe(true);
    expect(at('You choose whether we send you offers or not and we respect it.', 'not')).toBe(true);
  });
});

describe('data_sale_or_marketing: a sale in a "whether" part is neither stated nor refused', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('"states whether we sell", "regardless of whether we sell or share" are no permission (allowed on base)', () => {
    expect(sale('Our annual privacy report states whether we sell personal information to third parties.')).toBe('unspecified');
    expect(sale('Regardless of whether we sell or share your personal information, you may opt out at any time.')).toBe('unspecified');
  });
  it('near misses: a sale stated before a "whether" part, and a refusal after one, are still read', () => {
    expect(sale('We sell personal information to data brokers, whether or not you have an account.')).toBe('allowed');
    expect(sale('Whether or not you use the app, we do not sell your personal information.')).toBe('prohibited');
  });
});

describe('negation: "whether or not" negates nothing (the clause layer, for every reader)', () => {
  it('a scope extended to aggregated data is no refusal to aggregate (prohibited on base)', () => {
    expect(factOf('deidentified_data_use', 'Confidentiality obligations apply to all Customer Data, whether or not it has been aggregated or de-identified.')).toBe('unspecified');
  });
  it('near misses: a refusal to aggregate, and a scope that leaves aggregated data out, are still read', () => {
    expect(factOf('deidentified_data_use', 'We do not aggregate your data for our own purposes.')).toBe('prohibited');
    expect(factOf('deidentified_data_use', 'This policy applies only to personal information, not to aggregate information or information that does not identify you.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: training in a "whether" part is neither a use nor a refusal', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('"you decide whether or not we use your content to train" refuses nothing (prohibited on base)', () => {
    expect(ai('You decide whether or not we use your content to train our AI models.')).toBe('unspecified');
  });
  it('near misses: a refusal and a use stated outright are still read', () => {
    expect(ai('We do not use your content to train our AI models.')).toBe('prohibited');
    expect(ai('Whether or not you pay for the service, we may use your content to train our AI models.')).toBe('allowed');
  });
});

describe('negation: what "not" and "neither … nor" reach', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('"not identifiable" makes an adjective; it refuses no later act (prohibited on base)', () => {
    expect(deid('We may continue to use data that is not identifiable to you (for example, aggregated data).')).toBe('allowed');
  });
  it('a negation inside an "if" condition refuses nothing (prohibited on base)', () => {
    expect(deid('If neither deletion nor anonymization is possible (for example, due to data being stored on a backup server), we will isolate your data from further processing until deletion or anonymization is possible.')).not.toBe('prohibited');
  });
  it('near misses: refusals stated outright are still refusals', () => {
    expect(deid('We do not aggregate your data for our own purposes.')).toBe('prohibited');
    expect(deid('We will not share aggregated data with advertisers.')).toBe('prohibited');
  });
});

describe('negation: a duty refused is still refused', () => {
  it('"not responsible for deleting" is no deletion (near miss of the "not identifiable" rule)', () => {
    expect(factOf('return_or_destroy_on_termination', 'Webs is not responsible for deleting Content on your behalf and Webs will not have any obligation to assist you in migrating your data off of the Sites.')).not.toBe('yes');
  });
});
