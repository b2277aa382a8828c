import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// README: app stores are not recipients. The examples of a kind of app store or app platform ("application platform
// provider (such as …)") are the stores the user gets the app from, whatever the clause says of them.
describe('examples of an app platform or app store kind', () => {
  it('are app stores, not recipients', () => {
    const md = '# Mobile apps\n\nIf you use the Lumen app, these Terms are between you and Lumen only, and not with any application service provider or application platform provider (such as Pear Inc. or Gamma Inc.), which may provide you the app under its own terms.\n';
    const out = names(md);
    expect(out.some((n) => n.startsWith('Pear'))).toBe(false);
    expect(out.some((n) => n.startsWith('Gamma'))).toBe(false);
  });
  it('counter-example: a payment processor the same sentence names after them stays a recipient', () => {
    const md = '# Purchases\n\nWe share purchase records with app store providers such as Pear Inc. and with payment processors such as Quillpay, Inc.\n';
    const out = names(md);
    expect(out.some((n) => n.startsWith('Pear'))).toBe(false);
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^Quillpay/)]));
  });
  it('counter-example: a named role after the examples ends them ("such as Pear Inc. and with our payment processor, Quillpay")', () => {
    const out = names('# Purchases\n\nWe share order details with app stores such as Pear Inc. and with our payment processor, Quillpay.\n');
    expect(out).toContain('Quillpay');
  });
});
