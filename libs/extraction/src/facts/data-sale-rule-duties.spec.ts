import { factOf } from '../testing/fact-of.js';

// data_sale_or_marketing (README: allowed when personal data may be sold or used for marketing or targeted advertising):
// ad-network and app-store policies talk about advertising as what their advertisers, publishers and buyers must do, and
// as the topic of the laws and policies those parties must follow. Neither states the vendor's use of the reader's data.
const sale = (t: string) => factOf('data_sale_or_marketing', t);

describe('data_sale_or_marketing: a governed party\'s duty is theirs', () => {
  it('advertisers, buyers or publishers who must do something about their ads', () => {
    expect(sale('Advertisers that engage in behavioral advertising must also provide consumers with the ability to opt out of such targeted advertising.')).toBe('unspecified');
    expect(sale('All buyers purchasing inventory for the display of political ads through the platform will be obligated to include a political ad icon within those advertisements.')).toBe('unspecified');
    expect(sale('We require all our advertisers to follow local legal requirements when using our products, including any regulations on advertising to users under age 18.')).toBe('unspecified');
  });
  it('an item of a list whose lead-in ends on a publisher\'s duty', () => {
    expect(sale('If publishers collect precise location data, then Publishers must:\n* disclose to the user the purposes for which their data may be used (including ad personalization and analytics);\n* obtain express consent.')).toBe('unspecified');
  });
  it('near misses: the vendor\'s own practice beside or after another party\'s duty', () => {
    expect(sale('Publishers we work with show you targeted ads, and advertisers must comply with our rules.')).toBe('allowed');
    expect(sale('We require our partners to honour opt-outs, and we show you personalized ads based on your activity.')).toBe('allowed');
    expect(sale('Advertisers may show you targeted ads based on your browsing on our site.')).toBe('allowed');
    expect(sale('We may use your information to show you ads on other websites.')).toBe('allowed');
  });
  it('near misses: the vendor acting in the same clause as a party\'s duty, before or after it', () => {
    expect(sale('We require all our advertisers to honour opt-outs and we sell your personal information to advertisers.')).toBe('allowed');
    expect(sale('Advertisers must honour opt-outs, and we sell your personal information to advertisers.')).toBe('allowed');
    expect(sale('Advertisers to whom we sell your personal information must honour your opt-out.')).toBe('allowed');
    expect(sale('Advertisers with whom we share your personal information must use it only to show you targeted ads.')).toBe('allowed');
  });
  it('near miss: the vendor\'s requirement and its sale in one paragraph', () => {
    expect(sale('We require our advertisers to honour opt-outs. We sell your personal information to advertisers.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: advertising named as the topic of a rule', () => {
  it('laws or policies that relate to, apply to or govern targeted advertising', () => {
    expect(sale('Your use of our services must comply with all laws, rules, and regulations that relate to the placement of ads through online behavioral advertising.')).toBe('unspecified');
    expect(sale('Examples of irresponsible data collection include violations of our policies that apply to interest-based advertising and remarketing.')).toBe('unspecified');
    expect(sale('Note: Additional policies apply when using personalized advertising, which includes remarketing and custom audiences.')).toBe('unspecified');
    expect(sale('Every ad must comply with all laws that relate to online behavioral advertising; the Australian Digital Advertising Alliance’s Best Practice Guideline for Online Behavioural Advertising; and the IAB Framework for Online Behavioral Advertising.')).toBe('unspecified');
  });
  it('near misses: the vendor\'s own clause after the rule\'s name states its practice', () => {
    expect(sale('Under our policy regarding cookies, we use your data for targeted advertising.')).toBe('allowed');
    expect(sale('Under our policy on cookies, we use your data for targeted advertising.')).toBe('allowed');
    expect(sale('We comply with all laws that relate to marketing, and we send you promotional emails.')).toBe('allowed');
    expect(sale('Where state laws that apply to targeted advertising allow it, we use your data for targeted advertising.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: a content licence passed on to those who run the service is no sale', () => {
  it('sub-licensing content to service providers that help provide the platform', () => {
    expect(sale('* sub-licensable (this means we can license your content to others, e.g. to service providers that help us to provide the Platform or to trusted third parties that have entered into agreements with us to operate the Platform); and')).toBe('unspecified');
  });
  it('near misses: data licensed out to third parties, for a fee or to market their products', () => {
    expect(sale('We may license your personal data to third parties for a fee.')).toBe('allowed');
    expect(sale('We can license your content to others, including advertisers, to market their products.')).toBe('allowed');
    expect(sale('We may license Contributed Data, in identifiable or de-identified form, to third parties such as insurers and researchers.')).toBe('allowed');
  });
});
