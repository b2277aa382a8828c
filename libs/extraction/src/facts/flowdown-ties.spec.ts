import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);
const VENDOR = 'Quillbrook Ltd. ("Quillbrook", "we") runs the Quillbrook app.\n\n';

// One list of ties (flowdown-ties.ts) for the document's own standard and for the vendor's policies called by its name.
describe('subcontractor_flowdown: the vendor-named standard read with the same ties as "this policy"', () => {
  it('a tie with words between it and the vendor-named standard, as for "this policy"', () => {
    expect(flow(`${VENDOR}Where needed, Quillbrook will require its vendors to comply with applicable law and with Quillbrook privacy standards.`)).toBe('yes');
    expect(flow('Where needed, we will require our vendors to comply with applicable law and with this Privacy Policy.')).toBe('yes');
  });
  it('a tie refused binds nobody, for either standard', () => {
    expect(flow(`${VENDOR}Where needed, Quillbrook will require its vendors to handle records, which need not be consistent with Quillbrook policies.`)).toBe('unspecified');
  });
  it('the rules of use called by the vendor\'s name are no tie ("Use is subject to Quillbrook policies")', () => {
    expect(flow(`${VENDOR}Programme Use by partners is subject to applicable Quillbrook policies, and each partner must keep its account details confidential.`)).toBe('unspecified');
  });
});
