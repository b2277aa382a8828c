import { factOf } from '../testing/fact-of.js';

// A condition set on the customer or on the vendor's own act binds no provider (issue 7, x29ret; flowdown-conditions.ts).
// Texts written for these specs.
const fd = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: conditions that bind no provider', () => {
  it('"Subject to your compliance with this Agreement, … grants you" with affiliates named in passing', () => {
    expect(fd('Subject to your compliance with this Agreement, Acme grants you a limited, non-transferable (except to Affiliates) right to use the Services.')).toBe('unspecified');
  });
  it('the vendor\'s own act conditioned: "will pay (through a payment processor) … subject to this Agreement"', () => {
    expect(fd('Acme will pay the balance (directly or through a third party payment processor) subject to the other provisions of this Agreement.')).toBe('unspecified');
  });
  it('the customer required: "we may require that you pay … to secure your obligations", third parties named', () => {
    expect(fd('We may require that you pay a deposit to secure the performance of your obligations under this Agreement or other risks to Acme or third parties.')).toBe('unspecified');
  });
  it('the near misses: providers themselves subject to, or bound by, the vendor\'s standard', () => {
    expect(fd('Our service providers are subject to the same obligations as those in this Privacy Policy.')).toBe('yes');
    expect(fd('We require our subprocessors to comply with this Privacy Policy and to keep your data confidential.')).toBe('yes');
    expect(fd('Subject to applicable law, we require our service providers to handle your data in accordance with this Privacy Policy.')).toBe('yes');
  });
  // Review of x29ret (rev29ret): real flowdown sentences the conditions must not blank.
  it('an opening condition that is itself the binding: "Subject to obligations no less protective than …, we share with providers"', () => {
    expect(fd('Subject to obligations no less protective than those set out in this Privacy Policy, we share your data with service providers.')).toBe('yes');
    expect(fd('Subject to the DPA, our sub-processors are bound by confidentiality obligations no less protective than this DPA.')).toBe('yes');
  });
  it('a "subject to" on the providers\' own act: "Service providers process your data on our behalf subject to this Privacy Policy"', () => {
    expect(fd('Service providers process your data on our behalf subject to this Privacy Policy.')).toBe('yes');
    expect(fd('Our service providers may use your information only on our behalf and subject to our instructions and this Privacy Policy.')).toBe('yes');
  });
});
