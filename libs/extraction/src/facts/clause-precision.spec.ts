import { extractFacts } from '../extract-facts.js';
import { factOf } from '../testing/fact-of.js';

/**
 * False alarms read from clauses that do not support the fact (issue 7): a supposition, a possible consequence,
 * statistics without de-identification, goods rather than data for sale, and duties of the user or a developer.
 * Each case has its positive twin, so the mechanism is shown to abstain only where the clause does not say it.
 */
describe('return_or_destroy_on_termination: suppositions and possible consequences are no answer', () => {
  const rd = (text: string) => factOf('return_or_destroy_on_termination', text);
  it('a deletion supposed in an "even if" / "if" part is not the vendor deleting', () => {
    expect(rd('Upon termination of your account, note that, even if Content is deleted from our active servers, it may remain in our archives.')).toBe('unspecified');
    expect(rd('Upon termination of your account, if the content is deleted by a moderator, a copy may remain visible.')).toBe('unspecified');
    // The same deletion stated as the main clause is an answer.
    expect(rd('Upon termination of your account, Content is deleted from our active servers within 30 days.')).toBe('yes');
  });
  it('"may result in destruction" is a possible consequence; the vendor that may delete keeps its discretion (no)', () => {
    expect(rd('Account termination may result in destruction of any Content associated with your account.')).toBe('unspecified');
    expect(rd('After termination, Vendor may delete Customer Data after a reasonable period.')).toBe('no');
    expect(rd('Upon termination, we will destroy any Content associated with your account.')).toBe('yes');
  });
  it('what the vendor can do is ability, not a discretion to keep or delete', () => {
    expect(rd('If your account is tied to a company, you will have to ask its administrator to remove your account before we can delete it.')).toBe('unspecified');
    expect(rd('If your account is tied to a company, after termination we may delete it at any time.')).toBe('no');
  });
  it('the supposition keeps its candidate for review', () => {
    const f = extractFacts('Account termination may result in destruction of any Content associated with your account.').facts.return_or_destroy_on_termination;
    expect(f.value).toBe('unspecified');
  });
});

describe('deidentified_data_use: statistics alone abstain', () => {
  const de = (text: string) => extractFacts(text).facts.deidentified_data_use;
  it('"internal statistical purposes" is kept for review, not asserted', () => {
    const f = de('We may use this technical data to analyze your use of the Websites by compiling reports for internal statistical purposes.');
    expect(f.value).toBe('unspecified');
    expect(f.review?.[0]?.reason).toMatch(/statistics/);
  });
  it('an imperative to the developer ("Do not aggregate API Data") binds the developer, not the vendor', () => {
    expect(factOf('deidentified_data_use', 'Do not aggregate API Data except for channels under the same content owner.')).toBe('unspecified');
    expect(factOf('deidentified_data_use', 'We do not aggregate your data for our own purposes.')).toBe('prohibited');
    // An item of the exceptions to a developer's imperative is the developer's too.
    expect(factOf('deidentified_data_use', "3.  Don't allow humans to read the data, unless:\n\n    1.  It is necessary for security purposes; or\n    2.  The data is aggregated and used for internal operations.")).toBe('unspecified');
  });
  it('anonymous submissions and the user\'s anonymity are about people, not de-identified data', () => {
    expect(factOf('deidentified_data_use', 'Your profile picture and title (but not including your anonymous Content submissions) will be visible to the public and may be available via search.')).toBe('unspecified');
  });
  it('an item of a nested list of the user\'s duties is the user\'s, however deep', () => {
    const text = 'You agree not to:\n\n(c) upload any virus;\n\n(d) use the Site to do any of the following without our prior written permission:\n\n1.  send spam;\n2.  collect, aggregate, mine or scrape any content uploaded to the Site for the purposes of publishing it.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
  it('aggregated or anonymised data for the vendor\'s own use is still allowed', () => {
    expect(factOf('deidentified_data_use', 'We may use aggregated data for internal statistical purposes.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'We may share anonymised information with our partners for research.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: what is sold, and who is bound', () => {
  const ds = (text: string) => factOf('data_sale_or_marketing', text);
  it('an offer to sell securities or products is not a sale of data', () => {
    expect(ds('Information on the Site should not be used for investment advice and does not constitute an offer to sell or solicitation of an offer to buy any securities or financial instruments.')).toBe('unspecified');
    expect(ds('We do not sell your personal information.')).toBe('prohibited');
  });
  it('a developer or user barred from selling or advertising binds them, not the vendor', () => {
    expect(ds('The following uses of user data are prohibited:\n\n- Transferring, selling, or using user data for serving ads, including retargeting, personalized or interest-based advertising.')).toBe('unspecified');
    expect(ds('You will not use user data for interest-based advertising.')).toBe('unspecified');
    expect(ds('All other transfers, uses, or sales of user data are prohibited, including:\n\n1. Transferring, selling, or using user data for serving ads, including personalized advertising.')).toBe('unspecified');
    expect(ds('We use your data for interest-based advertising.')).toBe('allowed');
  });
  it('a list item that opens with "Never" refuses everything in it, and "Do Not Sell" stays the vendor\'s', () => {
    expect(ds('Our commitments:\n\n* Never [selling](https://example.org/policy#donotsell "Policy: do not sell") your information or sharing it with third parties for marketing purposes.')).toBe('prohibited');
    expect(ds('Our commitments:\n\n* Sharing your information with third parties for marketing purposes.')).toBe('allowed');
  });
});

describe('the vendor\'s own commitment is kept beside a supposition or a rule for others (review of the abstentions)', () => {
  it('an "if" part written without its comma ends where the main clause\'s subject and modal begin', () => {
    const rd = (text: string) => factOf('return_or_destroy_on_termination', text);
    expect(rd('If the Agreement terminates we will delete all Customer Data, unless applicable law requires otherwise.')).toBe('yes');
    expect(rd('Upon termination of the Agreement, if Customer so requests we will delete all Customer Data, as described in Section 9.')).toBe('yes');
    expect(rd('Upon termination of your account, note that, even if Content is deleted from our active servers, it may remain in our archives.')).toBe('unspecified');
  });
  it('a rule for third parties in another coordinated part does not hide the vendor\'s refusal or permission', () => {
    const sale = (text: string) => factOf('data_sale_or_marketing', text);
    expect(sale('We do not sell your personal information, and we do not permit any third party to sell it.')).toBe('prohibited');
    expect(sale('We do not sell your personal information, and third parties we work with may not sell it either.')).toBe('prohibited');
    expect(sale('You may not sell any personal information obtained through the Services.')).toBe('unspecified');
    const deid = (text: string) => factOf('deidentified_data_use', text);
    expect(deid('We may use aggregated or de-identified data to improve our services, and third parties may not re-identify it.')).toBe('allowed');
    expect(deid('Do not aggregate API Data with other data.')).toBe('unspecified');
  });
});
