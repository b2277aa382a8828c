import { extractFacts } from '../extract-facts.js';
import { factContext } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';

// Readings added after the misses of ota-fresh30 and ota-fresh31 were read (issue 7, when they left the unseen pool):
// each a wording a careful reader applies to the next document too, with the look-alikes that must stay as they were.
// Sentences are written for the spec.
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const flow = (text: string) => factOf('subcontractor_flowdown', text);
const deid = (text: string) => factOf('deidentified_data_use', text);
const rd = (text: string) => factOf('return_or_destroy_on_termination', text);
const off = (text: string) => factOf('offshore_processing', text);
const le = (text: string) => factOf('law_enforcement_disclosure', text);
// One sentence after a vendor named as "we", so that the refusal is the vendor's.
const acme = (t: string) => sale(`Acme Inc. ("Acme", "we") runs the site.\n\n${t}`);
const reviewOf = (name: 'data_sale_or_marketing' | 'deidentified_data_use' | 'return_or_destroy_on_termination', text: string) =>
  (extractFacts(text, { uncalibrated: true }).facts[name].review ?? []).map((r) => r.value);

describe('data_sale_or_marketing: the words of ads and marketing', () => {
  it('British "adverts", the noun "ad targeting", unsubscribing from receiving marketing material', () => {
    expect(sale('They may be used to build a profile of your interests and show you relevant adverts on other websites you visit.')).toBe('allowed');
    expect(sale('IDE | Advertising cookie used for user tracking and ad targeting purposes.')).toBe('allowed');
    expect(sale('We may send You messages regarding Your Account(s)’ security, marketing via SMS or e-mail.')).toBe('allowed');
    expect(sale('You will always be given the option to unsubscribe from receiving any marketing material from Us.')).toBe('allowed');
  });
  it('not the customer\'s own duty, nor ads refused', () => {
    expect(sale('You will not use the Services to send marketing material to people who did not agree to receive it.')).toBe('unspecified');
    expect(sale('We do not use your data for ad targeting.')).not.toBe('allowed');
    // "ad targeting" as a topic, not a purpose the data serves; the person given the means to send is still the sender.
    expect(sale('The advertiser is responsible for its ad targeting choices.')).toBe('unspecified');
    expect(sale('Ad targeting based on sensitive categories is prohibited under our advertising policies.')).toBe('unspecified');
    expect(sale('You will be given the option to send marketing material to your customers.')).toBe('unspecified');
    expect(sale('You will be provided with tools to send your customer(s) marketing emails.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: a refusal to pass the data to third parties at all', () => {
  it('the vendor or the parties of a mutual clause bar any sharing, legal compulsion at most excepted', () => {
    expect(sale('Acme Inc. ("Acme", "we") runs the site.\n\nAcme will not share this information with any third party.')).toBe('prohibited');
    expect(sale('We don\'t share any personal information with third parties, except when required to by a subpoena or valid court order.')).toBe('prohibited');
    expect(sale('The parties process the personal data exclusively within the scope of the contract and are not entitled to pass it on to third parties.')).toBe('prohibited');
  });
  it('not a bar with exceptions for others, for one purpose only, or the person\'s own sharing', () => {
    expect(sale('We do not share your personal information with third parties except our service providers.')).toBe('unspecified');
    expect(sale('We do not share your personal information with third parties for their own purposes.')).toBe('unspecified');
    expect(sale('We are not responsible for information you share with third parties.')).toBe('unspecified');
    expect(sale('You will not share your password with any third party.')).toBe('unspecified');
  });
  it('not with any wider exception among legal ones, before the refusal or in the sentence after', () => {
    expect(acme('We do not disclose personal information to third parties, except as required by law or to our vendors who process it on our behalf.')).toBe('unspecified');
    expect(acme('We do not share your personal information with third parties unless required by law or with your consent.')).toBe('unspecified');
    expect(acme('We do not share personal information with third parties except when required by a subpoena or in connection with a business transfer.')).toBe('unspecified');
    expect(acme('Except as described below, we do not share your personal information with third parties.')).toBe('unspecified');
    expect(acme('Other than as set out in this policy, we will not disclose your information to third parties.')).toBe('unspecified');
    expect(acme('With the exception of our advertising partners, we do not share any data with any third party.')).toBe('unspecified');
    expect(acme('We do not share your personal information with third parties. However, we may share it with our affiliates and service providers.')).toBe('unspecified');
    expect(acme('Except as required by law, we do not share your personal information with third parties.')).toBe('prohibited');
  });
  it('not what the person discloses, nor a party\'s Confidential Information', () => {
    expect(acme('We cannot guarantee that information you disclose to third parties will remain private.')).toBe('unspecified');
    expect(acme('Each party shall not disclose the other party\'s Confidential Information to any third party.')).toBe('unspecified');
  });
  it('a permission to market elsewhere still wins', () => {
    expect(sale('We will not share your information with any third party. We may send you promotional emails.')).toBe('allowed');
  });
});

describe('subcontractor_flowdown: who binds, and a comparison negated', () => {
  it('providers the customer engages and binds are the customer\'s duty', () => {
    expect(flow('Licensor agrees that Publisher may retain third parties as sub-processors having imposed on such Sub-Processors the same data protection obligations as are imposed on Publisher under this Agreement.')).toBe('unspecified');
  });
  it('"may not have the same protections" binds no one', () => {
    expect(flow('Please note that information collected by third parties may not have the same security protections as information you submit to us.')).toBe('unspecified');
  });
  it('the vendor binding its providers to the same obligations still reads as a flow-down', () => {
    expect(flow('We require our sub-processors to comply with the same data protection obligations as are imposed on us under this Agreement.')).toBe('yes');
  });
});

describe('deidentified_data_use: aggregated data the vendor receives is a source, not a use', () => {
  it('receiving reports or data on an aggregated basis, with no use of its own named', () => {
    expect(deid('We may receive reports based on the use of these technologies by these companies on an individual as well as aggregated basis.')).toBe('unspecified');
    expect(reviewOf('deidentified_data_use', 'We may also receive information on an aggregated basis from our marketing partners.')).toContain('allowed');
  });
  it('a use named beside what it receives still counts', () => {
    expect(deid('We receive aggregated data from our partners and use it to improve our services.')).toBe('allowed');
  });
});

describe('return_or_destroy_on_termination: the account\'s end asked before, a reason given before', () => {
  it('deletion upon "such a request" when the sentence before asks for the account to go', () => {
    expect(rd('If you want to delete your Acme account and your personal information, you can do so in the settings. Upon receiving such a request, Acme will delete such information.')).toBe('yes');
  });
  it('not a request to erase data during the account', () => {
    expect(rd('You may ask us to erase your personal information. Upon receiving such a request, Acme will delete such information.')).not.toBe('yes');
    // The account's end stated, not wished for; the request the sentence itself makes.
    expect(rd('The customer cannot delete the account. Upon receiving such a request, Acme will delete such information.')).not.toBe('yes');
    expect(rd('You may close your account at any time. You may also ask us to delete specific records; upon such a request we will delete them.')).not.toBe('yes');
  });
  it('kept past the account\'s close as the consequence of the reason before is no refusal to delete', () => {
    expect(rd('We store your personal information for as long as needed, based on the reason why we obtained it. This means we might retain your personal information even after you close your account with us.')).toBe('unspecified');
    expect(reviewOf('return_or_destroy_on_termination', 'We store your personal information for as long as needed. This means we might retain your personal information even after you close your account with us.')).toContain('no');
  });
});

describe('offshore_processing: another country where the data is', () => {
  it('"or to another country in which we operate", servers or processing "in a different country"', () => {
    expect(off('Acme Inc. is a Delaware corporation.\n\nYour information is transferred to the United States or to another country in which we (or our affiliates) operate.')).toBe('yes');
    expect(off('Acme Inc. is a Delaware corporation.\n\nYour personal information may be transmitted to a third party who may have their servers in a different country.')).toBe('yes');
  });
  it('not the user located in another country, nor a payment settled abroad', () => {
    expect(off('Acme Inc. is a Delaware corporation.\n\nIf you are located in another country, please review the notice for your country.')).toBe('unspecified');
    expect(off('Acme Inc. is a Delaware corporation.\n\nSome transactions might require foreign currency conversion or be processed in another country.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: "satisfy applicable law", and "authority" as power', () => {
  it('disclosure as necessary to satisfy applicable law', () => {
    expect(le('Acme reserves the right to access, preserve, and disclose any information as we reasonably believe is necessary to satisfy applicable law.')).toBe('any_legal_request');
  });
  it('"all reasonable assistance, information, and authority necessary" names no public body', () => {
    expect(le('The indemnified party provides to Licensor, at Licensor\'s expense, all reasonable assistance, information, and authority necessary to perform the above.')).toBe('unspecified');
  });
});

describe('definitions: a collective name of data is not the vendor', () => {
  it('"personal information and non-personal information (collectively "Information")"', () => {
    const { ctx } = factContext('Acme Entertainment and its subsidiaries respect the privacy of personal information and non-personal information (collectively "Information"). We collect information.');
    expect(ctx.vendorNames).not.toContain('Information');
  });
});
