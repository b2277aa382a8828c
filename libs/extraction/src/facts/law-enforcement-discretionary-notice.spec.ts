import { extractFacts } from '../extract-facts.js';

// Notice the vendor gives only when it judges notice fitting ("where Acme considers notice appropriate", "at its sole
// discretion") is the vendor's choice, not a commitment the customer can rely on: the disclosure it qualifies stands
// as it is. A firm notice beside a carve-out the law imposes stays a notice. Texts written for these tests.
const le = (text: string) => extractFacts(text).facts.law_enforcement_disclosure;
const demand = 'Acme may disclose PHI where required by law, including in response to a subpoena or civil investigative demand, and ';

describe('law enforcement: notice at the vendor\'s discretion', () => {
  it.each([
    ['where the vendor considers notice appropriate', `${demand}will notify Customer where Acme considers notice appropriate.`],
    ['if it deems it advisable', `${demand}will notify Customer if it deems it advisable.`],
    ['when we determine that notice is warranted', `${demand}will notify Customer when Acme determines that notice is warranted.`],
    ['at its sole discretion', `${demand}will notify Customer at its sole discretion.`],
    ['in its reasonable discretion', `${demand}will notify Customer in its reasonable discretion.`],
  ])('is no notice commitment: %s', (_why, text) => {
    expect(le(text).value).toBe('any_legal_request');
  });

  it.each([
    ['unless the law forbids it', `${demand}will notify Customer before disclosing unless the law forbids it.`],
    ['a discretion about something else in the sentence', `${demand}will notify Customer of the request, and may, at its discretion, contest it.`],
  ])('keeps a committed notice: %s', (_why, text) => {
    expect(le(text).value).toBe('legal_process_with_notice');
  });
});
