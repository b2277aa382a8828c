import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "Google is one of these third-party vendors, and uses cookies to serve ads on Savetz Publishing web sites." (Savetz
// Publishing), "Google is one of the third-party advertising companies we may use to serve ads" (Xanga): a name given
// as one of the vendor's providers, in a sentence of its own.
describe('a name given as one of the vendor\'s providers', () => {
  it('reads "X is one of these third-party vendors" and "one of the … companies we may use"', () => {
    expect(names('# Advertising\n\nThird-party vendors may show our ads. Quillads is one of these third-party vendors, and uses cookies to serve ads on our web sites.\n')).toContain('Quillads');
    expect(names('# Advertising\n\nQuillads is one of the advertising companies we may use to serve ads when you visit our website.\n')).toContain('Quillads');
  });
  it('not a ranking, a negation or a kind that is not the vendor\'s', () => {
    expect(names('# About\n\nQuillads is one of the largest advertising companies in the world.\n')).not.toContain('Quillads');
    expect(names('# About\n\nQuillads is not one of our vendors.\n')).not.toContain('Quillads');
    expect(names('# About\n\nWhen you travel, Quillads is one of the companies you may meet.\n')).not.toContain('Quillads');
  });
  // A generator template's two wordings of the same ad vendor: "X is one of a third-party vendor on our site" and "X, as a
  // third party vendor, uses cookies to serve ads on your site". Failed before: neither was read.
  it('reads "one of a third-party vendor" and a role set off by commas after the opening name', () => {
    expect(names('# Advertising\n\nQuillads is one of a third-party vendor on our site. It also uses cookies to serve ads to our visitors.\n')).toEqual(['Quillads']);
    expect(names('# Advertising\n\nQuillads, as a third party vendor, uses cookies to serve ads on your site.\n')).toEqual(['Quillads']);
    expect(names('# Payments\n\nPaystride, as our payment processor, receives your card number and billing address.\n')).toEqual(['Paystride']);
  });
  it('not "one of a number of companies", another role, or a role with more after it', () => {
    expect(names('# About\n\nQuillads is one of a number of companies in the advertising market.\n')).toEqual([]);
    expect(names('# About\n\nQuillads, as a data controller, decides how your data is used.\n')).toEqual([]);
    expect(names('# Sign-in\n\nQuillads, as a provider of sign-in services, lets you log in to our site.\n')).toEqual([]);
  });
});

// "This website uses the services of Ezoic Inc. (“Ezoic”), including to manage third-party interest-based advertising."
describe('the vendor\'s own site using the services of a company', () => {
  it('names that company', () => {
    expect(names('# Advertising\n\nThis website uses the services of Adzoic Inc. ("Adzoic"), including to manage interest-based advertising.\n')).toEqual([expect.stringMatching(/^Adzoic/)]);
  });
  it('not a website the user owns', () => {
    expect(names('# Integrations\n\nIf your website uses the services of Adzoic Inc., your visitors see its ads.\n')).toEqual([]);
  });
});

// "We may also work with third party vendors to process payments … on our behalf. These vendors currently include
// [Stripe](…) and [Payoneer](…), but are subject to change at any time." (Taboola): "currently include" and "are
// currently" lead to the names as "include" and "are" do.
describe('a provider noun followed by "currently include" or "are currently"', () => {
  it('reads the names after it', () => {
    expect(names('# Payments\n\nWe work with third party vendors to process payments on our behalf. These vendors currently include [Quillpay](https://quillpay.example/privacy) and [Payvora](https://payvora.example/privacy), but are subject to change at any time.\n')).toEqual(['Quillpay', 'Payvora']);
    expect(names('# Payments\n\nOur payment processors are currently Quillpay and Payvora.\n')).toEqual(['Quillpay', 'Payvora']);
  });
  it('not where no name follows, or the sentence denies it', () => {
    expect(names('# Payments\n\nOur vendors currently do not include Quillpay.\n')).toEqual([]);
    expect(names('# Payments\n\nOur partners currently include companies in many countries.\n')).toEqual([]);
  });
});

// "If you reside in the EEA or UK, Taboola.com Ltd. will be the controller of your Personal Data provided to, collected
// by or for, or processed by Taboola in connection with our Services." (Taboola): the entity designated controller for
// the reader's place of residence is the vendor there, not a recipient, even where an affiliates list names it.
describe('the entity a residence-based designation makes the controller of the reader\'s data', () => {
  const md = (designation: string) => `# Sharing\n\nWe may disclose Customer Information to our affiliates (including, for example, Quillora Europe Ltd. and Quillora Asia Ltd.) and to our hosting provider Nimbusflare Inc.\n\n# Your rights\n\n${designation}\n`;
  it('is the vendor itself', () => {
    const out = names(md('If you reside in the EEA or UK, Quillora Europe Ltd. will be the controller of your Personal Data.'));
    expect(out.some((n) => n.startsWith('Quillora Europe'))).toBe(false);
    expect(out.some((n) => n.startsWith('Nimbusflare'))).toBe(true);
  });
  it('not a third party said to control data it collects, nor a designation without a residence', () => {
    expect(names(md('Nimbusflare Inc. is the controller of your data on its own platform.')).some((n) => n.startsWith('Nimbusflare'))).toBe(true);
    expect(names(md('If you reside in the EEA, Nimbusflare Inc. is an independent controller of data it collects.')).some((n) => n.startsWith('Nimbusflare'))).toBe(true);
  });
});
