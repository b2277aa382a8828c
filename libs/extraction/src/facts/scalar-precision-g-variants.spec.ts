import { factOf } from '../testing/fact-of.js';

// Variants of the scalar-precision-g rules (issue 7 review): the vendor as the subject of a title-case refusal, a
// refusal to share beside the refused sale, a sale only supposed under a condition, statistics from trackers put to a
// use beyond the site, and a flow-down whose contract and purpose limit stand in two sentences of one paragraph.
// Sentences are written for the spec.
const deid = (text: string) => factOf('deidentified_data_use', text);
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('data_sale_or_marketing: title case, refused sharing, conditions', () => {
  it('a heading in title case with the vendor as subject is a refusal, not the name of a request', () => {
    expect(sale('We Do Not Sell Your Personal Information.')).toBe('prohibited');
    expect(sale("We Don't Sell Your Data.")).toBe('prohibited');
  });
  it('a refusal to share beside the refused sale concedes no sharing', () => {
    expect(sale('We do not sell your personal data, but we do not share it either.')).toBe('prohibited');
  });
  it('a sale supposed under a condition is not conceded', () => {
    expect(sale('If any of our disclosures could be considered a sale, you can opt out.')).toBe('unspecified');
    expect(sale('Whether these transfers may constitute a "sale" depends on state law.')).toBe('unspecified');
  });
  it('a practice stated before a semicolon is read though a right to ask follows it', () => {
    expect(sale('We share your personal information with third parties for their direct marketing purposes; you may request information about our disclosures.')).toBe('allowed');
  });
});

describe('deidentified_data_use: statistics from trackers used beyond the site', () => {
  it('given to others, or used for marketing or to train models, they are a use of aggregated data', () => {
    expect(deid('We use cookies to compile aggregated statistics about usage of the site, which we may make available to third parties.')).toBe('allowed');
    expect(deid('Aggregated data from cookies is used to understand the performance of our products and may be transferred to our affiliates.')).toBe('allowed');
    expect(deid('We may use aggregated and de-identified customer data, including information collected through cookies, to analyze how users interact with the Services and to train our models.')).toBe('allowed');
  });
  it('third-party services that measure are tools, not recipients', () => {
    expect(deid('We may use cookies, clear GIFs and third party services to help us understand in the aggregate how users engage with our products.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: agreements concluded with the providers, and their purpose limited in the next sentence', () => {
  it('a data processing agreement concluded with the agents and "for no other purposes" beside it is a flow-down', () => {
    expect(flow('The legal basis for this processing is Article 28 of GDPR in conjunction with the data processing agreements we concluded with our third-party service providers. These providers are only allowed to use the information shared with them for the specific tasks they have been hired to do, and for no other purposes.')).toBe('yes');
  });
  it('the agreement alone, or the purpose limit about someone else, is not', () => {
    expect(flow('The legal basis for this processing is Article 28 of GDPR in conjunction with the data processing agreements we concluded with our third-party service providers.')).toBe('unspecified');
    expect(flow('We concluded data processing agreements with our service providers. We use the information only for the purposes described in this policy, and for no other purposes.')).toBe('unspecified');
  });
});
