import { extractDocument } from '../extract-document.js';

// Review of heading-kind.ts: the sections terms share with every contract (liability, indemnity, termination,
// governing law) must not turn a processing agreement into terms, and a privacy notice's sections about payment or
// account data must not count as a terms document's bargain. Examples written for this spec.
const kindOf = async (markdown: string) => (await extractDocument(Buffer.from(markdown), 'document.md')).document.kind;
const sections = (headings: string[]) => headings.map((h) => `\n\n## ${h}\n\nA paragraph of this section about ${h.toLowerCase()}.`).join('');
const PROCESSING = ' Customer is the controller and Fernline is the processor of Customer Personal Data. The processor processes it only on the controller\'s documented instructions, assists the controller with data subject requests and notifies the controller of a breach without undue delay. A sub-processor is bound as a processor to the same duties.';
// The sections of a processing agreement that are its own: none of them is a privacy notice's or a terms document's.
const DPA_OWN = ['Customer Responsibilities', 'Processing Instructions', 'Sub-processors', 'Security Incident Notification', 'Audit Rights', 'Return and Deletion of Customer Data'];
const BOILERPLATE = ['Limitation of Liability', 'Indemnification', 'Termination', 'Governing Law and Jurisdiction', 'Miscellaneous'];

describe('document kind: a processing agreement with the boilerplate every contract has', () => {
  it('a "Data Protection Addendum" forming part of the terms, with liability, indemnity, termination and law sections, is a DPA', async () => {
    const text = '# Data Protection Addendum\n\nThis Data Protection Addendum ("Addendum") forms part of the Terms of Service between Fernline, Inc. and Customer.' + PROCESSING + sections([...DPA_OWN, ...BOILERPLATE]);
    expect(await kindOf(text)).toBe('dpa');
  });

  it('the same addendum without a pointer to the terms is still a DPA, not a contract', async () => {
    const text = '# Fernline Customer Data Addendum\n\nThis addendum applies to Customer Personal Data.' + PROCESSING + sections([...DPA_OWN, ...BOILERPLATE]);
    expect(await kindOf(text)).toBe('dpa');
  });

  it('a BAA with the same boilerplate sections stays a BAA', async () => {
    const baa = ' Fernline is a business associate of the covered entity. The business associate uses protected health information only as this agreement permits, reports a breach to the covered entity, and binds each subcontractor as a business associate. The covered entity may terminate if the business associate breaches.';
    const text = '# Fernline Addendum\n\nThis addendum forms part of the Terms of Service.' + baa + sections(['Permitted Uses and Disclosures', 'Safeguards', ...BOILERPLATE]);
    expect(await kindOf(text)).toBe('baa');
  });

  it('counter-example: terms with one data processing section among the bargain\'s sections stay terms', async () => {
    const text = '## 1. Welcome to Fernpay\n\nBy using Fernpay you agree to these conditions.' + sections(['Fees and payment', 'Sub-processors']) + PROCESSING + sections(['Termination', 'Limitation of liability', 'Governing law']);
    expect(await kindOf(text)).toBe('terms');
  });
});

describe('document kind: a privacy notice whose sections describe payment and account data', () => {
  it('sections on payment, purchase and account information and on disputes leave a privacy notice one', async () => {
    const text = '# Fernshop\n\nFernshop Ltd operates the Fernshop marketplace. Our Privacy Policy applies to the personal information we hold about shoppers.' + sections(['Information we collect', 'Your account information', 'Payment information', 'Purchase history', 'Cookies', 'Dispute resolution']);
    expect(await kindOf(text)).toBe('privacy_policy');
  });

  it('counter-example: terms whose sections are the bargain itself stay terms', async () => {
    const text = '# Fernshop\n\nFernshop Ltd operates the Fernshop marketplace. Our Privacy Policy explains how we use personal data.' + sections(['Your account', 'Payments and refunds', 'Cookies', 'Dispute resolution', 'Termination']);
    expect(await kindOf(text)).toBe('terms');
  });
});
