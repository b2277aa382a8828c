import { subprocessorNames } from '../testing/subprocessor-names.js';

// Review counter-examples for the twelfth session's name readings (issue 7): sentences written like real policies
// that a too-broad version of each reading misread. Each expects the reading before it.
const POLICY = '# Privacy Policy\n\nThis Privacy Policy describes how Bluefin Health Inc. ("Bluefin", "we", "us") handles personal information.\n\n## Sharing\n\n';
const names = (body: string) => subprocessorNames(POLICY + body);

describe('the vendor named by a privacy vow or an agreement', () => {
  it('a provider vowing to protect privacy later in the text is still a provider', () => {
    expect(names('We use Google Analytics to understand traffic. Google takes the protection of your data very seriously and offers an opt-out browser add-on.')).toEqual(expect.arrayContaining(['Google Analytics']));
    expect(names('We share data with:\n\n- Stripe Inc. takes privacy very seriously and processes card payments for us.\n- Zendesk for support tickets.\n')).toEqual(expect.arrayContaining(['Stripe Inc.']));
  });
  it('a contract between a provider and a merchant, not this agreement, names no vendor', () => {
    expect(names('We use Shopify to run our store. A separate contract is made between Shopify and the Merchant for hosting. We share order data with Shopify.')).toEqual(expect.arrayContaining(['Shopify']));
    expect(names('Our ad partners include Criteo. That agreement was entered into between Criteo and each Partner separately. We share cookie identifiers with Criteo.')).toEqual(expect.arrayContaining(['Criteo']));
  });
});

describe('data sources and providers', () => {
  it('help from providers is not information received from them', () => {
    expect(names('We get help from service providers such as Zendesk and Intercom to answer your support requests.')).toEqual(expect.arrayContaining(['Zendesk', 'Intercom']));
  });
  it('a sign-in provider the user chooses is no provider of the vendor', () => {
    expect(names('Apple is one of the third-party sign-in providers you can choose when you create an account.')).toEqual([]);
  });
  it('providers certified under a framework are still providers', () => {
    expect(names('We transfer personal data to the United States. Our service providers (Stripe, Inc. and Amazon Web Services, Inc.) are certified under the EU-U.S. Data Privacy Framework.')).toEqual(expect.arrayContaining(['Stripe, Inc.']));
  });
  it('servers the customer chooses or manages are not the vendor\'s host', () => {
    expect(names('If you choose to host your data on Microsoft Azure servers, you are responsible for securing them.')).toEqual([]);
    expect(names('Customers may store patient information on Customer-managed AWS servers; Bluefin has no access to them.')).toEqual([]);
  });
});
