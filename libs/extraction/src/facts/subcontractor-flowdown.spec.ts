import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: providers bound to the vendor\'s own standard', () => {
  it('tied to this policy or agreement, or to a comparative of it', () => {
    expect(flow('These service providers may only process personal information pursuant to our instructions and in compliance with this Privacy Policy.')).toBe('yes');
    expect(flow('Our service providers are obligated to handle personal data consistent with this Privacy Policy.')).toBe('yes');
    expect(flow('Sub-processors shall be subject to written terms requiring that the sub-processor abides by terms no less protective than this DPA.')).toBe('yes');
    expect(flow('If we transfer personal information to a third party, its use of the information must be in compliance with our Data Privacy Framework obligations.')).toBe('yes');
  });
  it('"They" after a list of providers', () => {
    expect(flow('We share data with:\n\n* our hosting providers;\n* payment providers.\n\nThey are obliged to protect data privacy to the same extent as we ourselves.')).toBe('yes');
  });
  it('a protection duty with a purpose limit', () => {
    expect(flow('We share information with contractors who are bound to practice adequate security measures and only use the information for the sole purpose of providing the services.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: what is not a flow-down', () => {
  it('a purpose limit alone, or the vendor\'s own obligations that providers help it meet', () => {
    expect(flow('Our processors only process your personal data on our behalf.')).toBe('unspecified');
    expect(flow('We may use certain third parties to fulfill our obligations to you.')).toBe('unspecified');
    expect(flow('We may share your data with vendors that help us comply with your instructions and our contractual obligations.')).toBe('unspecified');
  });
  it('assigning the contract to an affiliate or successor', () => {
    expect(flow('Acme may assign this Agreement to an Affiliate provided that the successor agrees to fulfil its obligations under this Agreement.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: honouring the vendor\'s own policy', () => {
  it('affiliates required to honor this Privacy Policy are bound to the vendor\'s standard', () => {
    expect(flow('We may share your information with our affiliates, in which case we will require those affiliates to honor this Privacy Policy.')).toBe('yes');
  });
  it('seeking to require it is an effort, not a binding', () => {
    expect(flow('We may share your information with our affiliates, in which case we will seek to require those affiliates to honor this Privacy Policy.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: an effort to bind the providers is not a binding', () => {
  it('"take reasonable steps", "use reasonable efforts", "endeavour" to ensure or require', () => {
    expect(flow('We take reasonable steps to ensure that our service providers are bound by confidentiality obligations and use your data only for the purposes of providing the services.')).toBe('unspecified');
    expect(flow('We use commercially reasonable efforts to require our vendors to keep your data confidential and to use it only for providing the services.')).toBe('unspecified');
    expect(flow('We endeavour to ensure that our suppliers comply with this Privacy Policy.')).toBe('unspecified');
    // The binding itself still is one.
    expect(flow('We require our service providers to keep your data confidential and to use it only for providing the services.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: the privacy notice is the vendor\'s own standard, as its policy is', () => {
  it('recipients required to keep data confidential and act in accordance with this privacy notice', () => {
    expect(flow('When data is transferred, we will require the recipient to keep your data confidential, delete it when it is no longer required and act in accordance with this privacy notice.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: an effort over something else leaves the binding beside it whole', () => {
  it('efforts for security or accuracy, then a binding of the providers, in one sentence', () => {
    expect(flow('Although we make reasonable efforts to ensure the security of your data, we require all our subprocessors to comply with obligations no less protective than those in this DPA.')).toBe('yes');
    expect(flow('We take reasonable steps to ensure that our systems are secure, and we require our service providers to comply with this Privacy Policy.')).toBe('yes');
    expect(flow('We make every effort to ensure your data is accurate; our service providers are contractually required to keep it confidential and to use it only for providing the services.')).toBe('yes');
    // The effort whose object is the providers stays an effort.
    expect(flow('We use reasonable efforts to ensure that our subprocessors are bound by written agreements with obligations no less protective than those of this Agreement.')).toBe('unspecified');
  });
});
