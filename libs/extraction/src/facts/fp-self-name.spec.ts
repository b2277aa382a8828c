import { extractFacts } from '../extract-facts.js';

// Precision causes found in the develop false positives (issue 7, xfp): the vendor itself read as a recipient.
const names = (text: string) => extractFacts(text, { uncalibrated: true }).facts.subprocessors_named.value;

describe('subprocessors_named: the party the providers are held to the standard of is the vendor', () => {
  const doc = (holder: string) =>
    'Due to its business purpose, Quillon Reach GmbH deals extensively with the processing of personal data.\n\n' +
    `If Quillon Reach GmbH uses external servers or service providers to store user data, Quillon Reach GmbH ensures that they are bound by at least the same data protection standards as ${holder} itself.\n\n` +
    'The newsletter is sent via Nimbus Mail, a newsletter distribution platform of Nimbus Cloud, Inc., which receives your email address.';
  it('does not read the vendor compared with its providers', () => {
    expect(names(doc('Quillon Reach GmbH'))).not.toContain('Quillon Reach GmbH');
  });
  it('still reads the providers named beside it', () => {
    expect(names(doc('Quillon Reach GmbH'))).toContain('Nimbus Cloud, Inc.');
  });
});

// Review of the xfp rule (revfp): a provider compared with itself is still a provider.
describe('subprocessors_named: "the same standards as X itself" of a provider the document names as a recipient', () => {
  it('keeps the provider whose own sub-processors are held to its standards', () => {
    const doc = 'Acme Inc. provides scheduling software.\n\nWe use Mailchimp to send newsletters; your email address is shared with Mailchimp. Mailchimp requires its sub-processors to meet the same data protection standards as Mailchimp itself.';
    expect(names(doc)).toContain('Mailchimp');
  });
  it('keeps a named recipient compared with itself', () => {
    const doc = 'Acme Inc. provides scheduling software.\n\nWe share your payment card details with Stripe, Inc., our payment processor, which keeps them under the same protections as Stripe itself applies to its own records.';
    expect(names(doc)).toContain('Stripe, Inc.');
  });
});
