import { factOf } from '../testing/fact-of.js';

/**
 * Recall of the non-name facts (issue 7): wordings a careful reader takes as the fact (README conventions) that the
 * readings missed. Each rule has the sentence it is for and a counter-example it must not fire on.
 */
const flow = (text: string) => factOf('subcontractor_flowdown', text);
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const deid = (text: string) => factOf('deidentified_data_use', text);
const law = (text: string) => factOf('law_enforcement_disclosure', text);
const ai = (text: string) => factOf('ai_training_on_customer_data', text);

describe('subcontractor_flowdown: the vendor\'s own standard in other words', () => {
  it('"in the same way as us" is the vendor\'s own standard, with a purpose limit', () => {
    expect(flow('Our service providers are contractually prohibited from using your personal data for their own purposes, and are required to treat your personal data and maintain its confidentiality in the same way as us.')).toBe('yes');
    // Confidentiality alone, with no standard of the vendor's and no purpose limit, stays unspecified (README).
    expect(flow('Our service providers are required to maintain the confidentiality of your personal data.')).toBe('unspecified');
  });
  it('complying with "our … requirements" (a few words of what they are about) binds them to the vendor\'s standard', () => {
    expect(flow('Any vendor or agent that we retain must comply with our data privacy and security requirements and are not allowed to use personal data they receive from us for any other purpose.')).toBe('yes');
    // Helping the vendor meet its legal requirements binds the vendor, not the providers.
    expect(flow('Our vendors must help us comply with our legal and regulatory reporting requirements.')).toBe('unspecified');
  });
  it('"guarantees that" providers adhere to the document named by its title', () => {
    expect(flow('Acme guarantees that all our service providers and partners strictly adhere to the Privacy Policy.')).toBe('yes');
    // In lower case "the privacy policy" may be the provider's own.
    expect(flow('Acme guarantees that all our service providers and partners strictly adhere to the privacy policy they publish.')).toBe('unspecified');
  });
  it('equivalent measures the vendor imposes on its providers', () => {
    expect(flow('To protect your data we:\n\n* Impose equivalent measures on third parties we appoint\n')).toBe('yes');
    // Providers described as keeping such measures are not bound by the vendor (a review candidate only).
    expect(flow('Our service providers maintain equivalent measures to protect the data.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: "These parties" after providers the vocabulary knows', () => {
  it('binds the providers of the sentence before to protection and a purpose limit', () => {
    expect(flow('Where we share information with services providers and partners, we ensure they only have access to what is strictly necessary. These parties are required to secure the data they receive and to use the data for pre-agreed purposes only.')).toBe('yes');
    // The parties of the sentence before are data sources, not providers.
    expect(flow('We receive audience reports from advertisers and publishers. These parties are required to secure the data they receive and to use the data for pre-agreed purposes only.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: marketing messages', () => {
  it('messages the vendor provides that include promotions', () => {
    expect(sale('We may provide you with emails, text messages, push notifications, alerts and other messages related to the App and/or the Acme services, such as enhancements, offers, products, events, and other promotions.')).toBe('allowed');
    // Service messages without promotions are no marketing.
    expect(sale('We may provide you with emails, text messages, push notifications and other messages related to your account, such as security alerts and receipts.')).toBe('unspecified');
  });
  it('a person who "opted out" of marketing communications was sent them', () => {
    expect(sale('If you have opted out of receiving marketing communications, we will keep your information on our suppression list to ensure that you do not receive these messages.')).toBe('allowed');
    // Opting out of something other than marketing says nothing of it.
    expect(sale('If you have opted out of analytics cookies, we will keep a record of your choice.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: data given "in a manner that is not identifiable to you"', () => {
  it('is de-identified data the vendor shares', () => {
    expect(deid('We may provide certain information regarding your use of Content to Content providers, including record companies. We will provide this information in a manner that is not identifiable to you.')).toBe('allowed');
    // Being identifiable is the opposite.
    expect(deid('We will provide this information in a manner that is identifiable to you, so that record companies can pay royalties.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: a list item "To comply with …" completes its lead-in\'s disclosure', () => {
  const doc = (lead: string) => `# Privacy Policy\n\nThis policy explains how Acme Media Inc. ("Acme", "we", "us") handles your information.\n\n## Disclosure of Your Information\n\n${lead}\n\n* To our subsidiaries and affiliates;\n* To comply with any court order, law, or legal process, including to respond to any government or regulatory request;\n* To enforce our terms of use.\n`;
  it('the vendor discloses, the item gives the legal ground', () => {
    expect(law(doc('We may disclose personal information that we collect or you provide as described in this privacy policy:'))).toBe('any_legal_request');
  });
  it('not when the lead-in\'s disclosure is the user\'s', () => {
    expect(law(doc('You may disclose personal information to us in these cases:'))).toBe('unspecified');
  });
});

describe('ai_training_on_customer_data: a control over the use of the data for AI, given elsewhere', () => {
  const uses = 'We may use your personal data to develop and enhance our machine learning models and artificial intelligence systems.';
  it('makes the training the document allows opt_out', () => {
    expect(ai(`${uses}\n\nIf you would like to know more about our use of AI systems or would like to object to the use of your personal data in the context of AI, contact us.`)).toBe('opt_out');
  });
  it('not the general right to object, which names no AI', () => {
    expect(ai(`${uses}\n\nIf you would like to object to the use of your personal data for direct marketing, contact us.`)).toBe('allowed');
  });
});
