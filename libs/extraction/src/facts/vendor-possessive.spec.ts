import { factOf } from '../testing/fact-of.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);
const ACME = 'Acme Inc. ("Acme", "we") provides the Services.\n\n';

describe('clause subjects: the vendor\'s name after "your" names the user\'s thing, not the vendor', () => {
  it('the vendor acting still counts', () => {
    expect(rd(`${ACME}After you close your account, Acme will delete your content within 30 days.`)).toBe('yes');
    expect(rd(`${ACME}After termination, Acme may delete your content after a commercially reasonable period.`)).toBe('no');
  });
  it('"You may close Your Acme account and delete your content" is the user deleting', () => {
    expect(rd(`${ACME}You may close Your Acme account and delete any of Your Content at any time.`)).toBe('unspecified');
  });
});
