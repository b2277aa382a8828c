import { factOf } from '../testing/fact-of.js';

// Precision causes found in the develop false positives (issue 7, xfp).
const de = (text: string) => factOf('deidentified_data_use', text);

describe('deidentified_data_use: anonymised data handed to the customer is the service, not the vendor\'s own use', () => {
  it('reports with anonymised insights given to the user', () => {
    expect(de('We will provide you with reports that contain Anonymized audience insights and campaign performance metrics ("Reports").')).toBe('unspecified');
  });
  it('still reads anonymised data shared with others or used by the vendor', () => {
    expect(de('We may provide our advertising partners with reports that contain anonymized audience insights.')).toBe('allowed');
    expect(de('We may use anonymized audience insights to improve our products.')).toBe('allowed');
    // The vendor's other clients are not the reader: access to aggregated data about members is the vendor's own use.
    expect(de('The Talent Insights Service provides customers self-serve on-demand access to aggregated Member profile data.')).toBe('allowed');
  });
});

describe('deidentified_data_use: the users the data is about, or cannot identify, receive nothing', () => {
  it('still reads aggregated data about users disclosed, and de-identified data that cannot identify you', () => {
    expect(de('We may disclose aggregated information about our users without restriction.')).toBe('allowed');
    expect(de('We may share information with others in an aggregated or de-identified form that does not reasonably identify you.')).toBe('allowed');
    expect(de('We may share information about you that has been aggregated or anonymized such that it cannot reasonably be used to identify you.')).toBe('allowed');
    expect(de('We will provide this information in a manner that is not identifiable to you.')).toBe('allowed');
  });
});

// Review of the xfp rule (revfp): reports to the reader, beside a use the vendor makes of the same data.
describe('deidentified_data_use: reports to the reader do not hide the vendor\'s own use named with them', () => {
  it('the vendor also uses or shares the anonymised data, in the same clause', () => {
    expect(de('We will provide you with reports that contain anonymized audience insights, and we may use such anonymized insights to improve our products.')).toBe('allowed');
    expect(de('We may provide you with anonymized reports and share anonymized data with advertisers.')).toBe('allowed');
    expect(de('We will provide you with reports containing aggregated, de-identified data, which we may also use for our own business purposes.')).toBe('allowed');
  });
  it('the contract\'s party named as the reader ("Customer", "Publisher") receives the reports as "you" does', () => {
    expect(de('Acme will provide Customer with reports that contain anonymized audience insights and campaign performance metrics.')).toBe('unspecified');
    expect(de('Acme will provide Publisher with reports that contain anonymized audience insights.')).toBe('unspecified');
    // Capitalised but plural: the vendor's clients in general.
    expect(de('The Talent Insights Service provides Customers with self-serve access to aggregated Member profile data.')).toBe('allowed');
  });
});

describe('deidentified_data_use: data given to those who work for the vendor is processing for the service', () => {
  it('non-identifying data shared with contractors acting on the vendor\'s behalf names no use of its own', () => {
    expect(de('Non-personally identifiable details from your visits may be disclosed to contractors who work on our behalf to run the website.')).toBe('unspecified');
  });
  it('still reads a purpose of the vendor\'s own, or sharing with others', () => {
    expect(de('We may disclose aggregated usage figures to contractors who act on our behalf to develop new products.')).toBe('allowed');
    expect(de('We may disclose aggregated usage figures to our sponsors.')).toBe('allowed');
  });
});

describe('deidentified_data_use: "cannot be used to identify" says what the data is', () => {
  it('a definition of non-identifying data refuses no use of it', () => {
    expect(de('Anonymous usage details cannot be used to identify or locate a particular visitor.')).not.toBe('prohibited');
  });
});

describe('deidentified_data_use: shared with those who work for the vendor and with others (review, revx7deid)', () => {
  it('another recipient coordinated after them is de-identified sharing', () => {
    expect(de('Aggregated usage figures may be shared with service providers who work on our behalf and with advertisers.')).toBe('allowed');
    expect(de('Aggregated usage figures may be disclosed to advertisers as well as to contractors who act on our behalf.')).toBe('allowed');
  });
});
