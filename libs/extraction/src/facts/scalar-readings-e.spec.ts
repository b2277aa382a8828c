import { factOf } from '../testing/fact-of.js';

// The twenty-first session's scalar readings (issue 7, ota-fresh22/23 studied): sentences written like real policies and
// terms for each general cause found there. Each expects the reading before it to fail.

describe('subcontractor_flowdown: the law compelling the vendor binds no provider', () => {
  const flow = (t: string) => factOf('subcontractor_flowdown', t);
  it('"required" of a legal demand or a statute is not the vendor requiring its providers', () => {
    expect(flow('Northwind will not pass your personal data to any third parties, except where it is required under statutory obligations to which Northwind is subject.')).toBe('unspecified');
    expect(flow('We may hand account records to third parties if required in response to a subpoena or court order, or where disclosure is needed to comply with our legal obligations.')).toBe('unspecified');
  });
  it('"our legal obligations" are the law\'s, not the vendor\'s own standard a provider is tied to', () => {
    expect(flow('We only use sensitive data as necessary: (i) to deliver the services; (ii) to help ensure the security of our systems; (iii) for compliance with our legal obligations; (iv) to our vendors acting for us.')).toBe('unspecified');
  });
  it('providers required to protect the data, or required under a contract, are still bound', () => {
    expect(flow('Our service providers are required to keep your data confidential and to use it only for the purpose of providing services to us.')).toBe('yes');
    expect(flow('Where we engage subprocessors, they are required under a written contract to meet obligations no less protective than those in this DPA.')).toBe('yes');
  });
});

describe('record_ownership: the user\'s warranty of title reaches the end of its clause', () => {
  const own = (t: string) => factOf('record_ownership', t);
  it('what the user represents and warrants is no statement that the records stay theirs', () => {
    expect(own('You represent and warrant that the material you post is original to you and that you alone own the rights to such content.')).toBe('unspecified');
    expect(own('When you upload files, you represent and warrant that they infringe nobody\'s rights and that you are the owner of your content.')).toBe('unspecified');
  });
  it('"content owned or controlled by us" describes the vendor\'s things, it states no owner of the records after it', () => {
    expect(own('You waive any right to an injunction against the exploitation of any website, game, program or other content owned or controlled by us or your upload information.')).toBe('unspecified');
    expect(own('You will have no right to enjoin the exploitation of any site, product or other audio-visual content owned or controlled by us and our affiliates, or your uploaded information.')).toBe('unspecified');
  });
  it('ownership as a predicate still names the owner', () => {
    expect(own('All content you upload is and remains owned by you.')).toBe('customer');
    expect(own('All customer data you upload shall be owned by us.')).toBe('vendor');
  });
  it('a statement of ownership beside the warranty still counts', () => {
    expect(own('You retain ownership of your content. You represent and warrant that you have every right needed to grant us this licence.')).toBe('customer');
  });
});

describe('ai_training: a refusal whose exception is consent', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('"will not … without your consent" is used only with consent (opt_in)', () => {
    expect(ai('We will never use your voice notes to train our machine learning models without your explicit permission.')).toBe('opt_in');
    expect(ai('Acme does not use chat transcripts to train AI models without the prior consent of the account holder.')).toBe('opt_in');
  });
  it('a plain refusal stays prohibited, and a use "without consent" is a use', () => {
    expect(ai('We do not use your voice notes to train our machine learning models.')).toBe('prohibited');
    expect(ai('We may use your voice notes to train our machine learning models without your consent.')).toBe('allowed');
  });
});

describe('law_enforcement: the law\'s duty said as "obliged to do so by law", "have to by law"', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('a disclosure the law obliges is any legal request', () => {
    expect(le('Your details will be passed on where we are obliged to do so by law.')).toBe('any_legal_request');
    expect(le('We may also share your information if we have to by law or to keep other people safe.')).toBe('any_legal_request');
  });
  it('what the law obliges that is no disclosure is no answer', () => {
    expect(le('We will keep your invoices for ten years where we are obliged to do so by law.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: an industry code\'s name is no use of data', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('complying with the self-regulatory principles for behavioural advertising', () => {
    expect(sale('Your website must comply with all applicable privacy laws and the Self-Regulatory Principles for Online Behavioral Advertising.')).toBe('unspecified');
  });
  it('"to target advertising", the verb, is targeted advertising; refused, it is none', () => {
    expect(sale('We never sell your data. Partner pixels may be placed on our pages to measure engagement and to target and optimise advertising.')).toBe('allowed');
    expect(sale('We do not use the contents of your messages to target advertising to you.')).toBe('unspecified');
  });
  it('a use of data for behavioural advertising beside it still counts', () => {
    expect(sale('We follow the Self-Regulatory Principles for Online Behavioral Advertising and use your browsing history to show you interest-based ads.')).toBe('allowed');
  });
});

describe('offshore_processing: "the United States and elsewhere"', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('data kept in the US and elsewhere goes beyond the US', () => {
    expect(off('Our hosting partners may store and process account data in the USA and elsewhere on our behalf.')).toBe('yes');
  });
  it('laws in force elsewhere, or places inside one state, are no processing abroad', () => {
    expect(off('The Service is protected by copyright laws in the United States and elsewhere.')).toBe('unspecified');
    expect(off('Our processors may store your information in Denver and elsewhere in Colorado.')).toBe('unspecified');
    expect(off('Posts you share on social networks may be kept on their servers, which may be in the U.S. or elsewhere.')).toBe('unspecified');
  });
});
