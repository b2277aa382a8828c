import { extractDocument } from '../extract-document.js';

// How a document's title and kind are read (identifyDocument → findTitle/classify), on Markdown as web captures
// give it. Examples written for this spec.
const read = async (markdown: string) => (await extractDocument(Buffer.from(markdown), 'document.md')).document;
const kindOf = async (markdown: string) => (await read(markdown)).kind;

describe('document title: metadata and page chrome above the title are skipped', () => {
  it('skips a "Published:" date line and takes the next heading as the title', async () => {
    const d = await read('Published: 4 March 2024\n\n# Lakeside Cloud Services Agreement\n\nThese terms cover your use of Lakeside Cloud. By using the services you agree to them.');
    expect(d.title).toBe('Lakeside Cloud Services Agreement');
    expect(d.kind).toBe('terms');
  });

  it('skips "Last modified on" lines and a table-of-contents heading', async () => {
    const d = await read('Last modified on 11/02/2023\n\n## Contents\n\n# Riverbend Terms & Conditions\n\nPlease read these terms before ordering.');
    expect(d.title).toBe('Riverbend Terms & Conditions');
    expect(d.kind).toBe('terms');
  });

  it('counter-example: a heading that starts with an ordinary word like "Updates" or "Publishing" is the title', async () => {
    const d = await read('# Updates to the Harbor Notes Privacy Policy\n\nThis page explains what changed in how we handle personal information.');
    expect(d.title).toBe('Updates to the Harbor Notes Privacy Policy');
    expect(d.kind).toBe('privacy_policy');
    expect((await read('# Publishing Guidelines for Creators\n\nWhat you may post on the board.')).title).toBe('Publishing Guidelines for Creators');
  });
});

describe('document kind: title wording and self-naming', () => {
  it('reads "Conditions of Use" and "Terms & Conditions" titles as terms', async () => {
    expect(await kindOf('# Orchard Books Conditions of Use\n\nWelcome. Our privacy policy describes how we use data.')).toBe('terms');
    expect(await kindOf('# Orchard Terms & Conditions\n\nOur privacy policy describes how we use data.')).toBe('terms');
  });

  it('reads a "Data Policy" or "privacy and cookie policies" title as a privacy policy', async () => {
    expect(await kindOf('# Pinecone Data Policy\n\nWe describe the information we collect.')).toBe('privacy_policy');
    expect(await kindOf('# Pinecone privacy and cookie policies\n\nWe describe the information we collect.')).toBe('privacy_policy');
  });

  it('terms that mention the privacy policy first but name themselves "these Terms" are terms', async () => {
    const text = '## 1. Welcome\n\nOur Privacy Policy explains how we collect your data. These Terms govern your use of the Meadow app and form a contract between you and us.';
    expect(await kindOf(text)).toBe('terms');
  });

  it('counter-example: a privacy notice that mentions "our Terms" but names itself "this Privacy Notice" stays a privacy policy', async () => {
    const text = '## Introduction\n\nOur Terms of Service govern your account. This Privacy Notice explains which personal information Meadow collects and why.';
    expect(await kindOf(text)).toBe('privacy_policy');
  });

  it('an agreement the user accepts "by creating an account" is terms', async () => {
    const text = '# Kestrel Services Agreement\n\nThese Terms cover the Kestrel apps. You accept these Terms by creating a Kestrel account or by using the apps.';
    expect(await kindOf(text)).toBe('terms');
  });

  it('counter-example: a signed agreement whose opening says "agrees to these terms" stays a contract', async () => {
    const text = '# Birchwood Master Subscription Agreement\n\nThis Agreement governs Customer\'s use of the Birchwood platform. By signing an order form, Customer agrees to these terms.';
    expect(await kindOf(text)).toBe('contract');
  });

  it('counter-example: a "Data Protection Addendum" title is not read as a privacy policy', async () => {
    expect(await kindOf('# Data Protection Addendum\n\nThis addendum forms part of the agreement between Customer and Supplier.')).not.toBe('privacy_policy');
  });
});

describe('document kind: an agreement the parties sign is a contract', () => {
  const signatures = '\n\n## 9. General\n\nOregon law governs this Agreement.\n\nIN WITNESS WHEREOF, the parties have executed this Agreement as of the Effective Date.\n\nPRACTICE: ______________\n\nVENDOR: ______________\n';

  it('a signed practice agreement that mentions the vendor\'s privacy policy and calls itself "these terms" is a contract', async () => {
    const text = '# Reminder Services Agreement\n\nThis Reminder Services Agreement is made by Alder Family Therapy, PLLC ("Practice") and Tern Messaging, Inc. ("Vendor"). The Services are provided under these terms and any Order Form the parties sign. Tern\'s Privacy Policy covers visitors to its website.\n\n## 1. Services\n\nVendor sends appointment reminders to Practice\'s clients.' + signatures;
    expect(await kindOf(text)).toBe('contract');
  });

  it('"By signing below or by using the Services, Customer agrees" is a signed contract, not click-through terms', async () => {
    const text = '# Transcription Services Agreement\n\nThis Agreement is between Quillfeather Labs, Inc. ("Provider") and the clinic named below ("Customer"). By signing below or by using the Services, Customer agrees to this Agreement.\n\n## 1. Services\n\nProvider transcribes recorded sessions.';
    expect(await kindOf(text)).toBe('contract');
  });

  it('counter-example: an online agreement accepted by clicking or by signing an order form that points at it stays terms', async () => {
    const text = '# Quillfeather Subscription Agreement\n\nBy clicking "I agree" or by signing an Order Form that references this Agreement, you agree to this Agreement. Fees are billed monthly.';
    expect(await kindOf(text)).toBe('terms');
  });

  it('counter-example: "by signing up" is an account, not a signature', async () => {
    const text = '# Tern User Agreement\n\nBy signing up for Tern you agree to this Agreement.';
    expect(await kindOf(text)).toBe('terms');
  });
});

describe('document kind: a BAA or DPA whose title uses terms or data-protection wording', () => {
  const processing = ' Otter Cloud processes Customer Personal Data as processor for Customer, the controller. The processor follows the controller\'s written instructions, helps the controller answer requests, tells the controller of a breach, and lets the controller object to a new processor the processor proposes.';
  const baaBody = ' Business Associate uses PHI only to provide the services. Business Associate reports any breach to Covered Entity. Business Associate binds its subcontractors to the same duties. Covered Entity tells Business Associate of any restriction it agrees to.';

  it('a title naming the BAA\'s subject ("HIPAA Service Terms", "General Conditions – Business Associates") lets the vocabulary read it as a BAA', async () => {
    expect(await kindOf('# Otter HIPAA Service Terms\n\nThese terms apply when Otter Cloud handles PHI.' + baaBody)).toBe('baa');
    expect(await kindOf('# General Conditions – Business Associates\n\nThese conditions apply to PHI.' + baaBody)).toBe('baa');
  });

  it('a title naming data processing ("Service Terms: Data Processing Addendum") lets the vocabulary read it as a DPA', async () => {
    expect(await kindOf('# Otter Service Terms: Data Processing Addendum\n\nThis addendum applies to personal data.' + processing)).toBe('dpa');
  });

  it('a DPA page titled "Data Protection" or "Customer Data Policy" is a DPA, not a privacy notice', async () => {
    expect(await kindOf('# Data Protection\n\nThis agreement applies to personal data.' + processing)).toBe('dpa');
    expect(await kindOf('# Customer Data Policy\n\nThis agreement applies to personal data.' + processing)).toBe('dpa');
  });

  it('counter-example: "Service Terms", "HIPAA Notice of Privacy Practices" and a "Data Protection" page without processor vocabulary keep their kinds', async () => {
    expect(await kindOf('# Otter Service Terms\n\nThese Service Terms apply to your use of Otter. Our Privacy Policy explains what we collect.')).toBe('terms');
    expect(await kindOf('# HIPAA Notice of Privacy Practices\n\nThis notice describes how health information about you may be used and disclosed.')).toBe('privacy_policy');
    expect(await kindOf('# Data Protection\n\nOtter collects your email address to run your account and keeps it until you close the account.')).toBe('privacy_policy');
  });
});
