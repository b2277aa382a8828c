import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Review of the x7own merge (4ca654d): wordings its specs did not try, where a real processor, a parent company or an
// organisation the vendor uses stands next to the vendor's own group, brand or a service the user connects. Invented
// names; sentences shaped on the usual policy wording.
describe('examples of other recipients next to the vendor\'s own group companies', () => {
  const weGroup = '# Privacy Policy\n\nThis Privacy Policy describes how Orbis, Inc. and its affiliates (collectively, "Orbis", "we", "us" or "our") collect and use personal information.\n\n## Sharing\n\n';
  const scope = '# Privacy Statement\n\nThis privacy statement applies to Orbis Corporation and Orbis subsidiaries.\n\n## Sharing\n\n';

  it('reads the examples of service providers, vendors or ad networks listed with "our subsidiaries"/"our affiliates"', () => {
    expect(names(weGroup + 'We share your information with our subsidiaries and service providers, such as Paystride, Inc. and Nimbus Cloud, Inc., to operate the services.')).toEqual(['Paystride, Inc.', 'Nimbus Cloud, Inc.']);
    expect(names(weGroup + 'We may share personal information with our affiliates for the purposes described in this policy, and with vendors including Paystride, Inc. who process payments.')).toEqual(['Paystride, Inc.']);
    expect(names(weGroup + 'We may share device identifiers with our affiliates and advertising networks such as Adreach SA to show you ads.')).toEqual(['Adreach SA']);
  });

  it('reads a processor named after the example of a subsidiary in the same sentence', () => {
    expect(names(scope + 'We share it between our subsidiaries (such as Crimson Hat), and with our payment processor Paystride, Inc. to bill you.')).toEqual(['Paystride, Inc.']);
  });

  it('reads the example that follows a sentence about affiliates and service providers, or that names a processor', () => {
    expect(names(weGroup + 'We share personal information with our affiliates and with service providers who perform services on our behalf. For example, we use Paystride, Inc. to process payments.')).toEqual(['Paystride, Inc.']);
    expect(names(weGroup + 'We share data with our affiliates. For example, our payment processor Paystride, Inc. receives your card details.')).toEqual(['Paystride, Inc.']);
  });

  it('keeps a group company the sentence then calls the parent company', () => {
    expect(names(weGroup + 'We share customer data with our affiliated companies, such as Hokuto Holdings Inc., our parent company, for joint offers.')).toEqual(['Hokuto Holdings Inc.']);
  });
});

describe('a definition of "we" that leaves the group out', () => {
  const sharing = '\n\n## Sharing\n\nWe may share your data with our affiliates, such as Orbis Labs GmbH, to provide support.';
  it('reads the affiliates of a policy that applies to the vendor "and not to its affiliates", or does not cover them', () => {
    expect(names('# Privacy Policy\n\nThis Privacy Policy applies to Orbis Ltd ("Orbis", "we", "us"), and not to its affiliates, which have their own privacy policies.' + sharing)).toEqual(['Orbis Labs GmbH']);
    expect(names('# Privacy Policy\n\nOrbis Ltd ("we", "us") is a subsidiary of Hokuto Holdings Inc. This Privacy Policy does not cover our affiliates.' + sharing)).toEqual(['Orbis Labs GmbH']);
  });
});

describe("a scope sentence naming another company's group", () => {
  const sharing = '\n\n## Sharing\n\nWe may share your data with our affiliated companies, such as Orbis Labs GmbH, to support you.';
  it('reads the affiliates when the group the scope names is not the vendor\'s', () => {
    const doc = '# Privacy Policy\n\nOrbis Ltd ("Orbis", "we", "us") makes the Orbis app. This Privacy Policy applies to the Orbis app, which runs on services provided by Google and its affiliates.';
    expect(names(doc + sharing)).toEqual(['Orbis Labs GmbH']);
  });

  it("does not read them when the scope names the vendor's own subsidiaries", () => {
    const doc = '# Privacy Policy\n\nOrbis Corporation ("Orbis", "we", "us") makes the Orbis app. This Privacy Policy applies to Orbis Corporation and Orbis subsidiaries.';
    expect(names(doc + sharing)).toEqual([]);
  });
});

describe('a service the user connects, in a sentence that goes on to name the vendor\'s own providers', () => {
  it('reads the providers named after the clause about the connected services', () => {
    const doc = '# Privacy Policy\n\n## Third parties\n\nUsers can connect their account with tools like Zapier, and we send account emails through Mailchimp and Intercom to reach them.';
    expect(names(doc)).toEqual(['Mailchimp', 'Intercom']);
  });
});

describe("a third party's service the vendor holds under its own possessive", () => {
  it('reads the provider of "the vendor\'s X instance/account"', () => {
    const doc = '# Orbis Privacy Policy\n\nOrbis is a notes app. We use Orbis’s Salesforce instance to store your contact details.';
    expect(names(doc)).toEqual(['Salesforce']);
  });
});
