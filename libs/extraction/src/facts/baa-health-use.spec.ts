import { factOf } from '../testing/fact-of.js';

const baa = (text: string) => factOf('baa_offered', text);

// README: `no` when submitted data must not include PHI. Not using the service to hold PHI is the same rule in other words.
describe('baa_offered: the user may not use the service to hold health data', () => {
  it('"you will not use … to create, receive, maintain or transmit any protected health information" is no', () => {
    expect(baa('You agree that you will not use any component, function or other facility of the Service to create, receive, maintain or transmit any protected health information.')).toBe('no');
  });
  it('the same use with a BAA as its condition is an offer, and another use is not about health data', () => {
    expect(baa('You will not use the Service to store or transmit protected health information unless you have signed our Business Associate Agreement.')).toBe('yes');
    expect(baa('You will not use the Service to send spam.')).toBe('unspecified');
  });
});
