import { extractDocument } from '../extract-document.js';

// Who the document's parties are (identifyDocument → findParties): a company defined with an alias is a party only when
// the document speaks as or to it. Examples written for this spec.
const read = async (markdown: string) => await extractDocument(Buffer.from(markdown), 'document.md');

describe('document parties: a company named as "our <role>" is not a party', () => {
  const policy =
    '# Privacy Policy\n\nThis Privacy Policy explains how we handle your personal information when you use the Lumen browser.\n\n' +
    '## Purchases\n\nWhen you buy a gift card we collect your card number and billing address. ' +
    'Card details are mostly processed by our payment processor, Quillpay, Inc. ("Quillpay").\n';

  it('does not take the processor for the vendor, and names it as a recipient', async () => {
    const r = await read(policy);
    expect(r.document.vendor).toBeUndefined();
    expect(r.facts.subprocessors_named.value).toContain('Quillpay, Inc.');
  });

  it('counter-example: the company defined as "we" stays the vendor', async () => {
    const r = await read('# Privacy Policy\n\nLumen Labs, Inc. ("Lumen", "we") operates the Lumen browser. This Privacy Policy explains how we handle your personal information.\n');
    expect(r.document.vendor).toBe('Lumen Labs, Inc.');
  });

  it('counter-example: a company named after a clause that ends in "our <thing>," is its subject, the vendor', async () => {
    const r = await read('# Privacy Policy\n\nWhen you use our services, Lumen Labs, Inc. ("Lumen") collects the data described below.\n');
    expect(r.document.vendor).toBe('Lumen Labs, Inc.');
  });

  it('counter-example: a company defined as "we" after "our <noun>," is still the vendor', async () => {
    const r = await read('# Terms of Service\n\nThank you for using our app, Lumen Labs, Inc. ("Lumen", "we", "us"). These Terms govern your use of it.\n');
    expect(r.document.vendor).toBe('Lumen Labs, Inc.');
  });
});

describe('document parties: a company the vendor acts "with", defined by its brand alone, is not a party', () => {
  it('names the joint controller as a recipient, not as the vendor', async () => {
    const r = await read('# Privacy Policy\n\nThis Privacy Policy explains how we handle your personal information.\n\n## Coupon offers\n\nWhen you use our coupon offers, we share your data and process it as joint controllers with Coupa Deals Limited ("Coupa"), who runs the offers.\n');
    expect(r.document.vendor).toBeUndefined();
    expect(r.facts.subprocessors_named.value).toContain('Coupa Deals Limited');
  });

  it('counter-example: an agreement made with a company it calls "we" is that company\'s', async () => {
    const r = await read('# Terms of Service\n\nThese Terms are an agreement entered into with Coupa Deals Limited ("Coupa", "we"). Please read them.\n');
    expect(r.document.vendor).toBe('Coupa Deals Limited');
  });

  it('counter-example: the company an agreement or contract is made "with" is a party to it', async () => {
    const agreement = await read('# Terms of Service\n\nBy using the app you enter into a binding agreement with Lumen Labs Ltd ("Lumen"). Please read it.\n');
    expect(agreement.document.vendor).toBe('Lumen Labs Ltd');
    const contract = await read('# Terms of Service\n\nThese Terms are a contract with Lumen Labs Ltd ("Lumen"). Please read them.\n');
    expect(contract.document.vendor).toBe('Lumen Labs Ltd');
  });
});
