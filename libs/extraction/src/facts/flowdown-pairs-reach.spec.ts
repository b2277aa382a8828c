import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);

// Review of x7scalar: sentences a careful reader would not call a flow-down, next to the readings x7scalar added.
describe('subcontractor_flowdown pairs: "these" refers back to the providers only as a party', () => {
  it('"These cookies", "These obligations" limit no provider', () => {
    expect(flow('Our analytics providers are placed under strict contractual obligations. These cookies are used only as necessary to measure traffic.')).toBe('unspecified');
    expect(flow('Our hosting providers are placed under strict contractual obligations. These obligations apply only as necessary under applicable law.')).toBe('unspecified');
  });
  it('"These vendors" still does', () => {
    expect(flow('Our hosting providers are placed under strict contractual obligations. These vendors act only as necessary to host the service.')).toBe('yes');
  });
});

describe('subcontractor_flowdown pairs: "They" refers back, never forward', () => {
  it('a "They" before the contract sentence is someone named earlier (members)', () => {
    expect(flow('Members must keep their passwords safe. They may only use the app as needed for personal purposes. Our hosting providers are placed under strict contractual obligations.')).toBe('unspecified');
    expect(flow('Members must keep their passwords safe. They may only use the app as needed for personal purposes. Our hosting providers are bound by strict confidentiality agreements.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: "no longer required" as a duty lifted', () => {
  it('reads the sentence without failing (the blanked "required" was its only binding word)', () => {
    expect(() => flow('After the contract ends, our vendors are no longer required to keep your data confidential or to use it only for our purposes.')).not.toThrow();
  });
});

describe('subcontractor_flowdown: the vendor\'s policies by its name, enforced rather than flowed down', () => {
  it('"ensure compliance with Quillbrook policies" is enforcement, as with "our policies"', () => {
    const text = 'Quillbrook Ltd. ("Quillbrook", "we") runs the Quillbrook app.\n\nTo investigate complaints and ensure compliance with Quillbrook policies, Quillbrook may request records from its vendors.';
    expect(flow(text)).toBe('unspecified');
  });
});

describe('subcontractor_flowdown: "require them to … in accordance with our instructions"', () => {
  it('"them" is the party named in the sentence (guests), not providers of an earlier one', () => {
    expect(flow('We use hosting providers. When members invite guests, we require them to use the workspace in accordance with our instructions.')).toBe('unspecified');
  });
});

describe('subcontractor_flowdown pairs: whose contract, whose limit', () => {
  it('the providers\' own contracts with others are not the vendor\'s; theirs with us are', () => {
    expect(flow('Our payment providers are bound by their own contractual commitments to the card networks. They only process card details as needed to complete your payment.')).toBe('unspecified');
    expect(flow('Our payment providers are bound by their contractual obligations to us. They only process card details as needed to complete your payment.')).toBe('yes');
  });
  it('"the vendors" of a marketplace are not the payment providers named before ("the X" is the same word)', () => {
    expect(flow('Our payment providers are placed under strict contractual obligations. The vendors on our marketplace only receive your address as needed to deliver your order.')).toBe('unspecified');
  });
  it('a limit on the vendor itself, in the clause after "They …"', () => {
    expect(flow('Our hosting providers are placed under strict contractual obligations. They host the service, and we only use your data as needed to provide it.')).toBe('unspecified');
  });
});
