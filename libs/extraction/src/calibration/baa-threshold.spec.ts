import { extractDocument } from '../extract-document.js';

// A BAA named in terms of service as what lifts the customer's PHI prohibition, and the customer told not to use the
// service for PHI: both are answers (README), which the terms feature pulls to about 0.64–0.84, where every develop
// baa_offered answer was right (calibration-weights.ts, thresholds).
const terms = (clause: string) => new TextEncoder().encode(`# Terms of Service\n\n## Acceptable use\n\nThese Terms govern your use of the Acme Cloud services.\n\n${clause}\n`);

describe('baa_offered after calibration in terms of service', () => {
  it('asserts a BAA named as the condition that lifts the PHI prohibition', async () => {
    const r = await extractDocument(terms('Customer may not process protected health information through the Services unless Customer and Acme have signed a separate Business Associate Agreement.'), 'terms.md');
    expect(r.facts.baa_offered.value).toBe('yes');
  });
  it('asserts the customer\'s duty not to use the service for PHI', async () => {
    const r = await extractDocument(terms('If you are a covered entity, you agree that you will not use any feature of Acme Cloud to receive or transmit any protected health information.'), 'terms.md');
    expect(r.facts.baa_offered.value).toBe('no');
  });
});
