import { factOf } from '../testing/fact-of.js';
import { subprocessorNames } from '../testing/subprocessor-names.js';

// False assurances found in review: each counter-example, a second case of the same kind, and the sentence that must
// still assert. A review candidate leaves the fact unspecified (the readings' answer, before calibration).

describe('data_sale_or_marketing: a refusal is the vendor\'s own negated act, not any "not" nearby', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('a condition on the user ("if you do not opt out", "if you do not want") is no refusal', () => {
    expect(sale('If you do not opt out, we will serve you targeted advertising based on your activity.')).toBe('allowed');
    expect(sale('If you don\'t opt out, we may show you interest-based ads.')).toBe('allowed');
    expect(sale('If you do not want us to serve you personalized ads, you can turn them off in settings.')).not.toBe('prohibited');
    expect(sale('If you would rather not see targeted ads from us, you can change your ad settings.')).not.toBe('prohibited');
  });
  it('a refusal scoped to children is no refusal for everyone', () => {
    expect(sale('We do not use persistent identifiers to serve targeted advertising to children under 13.')).not.toBe('prohibited');
    expect(sale('We never serve personalized ads to users under the age of 16.')).not.toBe('prohibited');
    expect(sale('We do not sell the personal information of children under 16.')).not.toBe('prohibited');
    expect(sale('We do not sell your personal information, including information about children.')).toBe('prohibited');
  });
  it('the vendor refusing targeted advertising is still a refusal', () => {
    expect(sale('We do not serve targeted advertising.')).toBe('prohibited');
    expect(sale('We never use your data to serve you personalized ads.')).toBe('prohibited');
    expect(sale('This website is operated by Quizzly Inc. Quizzly, and the service providers that it works with, do not use persistent identifiers to serve targeted advertising to the users of this website.')).toBe('prohibited');
  });
  it('another organisation that "offers" something is not the vendor\'s offers', () => {
    expect(sale('We may contact you about your plan, including when Medicare offers a new enrollment period.')).not.toBe('allowed');
    expect(sale('We will notify you when Stripe offers new payment methods in your country.')).not.toBe('allowed');
    expect(sale('We may email you to inform you of special offers and Acme offers.')).toBe('allowed');
  });
  it('an example of a search does not make real targeted advertising contextual', () => {
    expect(sale('We use your browsing history to serve you targeted advertising, so if you search for shoes you may see shoe ads.')).toBe('allowed');
    expect(sale('We show interest-based ads based on your activity; for example, if you search for hotels, we show you hotel ads.')).toBe('allowed');
    expect(sale('If you search for cars, we will show you ads about cars.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: judicial-only needs the refused act to be disclosure in general', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('a refused sale or rental, with a court order among its exceptions, says nothing of disclosure', () => {
    expect(le('We will not sell your information except (a) with your consent; (b) in response to a court order.')).not.toBe('judicial_process_only');
    expect(le('We will not rent your data to anyone except (a) with your permission; (b) pursuant to a search warrant.')).not.toBe('judicial_process_only');
  });
  it('a refusal to share with one kind of recipient leaves disclosure to others open', () => {
    expect(le('We will not share your information with advertisers except (a) with your consent; (b) in response to a court order.')).not.toBe('judicial_process_only');
    expect(le('We will not disclose your data to marketers except (a) with your consent; (b) in response to a court order.')).not.toBe('judicial_process_only');
    expect(le('We will not share your information with advertisers except in response to a court order.')).not.toBe('judicial_process_only');
  });
  it('a general refusal to disclose with a judicial exception stays judicial', () => {
    expect(le('We will only disclose content in response to a search warrant or court order.')).toBe('judicial_process_only');
  });
  it('a list of grounds that goes on to an authority\'s request is not judicial-only', () => {
    expect(le('We will disclose your content only in response to a court order or other binding request of public authorities.')).not.toBe('judicial_process_only');
    expect(le('We only disclose data in response to a court order or a valid written demand from law enforcement agencies.')).not.toBe('judicial_process_only');
  });
});

describe('subprocessor_names: a feature of the vendor\'s product provided by another company is a recipient', () => {
  it('keeps the company behind a feature of "our app/platform/website"', () => {
    expect(subprocessorNames('# Sharing\n\nThe chat feature of our app is provided by Helpdeskly Inc. We share your messages with Helpdeskly Inc.\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^Helpdeskly/)]));
    expect(subprocessorNames('# Sharing\n\nVideo visits on our platform are provided by Streamora Inc., and we send your video and audio to Streamora Inc.\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^Streamora/)]));
    expect(subprocessorNames('# Sharing\n\nSome features of our website are run by Nimbusflare Inc. We send usage data to Nimbusflare Inc. to run them.\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^Nimbusflare/)]));
    expect(subprocessorNames('# Sharing\n\nThe maps in our app are provided by Mapline LLC. We share your location with Mapline LLC.\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^Mapline/)]));
  });
  it('still drops the entity the whole site is operated by', () => {
    const out = subprocessorNames('# About\n\nOur website is operated by Quillon Holding Co.\n\n# Sharing\n\nWe disclose data to Quillon Holding Co. and to our hosting provider Nimbusflare Inc. to run the service.\n');
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^Nimbusflare/)]));
    expect(out.some((n) => n.startsWith('Quillon'))).toBe(false);
  });
});

describe('subcontractor_flowdown: a description of providers\' measures is no binding', () => {
  const flow = (t: string) => factOf('subcontractor_flowdown', t);
  it('providers that "maintain similar measures" are not bound by the vendor', () => {
    expect(flow('Our service providers maintain similar security measures to protect your data.')).not.toBe('yes');
    expect(flow('Our vendors apply equivalent safeguards to your information.')).not.toBe('yes');
  });
  it('providers the vendor requires to keep its own standard are bound', () => {
    expect(flow('We require our service providers to maintain security measures no less protective than those in this policy.')).toBe('yes');
    expect(flow('We contractually require our service providers to apply the same safeguards to your data.')).toBe('yes');
  });
});

describe('deidentified_data_use: aggregated data the vendor gives a partner is the vendor\'s use', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('a partner\'s use of aggregated data the vendor provides it', () => {
    expect(deid('Our partners may use aggregated data that we provide to them for their own marketing.')).toBe('allowed');
    expect(deid('Advertisers may use aggregated statistics we share with them to measure their campaigns.')).toBe('allowed');
    expect(deid('These companies may use aggregated information about your visits to other websites to show you ads.')).toBe('unspecified');
  });
});
