import { factOf } from '../testing/fact-of.js';

// General precision rules of the scalar readers: a fact is asserted only when a clause of the vendor's own conduct
// supports it. Each case pairs the sentence that must not assert with one that still must.

describe('deidentified_data_use: the vendor\'s own use of de-identified data', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('another company\'s own use, or aggregated data a source supplies, is not the vendor\'s use', () => {
    expect(deid('These companies may use aggregated information about your visits to other websites to show you ads.')).toBe('unspecified');
    expect(deid('Data vendors and research institutes which may supply aggregated demographic data that we combine with account information.')).toBe('unspecified');
    expect(deid('We may use aggregated information about your visits to improve our services.')).toBe('allowed');
  });
  it('non-personal information sent to the vendor, with no use stated, is not the vendor\'s use', () => {
    expect(deid('Any non-personal information or material sent to Acme will generally be deemed not to be confidential.')).toBe('unspecified');
    expect(deid('Any non-personal information sent to us may be used by us for any purpose.')).toBe('allowed');
  });
  it('an anonymous identifier in a cookie is not de-identified data', () => {
    expect(deid('Cookies are small files which may include an anonymous unique identifier.')).toBe('unspecified');
    expect(deid('We may share anonymized usage data with our partners.')).toBe('allowed');
  });
  it('aggregated data that is only retained (the verb after a long subject) is no use', () => {
    expect(deid('Aggregated, non-identifiable statistics derived from our server logs may be retained indefinitely.')).toBe('unspecified');
    expect(deid('Aggregated, non-identifiable statistics derived from our server logs may be published in our reports.')).toBe('allowed');
  });
});

describe('offshore_processing: where the vendor keeps data, not where the user is', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('all data on the vendor\'s own systems in the US is confined to the US', () => {
    expect(off('All information you submit will be processed and maintained on our servers located within the United States.')).toBe('no');
    expect(off('All information you submit will be processed and maintained on our servers located within the United States and in India.')).not.toBe('no');
  });
  it('a visitor abroad, or a user travelling with the app, is not a transfer abroad', () => {
    expect(off('If you are visiting the Site from a location outside of the United States, your connection goes to our servers.')).toBe('unspecified');
    expect(off('Users of the Site located in countries outside of the United States consent to the transfer of their data to the United States.')).toBe('unspecified');
    expect(off('When using the app in a foreign country, the user may be charged roaming costs by their carrier.')).toBe('unspecified');
    expect(off('We may transfer your personal data to servers in other countries.')).toBe('yes');
  });
});

describe('law_enforcement_disclosure: the vendor\'s own posture on legal demands', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('a court order in a list that goes on to the law or an agency is not judicial-only', () => {
    expect(le('The recipient may disclose Confidential Information when required by court order, law or governmental agency.')).toBe('any_legal_request');
    expect(le('We will only disclose content in response to a search warrant or court order.')).toBe('judicial_process_only');
  });
  it('"judicial order, requirement of a governmental agency" is a list that goes on past the court', () => {
    expect(le('We may disclose personal data pursuant to a judicial order, requirement of a governmental agency or by operation of law.')).not.toBe('judicial_process_only');
  });
  it('instruments refused as a list share the refusal', () => {
    expect(le('We may ask for your consent to disclose information when an agency has not provided a subpoena, court order, or search warrant.')).not.toBe('judicial_process_only');
  });
  it('providers barred from disclosing except for legal requirements are no vendor posture', () => {
    expect(le('Service providers are not authorized to use or disclose your information except to comply with legal requirements.')).toBe('unspecified');
    expect(le('We may disclose your information to comply with legal requirements.')).toBe('any_legal_request');
  });
  it('a collective alias of providers does not make them the vendor', () => {
    const text = 'We share your information with contractors and service providers (collectively, "Service Providers") who help us. Service Providers are not authorized to disclose your information except to comply with legal requirements.';
    expect(le(text)).toBe('unspecified');
  });
  it('a consequence ("may give rise to legal proceedings"), the service made available, and another\'s act are no disclosure', () => {
    expect(le('Any copying of the content is prohibited without our written authorization and may give rise to legal proceedings.')).toBe('unspecified');
    expect(le('To make the Website and Services available to you, or to meet a legal obligation, we may collect and use personal information.')).toBe('unspecified');
    expect(le('The decision rests on the proof given by the author of the report, in compliance with our legal obligations.')).toBe('unspecified');
    expect(le('Information may be provided if it is required to be provided by judicial or other government authorities.')).toBe('any_legal_request');
  });
});

describe('data_sale_or_marketing: advertising on the person\'s data, not on the page', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('contextual advertising, or ads about what one searches for, is no targeted use', () => {
    expect(sale('For example, if you search for bikes, we will show you ads about bikes.')).toBe('unspecified');
    expect(sale('We may share device identifiers with our providers, but only to support the site or to serve contextual advertising.')).toBe('unspecified');
    expect(sale('We may use your information to show you ads on other websites.')).toBe('allowed');
  });
  it('a refusal to serve targeted advertising is a prohibition', () => {
    expect(sale('We and our providers do not use persistent identifiers to serve targeted advertising to our users.')).toBe('prohibited');
  });
  it('marketing with the vendor\'s brand features uses no data', () => {
    expect(sale('Acme grants the Developer a license to use the Acme Brand Features solely for marketing purposes.')).toBe('unspecified');
    expect(sale('We may use your contact details for our own marketing purposes.')).toBe('allowed');
  });
});

describe('baa_offered: an explicit refusal outweighs a BAA named only as a condition', () => {
  const baa = (t: string) => factOf('baa_offered', t);
  it('"unless … an executed BAA" in the customer\'s prohibition loses to "will not be able to execute a BAA"', () => {
    const condition = 'The Customer will not, and will not permit third parties under its control to, send regulated records to the Service unless it has our prior written consent (such as a signed HIPAA Business Associate Agreement covering the Service).';
    expect(baa(condition)).toBe('yes');
    expect(baa(`${condition} From March 1, 2023 the Customer will not be able to execute a HIPAA Business Associate Agreement for the Service.`)).toBe('no');
  });
});

describe('return_or_destroy_on_termination: a possible consequence is no discretion', () => {
  const ret = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('"may be deleted" in the passive, and removal as a sanction, give no answer', () => {
    expect(ret('If your plan is terminated, you may lose access to your files and your files may be deleted under our retention policies.')).toBe('unspecified');
    expect(ret('We may, in our sole discretion, terminate your use of the Site or remove any content stored on it for any reason.')).toBe('unspecified');
    expect(ret('When the Agreement ends, we may delete Customer Data after a commercially reasonable period.')).toBe('no');
    expect(ret('Upon termination of the Agreement, we will delete all Customer Data.')).toBe('yes');
  });
});

describe('return_or_destroy_on_termination: "if this Agreement terminates" is the end, not a request', () => {
  const ret = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('a list of effects of termination with one item "upon request"', () => {
    expect(ret('If this Agreement terminates, then: (a) the licences end; (b) after a reasonable period we will delete Customer Data; and (c) upon request each party will return the other party\'s confidential information.')).toBe('yes');
    expect(ret('Upon your request, we will delete your data.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: kept until the account is deleted', () => {
  const ret = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('"we keep some data until you delete your account" is delayed deletion; "even after" is not', () => {
    expect(ret('We keep some data until you delete your Acme Account, such as how often you use our services.')).toBe('yes');
    expect(ret('We keep your data indefinitely, even after you close your account.')).toBe('no');
  });
});

describe('breach_notice_days: the deadline\'s own table cell must speak of notice', () => {
  const breach = (t: string) => factOf('breach_notice_days', t);
  it('a retention period in a row about security incidents is no notice deadline', () => {
    expect(breach('| Detect security incidents and report those responsible | Up to 6 years from date of collection |')).toBeNull();
    expect(breach('| Security incident | We will notify you within 72 hours |')).toBe(3);
  });
});

describe('subcontractor_flowdown: providers bound to the vendor\'s standard', () => {
  const flow = (t: string) => factOf('subcontractor_flowdown', t);
  it('"required to do so by law" and protecting the vendor\'s property are no binding of providers', () => {
    expect(flow('Other than to employees and contractors, we disclose personal information only when required to do so by law, or when necessary to protect the property or rights of us or the public.')).toBe('unspecified');
    expect(flow('Our contractors are required by contract to keep your data confidential and to use it only on our behalf.')).toBe('yes');
  });
  it('the customer appointing the vendor as its agent binds no provider', () => {
    expect(flow('You appoint Acme as your agent or marketplace service provider, subject to the terms and conditions of this Agreement.')).toBe('unspecified');
  });
  it('a license the customer grants the vendor\'s group binds no provider', () => {
    expect(flow('Subject to the terms of this Agreement, the Developer grants to Acme and its affiliates a limited license to distribute the Products.')).toBe('unspecified');
  });
  it('processing "based on our instructions and in compliance with our policy", or agreeing to abide by our policies', () => {
    expect(flow('We may give personal information to our affiliates or other trusted companies to process it for us, based on our instructions and in compliance with our Privacy Policy.')).toBe('yes');
    expect(flow('We share data with service providers who agree to abide by our policies with respect to personal information.')).toBe('yes');
    expect(flow('We share data with service providers who have their own privacy policies.')).toBe('unspecified');
  });
  it('"similar security and confidentiality measures" is the vendor\'s standard, unless it is a transfer\'s safeguard', () => {
    expect(flow('We require service providers acting on our behalf to provide similar security and confidentiality measures.')).toBe('yes');
    expect(flow('Any such recipients will be bound to comply with standard contractual clauses or equivalent data protection safeguards for transfers outside the EEA.')).not.toBe('yes');
  });
});

describe('offshore_processing: more ways of saying data goes abroad', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('sharing with group companies based abroad, "various countries around the globe", "countries other than"', () => {
    expect(off('We share your personal information with the companies of our group based in Luxembourg and Hungary, which help us run the service.')).toBe('yes');
    expect(off('Your information may be stored and processed in our facilities in various countries around the globe, including the United States.')).toBe('yes');
    expect(off('We may transfer your email address to countries other than the country in which it was received.')).toBe('yes');
    expect(off('We share your personal information with our service providers, who help us run the service.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: offers and promotions sent to the person', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('notifying of special offers, e-mail promotions, the vendor\'s offers', () => {
    expect(sale('We may use your information to notify you of changes to our services and of special offers.')).toBe('allowed');
    expect(sale('We share your profile information with our partners so that they can send you email promotions.')).toBe('allowed');
    expect(sale('We may use your email address to send you updates, newsletters, or Acme offers.')).toBe('allowed');
    expect(sale('We will notify you of changes to the plan you have purchased.')).toBe('unspecified');
  });
});

describe('offshore_processing: the home country of a vendor that is neither American nor European', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('servers in the vendor\'s own country are home ground, not abroad', () => {
    expect(off('The forum is run by Maple Web, a Canadian not-for-profit corporation. The forum runs on dedicated servers located in Canada.')).toBe('no');
    expect(off('These Terms are governed by the laws of England and Wales. The data you submit will be stored in the UK.')).toBe('no');
    expect(off('These Terms are governed by the laws of England and Wales. We may transfer your data to India.')).toBe('yes');
    expect(off('The forum runs on dedicated servers located in Canada.')).toBe('yes');
  });
  it('the portability of a subscription during temporary stays abroad is no transfer', () => {
    expect(off('Under the EU rules on cross-border portability of online content services, a subscriber keeps access to the catalogue during temporary stays in another Member State.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: the items of an inline list of exceptions', () => {
  const le = (t: string) => factOf('law_enforcement_disclosure', t);
  it('an item after ";" takes the refused disclosure of the first clause, as one of its exceptions', () => {
    expect(le('We will not share your personal information except (a) with your consent; (b) as may be required by law, such as in response to a subpoena or a police request; (c) with our service providers.')).toBe('any_legal_request');
    expect(le('We will not share your information except (a) with your consent; (b) in response to a search warrant.')).toBe('judicial_process_only');
    expect(le('We will not share your information except (a) as required by law; (b) in response to a search warrant.')).toBe('any_legal_request');
  });
});

describe('record_ownership: the vendor disclaiming ownership in a list of verbs', () => {
  const own = (t: string) => factOf('record_ownership', t);
  it('"do not own, control, or make decisions about" the submitted data', () => {
    expect(own('We do not own, control, or make decisions about the submitted personal information, which we process only on your instructions.')).toBe('customer');
    expect(own('We do not own, operate or control the websites of third parties.')).toBe('unspecified');
  });
});

describe('precision guards found on unlabelled documents', () => {
  it('flow-down: enforcing the vendor\'s policies on users, and transfers to third countries, bind no provider', () => {
    const flow = (t: string) => factOf('subcontractor_flowdown', t);
    expect(flow('To resolve disputes and ensure compliance with our policies, Acme may ask for more information about the third parties you post for.')).toBe('unspecified');
    expect(flow('We may transfer personal data to third countries (countries found adequate, or companies that adhere to equivalent standards).')).toBe('unspecified');
  });
  // Guessed before any label spoke to it; the labels since read "a country different from yours" and "countries other than
  // the one in which you reside" as outside the home region for some users (OTA ASUS, fresh19; sony.com, fresh27), as
  // "outside the country in which you live" is read: the guard now keeps only where the user is.
  it('offshore: where the user resides is no destination, but countries other than it are', () => {
    const off = (t: string) => factOf('offshore_processing', t);
    expect(off('Your information may be transferred to and held in countries other than the one in which you reside.')).toBe('yes');
    expect(off('If you reside in a country other than the one in which our servers are located, please read this section.')).toBe('unspecified');
  });
});

describe('baa_offered: "do not add such information" after a definition naming health data', () => {
  const baa = (t: string) => factOf('baa_offered', t);
  it('the request refers back to sensitive data that includes health data', () => {
    expect(baa('Under the GDPR, sensitive information means data revealing ethnic origin, genetic data, or data concerning health. We recommend you do not add such information to our calendars.')).toBe('no');
    expect(baa('Sensitive data includes data concerning health. We process such data only with your consent.')).toBe('unspecified');
    expect(baa('We recommend you do not add sensitive information to our calendars.')).toBe('unspecified');
  });
});

describe('ai_training_on_customer_data: model development named as a purpose', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('"for process improvement and model development purposes", not business or data models', () => {
    expect(ai('Research and analytics for process improvement and model development purposes: your data may be used to improve our controls.')).toBe('allowed');
    expect(ai('We support business model development for our partners and improve our services.')).toBe('unspecified');
  });
});
