import { extractFacts } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';

// Session 35 (x35prec): false assertions found by hand on unlabelled OTA documents (fact-audit-sample seed 6113),
// fixed in the clause layer as rules a careful reader applies; each with a paraphrase and a near miss.
const sale = (t: string) => factOf('data_sale_or_marketing', t);
const flowdown = (t: string) => factOf('subcontractor_flowdown', t);
const law = (t: string) => factOf('law_enforcement_disclosure', t);
const ai = (t: string) => factOf('ai_training_on_customer_data', t);
const reviewOf = (fact: 'data_sale_or_marketing' | 'subcontractor_flowdown', t: string) =>
  (extractFacts(t).facts[fact] as { review?: { reason: string }[] }).review ?? [];

describe('an actorless rule among the reader\'s or governed parties\' duties is theirs (clauses/actor-readings governedRun)', () => {
  const developerRun = 'Unless otherwise permitted by law, you may not use, transmit, or share someone\'s personal data without first obtaining their permission. You must provide access to information about how and where the data will be used. You must clearly disclose where personal data will be shared with third parties. ';
  it('a developer guideline\'s passive permission to share for advertising: abstains, kept for review', () => {
    const t = developerRun + 'Data collected from apps may only be shared with third parties to improve the app or serve advertising.';
    expect(sale(t)).toBe('unspecified');
    expect(reviewOf('data_sale_or_marketing', t).some((r) => /actorless rule/.test(r.reason))).toBe(true);
  });
  it('paraphrase: publishers\' duties, then data from the ad code "may be used" for personalised ads', () => {
    expect(sale('Publishers must display a privacy notice. Publishers must obtain consent where the law requires it. Information collected through the ad code may be used to serve personalized advertising.')).toBe('unspecified');
  });
  it('paraphrase: imperatives to the developer, then a passive bar on marketing use is no vendor refusal', () => {
    const items = '* (iv) Do not use information from Contacts to build a contact database.\n* (v) Do not contact people using information collected via the Contacts API.\n';
    expect(sale(items + '* (vi) Data gathered from the Location API may not be used for marketing, advertising or use-based data mining, including by third parties.')).toBe('unspecified');
    expect(sale(items + '* (vi) Data gathered from the Location API may only be used to serve personalized advertising.')).toBe('unspecified');
  });
  it('paraphrase: providers of apps for kids "may be permitted" if they adhere to the same terms: no flow-down of the vendor', () => {
    expect(flowdown('Apps may ask for birthdate only to comply with these statutes, but must include some useful functionality. Apps intended primarily for kids should not include third-party analytics or third-party advertising. This provides a safer experience for kids. In limited cases, third-party analytics and third-party advertising may be permitted provided that the services adhere to the same terms set forth in Guideline 1.3.')).toBe('unspecified');
  });
  it('near misses: the vendor speaking in between, or the reader\'s own data named, keep the vendor\'s statement', () => {
    expect(sale('You must be at least 18 years old to use the Services. You must keep your password secret. We collect your email address. Personal data may be used to serve personalized advertising.')).toBe('allowed');
    expect(sale('You must be at least 18 years old to use the Services. You must keep your password secret. Your information may be used to serve personalized advertising.')).toBe('allowed');
    expect(sale('Publishers must display a privacy notice. Publishers must obtain consent where the law requires it. Acme may use information collected through the ad code to serve personalized advertising.')).toBe('allowed');
  });
});

describe('review (rev-x35prec): a bare word for data as the passive\'s subject stays the vendor\'s, after the reader\'s duties too', () => {
  const offshore = (t: string) => factOf('offshore_processing', t);
  const ret = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('near misses: terms of use or a BAA, the user\'s duties, then the vendor\'s own handling said without an actor', () => {
    expect(law('You must keep your password confidential. You must not share your account with anyone. Personal data may be disclosed to law enforcement in response to a subpoena or other legal request.')).toBe('any_legal_request');
    expect(law('Do not upload content you do not own. Do not harass other users. Information may be shared with government authorities where required by law.')).toBe('any_legal_request');
    expect(flowdown('You must not use the Services to store PHI unless you have signed a BAA. You must configure access controls for your workforce. PHI may be disclosed to subcontractors only if they agree in writing to the same restrictions and conditions that apply to Business Associate.')).toBe('yes');
    expect(offshore('You must comply with all applicable export control laws. You may not use the Services in any embargoed country. Personal data may be transferred to and processed in countries outside the European Economic Area.')).toBe('yes');
    expect(ret('You should export any content you wish to keep. You must download your records before the end of the term. Customer Data shall be deleted within 30 days after termination.')).toBe('yes');
  });
  it('paraphrases: data named by the governed party\'s source (its SDK, its extension, an API it calls) is theirs', () => {
    expect(sale('Developers must publish a privacy policy. Developers must obtain user consent before collecting location. Data obtained through the SDK may not be sold to data brokers.')).toBe('unspecified');
    expect(law('Your app must include a privacy policy. Your app must not collect data without consent. Information gathered by the extension may be disclosed to authorities only where required by law.')).toBe('unspecified');
    expect(ai('Advertisers must comply with the ad policies. Advertisers must not target minors. Data received from the Marketing API may not be used to train machine learning models.')).toBe('unspecified');
  });
});

describe('"access to" withdrawn or restored is the availability of content, not a disclosure (clauses/vocabulary-senses)', () => {
  it('a copyright counter-notice: access re-enabled unless the complainant seeks a court order', () => {
    expect(law('Unless we receive further notice from the original complaining party that it has filed an action seeking a court order to restrain the allegedly infringing activity, we may replace or re-enable access to the allegedly infringing content ten business days after the date on which we received the valid counter-request.')).toBe('unspecified');
  });
  it('paraphrases: access removed, restricted or restored where the law requires', () => {
    expect(law('We can take action against User Content where we are required by law, such as by removing, restricting, or limiting access to the content.')).toBe('unspecified');
    expect(law('If the claimant does not tell us within ten days that it has sued for a court order, we will restore access to the removed material.')).toBe('unspecified');
  });
  it('near misses: access given to an authority is a disclosure', () => {
    expect(law('We may provide access to your account data to law enforcement in response to a court order or subpoena.')).toBe('any_legal_request');
    expect(law('We may grant access to your information to government authorities where required by law.')).toBe('any_legal_request');
  });
});

describe('ai_training: a refusal "without X\'s permission" names X by a possessive noun too', () => {
  it('opt_in when the one who consents is "that Artist" or "each Member"', () => {
    expect(ai('Bandcamp will not use, and will not permit others to use, any Artist\'s Music to train models to generate sound recordings, without that Artist\'s express permission.')).toBe('opt_in');
    expect(ai('We will not use uploaded recordings to train machine learning models without each Member\'s prior consent.')).toBe('opt_in');
  });
  it('near miss: consent that excepts another act joined after the refusal leaves the refusal', () => {
    expect(ai('We will not use your content to train machine learning models, and we will not share it without the Member\'s consent.')).toBe('prohibited');
  });
});
