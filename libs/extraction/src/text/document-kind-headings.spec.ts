import { extractDocument } from '../extract-document.js';

// How the document's own section headings and its stated purpose weigh against a mention of the other document in
// its opening (classify() with heading-kind.ts). Examples written for this spec.
const kindOf = async (markdown: string) => (await extractDocument(Buffer.from(markdown), 'document.md')).document.kind;
const sections = (headings: string[]) => headings.map((h) => `\n\n## ${h}\n\nA paragraph of this section about ${h.toLowerCase()}.`).join('');

describe('document kind: the sections a document is made of outweigh a mention of the other document', () => {
  it('terms whose opening points at the privacy policy, with sections on termination, liability, law and fees, are terms', async () => {
    const text = '## 1. Welcome to Fernpay\n\nThis is a contract between you and Fernpay Ltd. Our Privacy Policy explains how we use personal data.' + sections(['Fees and payment', 'Termination', 'Limitation of liability', 'Governing law']);
    expect(await kindOf(text)).toBe('terms');
  });

  it('a privacy notice whose opening points at the terms, with sections on collection, sharing and choices, is a privacy policy', async () => {
    const text = 'We built Fernchat to help people meet.\n\nWe also suggest you read our Terms and Conditions of Use.' + sections(['Information we collect', 'How we share your information', 'Your rights and choices', 'How long we keep your data']);
    expect(await kindOf(text)).toBe('privacy_policy');
  });

  it('a captured page without a telling title or opening is read by its sections', async () => {
    expect(await kindOf('# Welcome to Fernstay\n\nHello.' + sections(['Personal information we collect', 'How we use information', 'Cookies', 'Children']))).toBe('privacy_policy');
    expect(await kindOf('# Welcome to Fernstay\n\nHello.' + sections(['Your account', 'Termination', 'Disclaimer of warranties', 'Dispute resolution']))).toBe('terms');
  });

  it('counter-example: one privacy section among the terms\' sections, or evenly mixed sections, leave the opening to decide', async () => {
    const withPrivacySection = '## Introduction\n\nThese Terms of Service govern your use of Fernpay.' + sections(['Privacy and personal data', 'Termination', 'Limitation of liability', 'Governing law']);
    expect(await kindOf(withPrivacySection)).toBe('terms');
    const mixed = '## Introduction\n\nOur Privacy Policy explains how we use personal data.' + sections(['Information we collect', 'Cookies', 'Termination', 'Limitation of liability']);
    expect(await kindOf(mixed)).toBe('privacy_policy');
  });

  it('counter-example: a cookie notice whose headings all speak of cookies is one topic, not a privacy policy\'s sections', async () => {
    expect(await kindOf('# Welcome to Fernstay\n\nHello.' + sections(['What are cookies', 'How we use cookies', 'Managing cookies', 'Third-party cookies']))).toBe('other');
  });
});

describe('document kind: a policy that says it is about personal information is a privacy notice', () => {
  it('"This Policy explains how we process your personal information" outweighs a mention of the terms', async () => {
    const text = 'We evolved into a tool for meeting people.\n\nWhen we talk about Fernchat we mean Fernchat Ltd ("we"). This Policy explains how we process your personal information. We also suggest you read our Terms and Conditions of Use.';
    expect(await kindOf(text)).toBe('privacy_policy');
  });

  it('a notice naming itself "this Privacy Notice" stays a privacy policy despite controller/processor vocabulary', async () => {
    const gdpr = ' Fernchat is the controller of your data. Our hosting provider is a processor. Each processor acts on the controller\'s instructions. You can ask the controller which processor holds your data; a processor must help the controller answer.';
    expect(await kindOf('# Privacy\n\nThis Privacy Notice applies to all personal information processed by Fernchat.' + gdpr)).toBe('privacy_policy');
  });

  it('counter-example: a processing agreement that only mentions the controller\'s privacy notice stays a DPA', async () => {
    const dpa = '# Fernchat Processing Terms\n\nThe controller\'s privacy notice tells data subjects about this processing. The processor processes personal data for the controller. The processor follows the controller\'s instructions, helps the controller answer requests and tells the controller of a breach. A new processor the processor engages binds itself as a processor to the same duties.';
    expect(await kindOf(dpa)).toBe('dpa');
  });

  it('terms with a data processing section among sections on fees, termination, liability and law stay terms', async () => {
    const processing = ' Where you upload personal data, you are the controller and Fernpay is your processor. The processor acts on the controller\'s instructions; a sub-processor is a processor too, and the controller may object to a new processor. The controller answers to its own customers.';
    const text = '## 1. Welcome to Fernpay\n\nBy using Fernpay you agree to these conditions.' + sections(['Fees and payment', 'Data processing']) + processing + sections(['Termination', 'Limitation of liability', 'Governing law']);
    expect(await kindOf(text)).toBe('terms');
  });

  it('counter-example: a DPA whose headings speak of processing, sub-processors and audits stays a DPA despite a termination section', async () => {
    const processing = ' The processor processes personal data for the controller. The processor follows the controller\'s instructions, helps the controller answer requests and tells the controller of a breach. A new processor the processor engages binds itself as a processor to the same duties.';
    const text = '## 1. Introduction\n\nThis addendum applies to personal data.' + processing + sections(['Processing of personal data', 'Sub-processors', 'Audits', 'International transfers', 'Termination']);
    expect(await kindOf(text)).toBe('dpa');
  });
});
