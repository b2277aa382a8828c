import { factOf } from '../testing/fact-of.js';

/**
 * Readings fixed after the ota-fresh33 misses and a hand-judged audit of unlabelled documents (issue 7, x34prec, seed
 * 2468): who wants an act, whose period ends, what "aggregate" qualifies, whose legal duty a disclosure serves, where data
 * comes from, and a noun compound read as an act. Sentences written for the project; each rule has a near miss that
 * still reads.
 */
const ret = (text: string) => factOf('return_or_destroy_on_termination', text);
const deid = (text: string) => factOf('deidentified_data_use', text);
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const le = (text: string) => factOf('law_enforcement_disclosure', text);
const off = (text: string) => factOf('offshore_processing', text);
const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('return_or_destroy_on_termination: a retention period\'s end and a user\'s wish are not the contract\'s end', () => {
  // "Following the end of the relevant retention period, we delete …" is not withdrawn (rev-x34prec): develop labels read
  // deletion at the end of a (statutory) retention period both ways, and the reading cost as many right answers as it saved.
  it('deletion when a retention period expires', () => {
    expect(ret('After the expiry of the retention period we delete the records.')).toBe('unspecified');
  });
  it('the end of the contract, or of a period that is the contract\'s own, still reads', () => {
    expect(ret('Following the termination of the agreement, we will delete your data.')).toBe('yes');
    expect(ret('At the end of the subscription period, we will delete your files.')).toBe('yes');
    expect(ret('At the end of the trial period, we delete your workspace.')).toBe('yes');
    // Not a retention period: the grace period after the person asked to leave ends with the account.
    expect(ret('You may come back within 30 days of asking to leave. At the end of that period, your account will be deleted. We will delete your data as soon as we reasonably can.')).toBe('yes');
  });
  it('members who want to delete their account are pointed to a help page: their wish, not the vendor deleting', () => {
    expect(ret('Hosts who wish to delete their account and personal data should read the account help article for more details.')).toBe('unspecified');
      });
  it('the vendor deleting after the user\'s wish still reads', () => {
    expect(ret('If you want to close your account, we will delete your data within 30 days of the closure.')).toBe('yes');
  });
});

describe('deidentified_data_use: aggregate scores and data only kept in anonymous form', () => {
  it('an aggregate rating shown for products is no de-identified data', () => {
    expect(deid('We may use reviews you post to build aggregate ratings, rank listings and improve our shop.')).toBe('unspecified');
    expect(deid('Your ratings are combined into aggregate scores and used to improve our catalogue.')).toBe('unspecified');
  });
  it('aggregated ratings data or statistics shared still read', () => {
    expect(deid('We may share aggregate ratings data with partners for research.')).toBe('allowed');
    expect(deid('We share aggregated statistics with advertisers.')).toBe('allowed');
  });
  it('data kept in anonymous form with no use named is a retention statement', () => {
    expect(deid('We may also save certain details in an anonymous form beyond this point.')).toBe('unspecified');
  });
  it('kept in that form and used for the vendor\'s own ends still reads', () => {
    expect(deid('We may keep your data in an anonymised form and use it to improve our services.')).toBe('allowed');
    expect(deid('We may retain your information in aggregated form for analytics and research.')).toBe('allowed');
    expect(deid('To the extent we process deidentified information, we will maintain and use that information in deidentified form and will not attempt to reidentify it.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: "email marketing" as a kind of marketing, not the vendor sending it', () => {
  it('what the service is for, set against email marketing, refuses no use of data', () => {
    expect(sale('The platform is built for long-form journalism, not conventional email marketing or text marketing.')).toBe('unspecified');
  });
  it('the vendor refusing to send or email marketing still reads', () => {
    expect(sale('We will never send you marketing emails.')).toBe('prohibited');
    expect(sale('We will not email you promotional offers.')).toBe('prohibited');
  });
});

describe('law_enforcement_disclosure: the law as another party\'s duty or as how data became public', () => {
  it('details given to a provider for its own compliance with the law it is subject to', () => {
    expect(le('We pass the needed details to PayCo so it can meet the legal obligations to which PayCo is subject.')).toBe('unspecified');
    expect(le('We give the card network the information required for their compliance with legal obligations.')).toBe('unspecified');
  });
  it('data that was already made public, e.g. through filings the law requires', () => {
    expect(le('The listed records have previously been made available to the general public, for instance through legally required public filings.')).toBe('unspecified');
  });
  it('the vendor disclosing as the law requires still reads, also under its own obligations', () => {
    expect(le('We may disclose your information to third parties where required by law.')).toBe('any_legal_request');
    expect(le('We will disclose your data to the police when required to do so by the legal obligations to which we are subject.')).toBe('any_legal_request');
  });
  it('the vendor\'s own duty in the third person or by its role still reads (review, rev-x34prec)', () => {
    expect(le('Acme may disclose personal data where necessary to comply with its legal obligations.')).toBe('any_legal_request');
    expect(le('We may disclose your data where necessary for compliance with a legal obligation to which the controller is subject.')).toBe('any_legal_request');
    expect(le('We disclose personal data where this is necessary to fulfil legal obligations to which the Company is subject.')).toBe('any_legal_request');
  });
});

describe('offshore_processing: a source credited for data the product shows is no data abroad', () => {
  it('an attribution of map or address data from a foreign agency', () => {
    expect(off('Contains information from Geocodes accessed from Singapore Land Authority which is made available under the Singapore Open Data Licence.')).toBe('unspecified');
  });
  it('a transfer abroad after the attribution, or on its own, still reads', () => {
    expect(off('Contains data from partners, and your data may be stored on servers in India.')).toBe('yes');
    expect(off('Your data may be processed in Singapore by our providers.')).toBe('yes');
  });
  it('a credit followed by where the data is kept still reads (review, rev-x34prec)', () => {
    expect(off('Contains data from our users, and is stored in Singapore.')).toBe('yes');
    expect(off('Includes information from your device, which we store on servers in India.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: SCCs for a transfer to a third country are a transfer mechanism', () => {
  it('safeguards such as the SCCs in contracts with a sub-processor abroad', () => {
    expect(flow('When we send personal data to a third country through a sub-processor, we ensure the transfer only happens with adequate safeguards, such as the 2021 SCCs in our contracts with that sub-processor.')).toBe('unspecified');
  });
  it('sub-processors bound to the vendor\'s own terms still read', () => {
    expect(flow('We enter into a written agreement with each sub-processor imposing data protection terms no less protective than those in this DPA.')).toBe('yes');
  });
});
