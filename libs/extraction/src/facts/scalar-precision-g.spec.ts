import { factOf } from '../testing/fact-of.js';

// False alarms of the scalar facts read on develop (issue 7): clauses a careful reader would strike, because of who acts,
// what the object is, or that the sentence states a right or a name rather than a practice. Each with the look-alike that
// must still be read. Sentences are written for the spec.
const deid = (text: string) => factOf('deidentified_data_use', text);
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const own = (text: string) => factOf('record_ownership', text);
const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('deidentified_data_use: statistics about the site\'s own use, made from trackers', () => {
  it('web analytics from cookies describe the trackers, not a use of de-identified data', () => {
    expect(deid('Our cookies remember your visit and we use the information to create aggregated anonymized statistics about usage of the site.')).toBe('unspecified');
    expect(deid('The aggregated data from these cookies is only used to improve the functioning of our website.')).toBe('unspecified');
    expect(deid('We may use cookies and clear GIFs to help us understand in the aggregate how users engage with our products.')).toBe('unspecified');
  });
  it('still read when the statistics are shared, or the data is not the trackers\'', () => {
    expect(deid('We use cookies to create aggregated statistics about usage of the site, which we share with our advertising partners.')).toBe('allowed');
    expect(deid('We may use aggregated, de-identified information about how users use the Services for any purpose.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: rights stated, names of requests, and what the user may not sell', () => {
  it('a right to object for certain purposes or to ask about disclosures states no marketing', () => {
    expect(sale('Objection: You can contact us to let us know that you object to the further use or disclosure of your personal data for certain purposes, such as for direct marketing purposes.')).toBe('unspecified');
    expect(sale('California law requires us to inform California residents that they may request information from us about our disclosures to third parties for their direct marketing purposes.')).toBe('unspecified');
  });
  it('an objection to marketing the vendor says it sends still tells that it sends it', () => {
    expect(sale('You have the right to object to the processing of your data (in particular regarding us sending you direct marketing messages).')).toBe('allowed');
  });
  it('the product licensed, not sold, and what the user is not entitled to sell, are no refusal of a data sale', () => {
    expect(sale('The Content and Services are licensed, not sold.')).toBe('unspecified');
    expect(sale('You are entitled to use the Content for your own personal use, but you are not entitled to sell or transfer reproductions of the Content to other parties.')).toBe('unspecified');
    expect(sale('We do not sell your personal data.')).toBe('prohibited');
  });
  it('a request named in title case is no refusal; a sale conceded under the law is a sale', () => {
    expect(sale('You can exercise this right by contacting us with the subject line "Nevada Do Not Sell Request" and your name and email address.')).toBe('unspecified');
    expect(sale('Depending on state laws that may apply to you, some of these disclosures may constitute a "sale" of your personal data.')).toBe('allowed');
  });
  it('a refused sale with a right not to have the data shared offered in the same sentence is not a prohibition', () => {
    expect(sale('Please note we do not sell your personal data but if you wish to exercise your Do Not Share rights, you can adjust your preferences.')).toBe('unspecified');
  });
});

describe('record_ownership: what the customer\'s licence does not give', () => {
  it('a licence conferring no ownership of the vendor\'s content is not the vendor disclaiming the records', () => {
    expect(own('Your license confers no title or ownership in the Content and Services.')).toBe('unspecified');
    expect(own('We do not claim ownership of your content.')).toBe('customer');
  });
});

describe('subcontractor_flowdown: unnamed protective restrictions, and purpose limits in other words', () => {
  it('restrictions intended to protect the data, with no purpose limit, are not a flow-down', () => {
    expect(flow('These third parties may have limited access to user information to help us provide the Services, and they will be subject to contractual restrictions and organizational safeguards intended to protect your information.')).toBe('unspecified');
  });
  it('confidentiality with need-to-know access, or with other uses prohibited, is one', () => {
    expect(flow('We restrict access to your personal data on a need-to-know basis for our service providers who are subject to strict contractual confidentiality obligations.')).toBe('yes');
    expect(flow('These vendors can access personal data subject to contractual requirements for protecting personal data and prohibiting them from using personal data for any purpose other than to provide services to us.')).toBe('yes');
  });
});
