import { factOf } from '../testing/fact-of.js';

/**
 * Where the wordings of recall-vocabulary.spec.ts stop (review of the xvocab merge): the same words said of something
 * else — the vendor unable to identify a requester, the customer's own machine learning, content handed to users, an
 * invoice period beside a recording, a new topic after a list — state nothing of the fact.
 */
describe('deidentified_data_use: "cannot identify you" said of data, not of the vendor or a tool', () => {
  const deid = (text: string) => factOf('deidentified_data_use', text);
  it('the vendor unable to identify a requester (verification of a request) is no de-identified data', () => {
    expect(deid('If we cannot identify you, we may not be able to process your request.')).toBe('unspecified');
    expect(deid('Where we cannot identify you from the details you give, we will ask for more information before we act on your request.')).toBe('unspecified');
  });
  it('a refusal of the use of data that cannot identify you is a refusal, as for "de-identified information"', () => {
    expect(deid('We will not sell or share information that cannot identify you.')).toBe('prohibited');
    expect(deid('We never share information, even information that cannot identify you, with advertisers.')).toBe('prohibited');
  });
  it('an identifier that cannot identify you and is not shared states no use', () => {
    expect(deid('The advertising identifier cannot identify you and is not shared.')).toBe('unspecified');
  });
  it('still: the information the vendor shares is said not to identify you', () => {
    expect(deid('We may share information that cannot identify you with our partners for research.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: "used for machine learning purposes" by the vendor only', () => {
  const ai = (text: string) => factOf('ai_training_on_customer_data', text);
  it('the customer\'s or the user\'s own machine learning is not the vendor training on the data', () => {
    expect(ai('Customer may use the Services to process Customer Data for machine learning purposes.')).toBe('unspecified');
    expect(ai('If you use our API for machine learning purposes, you must comply with our usage policies.')).toBe('unspecified');
  });
  it('"the use of data for machine learning purposes" (a noun) states no use by anyone', () => {
    expect(ai('The use of personal data for machine learning purposes is governed by applicable law.')).toBe('unspecified');
  });
  it('still: the data said to be used for machine learning purposes, by the vendor or in the passive', () => {
    expect(ai('The recordings you submit are used for machine learning purposes.')).toBe('allowed');
    expect(ai('We may process your messages for machine learning purposes.')).toBe('allowed');
  });
});

describe('record_ownership: records that come from users, not content given to them', () => {
  const owner = (text: string) => factOf('record_ownership', text);
  it('information provided to users of the Services is the vendor\'s content, not the users\' records', () => {
    expect(owner('All information provided to users of the Services belongs to us.')).toBe('unspecified');
    expect(owner('All content made available to users of the Services belongs to us.')).toBe('unspecified');
  });
  it('still: information submitted by users of the Services belongs to the vendor', () => {
    expect(owner('All information submitted by users of the Services belongs to us.')).toBe('vendor');
  });
});

describe('audio_or_recording_retention_days: a French period of another thing beside a recording', () => {
  const audio = (text: string) => factOf('audio_or_recording_retention_days', text);
  it('a sentence after the recorded calls, ending in an accented word ("enregistrés."), is a sentence of its own', () => {
    expect(audio('Les appels peuvent être enregistrés. Les données de votre compte sont conservées 3 ans après la clôture.')).toBe(null);
  });
  it('invoices or billing data kept, coordinated with recorded calls, are no recordings', () => {
    expect(audio('Vos conversations avec le service client sont enregistrées et vos factures sont conservées 10 ans.')).toBe(null);
    expect(audio('Les appels au service client sont enregistrés et sont conservés 6 mois, puis les données de facturation sont conservées 10 ans.')).toBe(180);
  });
});

describe('return_or_destroy_on_termination: a list\'s closing sentence continues the lead-in only when it points back', () => {
  const ret = (text: string) => factOf('return_or_destroy_on_termination', text);
  const lead = 'Once our relationship with you has come to an end, we will retain your personal data for a period that enables us to:\n\n1.  Keep business records for audits.\n2.  Meet record retention duties under applicable laws.\n\n';
  it('a new topic after the list (another party, payment data, a hold) is not deletion after the end', () => {
    expect(ret(`${lead}Our partners will delete the data they receive when it is no longer needed for their purposes.`)).toBe('unspecified');
    expect(ret(`${lead}We will not delete your personal data while a legal claim is pending.`)).toBe('unspecified');
    expect(ret('When your subscription ends, we will:\n\n- stop billing you;\n- send you a receipt.\n\nWe delete payment data when it is no longer needed.')).toBe('unspecified');
  });
  it('still: "no longer required for these purposes" goes on from the lead-in', () => {
    expect(ret(`${lead}We will delete your personal data when it is no longer required for these purposes.`)).toBe('yes');
  });
});
