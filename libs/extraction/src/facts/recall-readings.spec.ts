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

/**
 * Review of the readings above (revrc): the wordings they must not fire on, written as other policies say them.
 */
describe('recall readings: counter-examples from other policies', () => {
  it('flow-down: "impose" binds only measures imposed on the providers', () => {
    expect(flow('We impose equivalent security measures on our service providers.')).toBe('yes');
    expect(flow('We may impose fees on service providers that integrate with our platform; those service providers maintain similar security measures.')).toBe('unspecified');
    expect(flow('Some countries impose restrictions on the use of data; our service providers maintain equivalent security measures.')).toBe('unspecified');
  });
  it('flow-down: "our … requirements" only of privacy, security or confidentiality', () => {
    expect(flow('Our vendors must comply with our data protection requirements and may only process personal data on our behalf.')).toBe('yes');
    expect(flow('Partners must follow our branding requirements and may only use our logo as shown in our brand guidelines.')).toBe('unspecified');
    expect(flow('Our suppliers must comply with our accessibility requirements and may only deliver goods to our warehouses.')).toBe('unspecified');
  });
  it('flow-down: "the Privacy Policy" of another is not the vendor\'s own', () => {
    expect(flow('Third-party service providers must comply with the Privacy Policy published on their own website and may only use the data for their services.')).toBe('unspecified');
    expect(flow('Our service providers must comply with the Privacy Policy of the respective provider and may only use the data for their services.')).toBe('unspecified');
  });
  it('flow-down: "in the same way as us" compares protection, not any act', () => {
    expect(flow('Our partners may use cookies in the same way as us, and must tell you about them.')).toBe('unspecified');
  });
  it('sale/marketing: promotions provided must be messages to the person', () => {
    expect(sale('We use your information to provide you with promotions, including discounts on future orders.')).toBe('allowed');
    expect(sale('Our merchant dashboard can provide you with tools to create discount codes, special offers and other promotions for your customers.')).toBe('unspecified');
    expect(sale('We provide you with reports on how your promoted posts and other promotions perform, so that you can adjust your campaigns.')).toBe('unspecified');
    expect(sale('If you enter a contest, we will provide you with the official rules of the sweepstakes and other promotions you join.')).toBe('unspecified');
  });
  it('sale/marketing: "opted out" of the vendor\'s marketing by the person, not a customer\'s recipients', () => {
    expect(sale('Acme automatically suppresses contacts who have opted out of your marketing emails, so that your campaigns comply with anti-spam law.')).toBe('unspecified');
    expect(sale('You are responsible for not sending campaigns through the Service to recipients who opted out of marketing emails.')).toBe('unspecified');
  });
  it('de-identified: "not (personally) identifiable" said of data, not of people or identifiers', () => {
    expect(deid('We may share information that is not personally identifiable, such as aggregated usage statistics, with our partners for their own purposes.')).toBe('allowed');
    expect(deid('When you join an anonymous session, the other participants are not identifiable to you, and we use your messages only to provide the Service.')).toBe('unspecified');
    expect(deid('The cookie identifiers we assign are not personally identifiable, and we use them only to provide the Service.')).toBe('unspecified');
  });
  it('law enforcement: the lead-in\'s "only" restricts the item it completes', () => {
    const text = '# Privacy Policy\n\nThis policy explains how Acme Media Inc. ("Acme", "we", "us") handles your information.\n\n## Disclosure of Your Information\n\nWe may disclose the content of your messages only:\n\n* To comply with a search warrant issued by a court.\n';
    expect(law(text)).toBe('judicial_process_only');
  });
  it('AI training: a control refused, given by others, or over AI features is no opt-out of training', () => {
    const uses = 'We may use your content to train and improve our machine learning models.\n\nWe keep your account data while your account is open.\n\n';
    expect(ai(`${uses}You can opt out of the use of your content for training our AI models in your account settings.`)).toBe('opt_out');
    expect(ai(`${uses}You cannot opt out of the use of your content for improving our AI models.`)).toBe('allowed');
    expect(ai(`${uses}If you would like to opt out of the use of your data in AI-powered features, you can turn them off in Settings.`)).toBe('allowed');
    expect(ai(`${uses}Publishers may let you object to the use of your data by their own AI models; contact them directly.`)).toBe('allowed');
  });
});
