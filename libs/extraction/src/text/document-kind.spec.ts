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
