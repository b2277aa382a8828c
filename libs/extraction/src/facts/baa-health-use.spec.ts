import { factOf } from '../testing/fact-of.js';

const baa = (text: string) => factOf('baa_offered', text);

// README: `no` when submitted data must not include PHI. Not using the service to hold PHI is the same rule in other words.
describe('baa_offered: the user may not use the service to hold health data', () => {
  it('"you will not use … to create, receive, maintain or transmit any protected health information" is no', () => {
    expect(baa('You agree that you will not use any component, function or other facility of the Service to create, receive, maintain or transmit any protected health information.')).toBe('no');
  });
  it('the same use with a BAA as its condition is an offer, and another use is not about health data', () => {
    expect(baa('You will not use the Service to store or transmit protected health information unless you have signed our Business Associate Agreement.')).toBe('yes');
    expect(baa('You will not use the Service to send spam.')).toBe('unspecified');
  });
});

describe('baa_offered: the forbidden object must be the health data', () => {
  it('health wording in a clause joined after the prohibition is not what it forbids', () => {
    expect(baa('You will not use the Service to transmit malware or spam, and we treat any health information you submit as confidential.')).toBe('unspecified');
    expect(baa('You will not use the Service to store health information.')).toBe('no');
  });
  it('health data of one group of people only is a narrower rule than data that must not include health data (README)', () => {
    expect(baa('You will not use the Service to collect health information from children.')).toBe('unspecified');
  });
  it('a group named only as an example of the health data, or beside others, keeps the whole prohibition', () => {
    expect(baa('You must not upload any protected health information, including data about children.')).toBe('no');
    expect(baa('You must not upload protected health information about children or adults.')).toBe('no');
  });
});

// The imperative addressed to the reader is the user's duty, as "you must not" is (README: submitted data must not include PHI).
describe('baa_offered: an imperative that tells the user not to submit health data', () => {
  it('"Do not upload PHI", "Please do not submit … health information" are no', () => {
    expect(baa('Do not upload protected health information to the Service.')).toBe('no');
    expect(baa('Please do not submit any health or medical information through the Service.')).toBe('no');
  });
  it('not advice about public places, a BAA as its condition, nor the vendor\'s own refusal to share', () => {
    expect(baa('Do not post your medical information in public forums.')).toBe('unspecified');
    expect(baa('Do not upload PHI until you have signed our Business Associate Agreement.')).toBe('yes');
    expect(baa('We do not share health information with advertisers.')).toBe('unspecified');
  });
  it('sharing or disclosing is refused to the service only when the service or the vendor receives it', () => {
    expect(baa('Please do not share any health information with us.')).toBe('no');
    expect(baa('Never share your health information with anyone you do not trust.')).toBe('unspecified');
    expect(baa('Do not share your medical information with strangers.')).toBe('unspecified');
    expect(baa('Do Not Sell or Share My Health Data: you may ask us not to sell your consumer health data.')).toBe('unspecified');
    expect(baa('Do not disclose protected health information except as permitted by this Agreement.')).toBe('unspecified');
  });
});

// Gathering health data through the service ("solicit", "gather") puts it in the service as storing it does.
describe('baa_offered: the user may not use the service to gather health data', () => {
  it('"will not use the Site to solicit or gather … medical information" is no, another thing gathered is not', () => {
    expect(baa('Members agree that you will not use the Site to solicit or gather contact lists or any medical information of other members.')).toBe('no');
    expect(baa('You will not use the Site to solicit donations from other members.')).toBe('unspecified');
  });
});
