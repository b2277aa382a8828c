import { factOf } from '../testing/fact-of.js';

/**
 * General reading rules found on ota-fresh17 … 20 (issue 7, fourteenth session): who acts, what a word modifies and
 * what a clause of scope declares. Each rule has the sentence it reads and the near miss where it must not fire.
 */
describe('deidentified_data_use: a policy whose scope leaves aggregated data out', () => {
  it('"applies only to X, not to aggregate information" declares such data outside the policy (README: allowed)', () => {
    expect(factOf('deidentified_data_use', 'This policy applies only to personal information, not to aggregate information or information that does not identify you.')).toBe('allowed');
  });
  it('a scope clause about something else is no refusal and no permission', () => {
    expect(factOf('deidentified_data_use', 'This policy applies to our website, but not to third-party sites.')).toBe('unspecified');
  });
  it('a refusal after a scope clause is still a refusal', () => {
    expect(factOf('deidentified_data_use', 'We do not aggregate your data for our own purposes.')).toBe('prohibited');
  });
});

describe('deidentified_data_use: "aggregate" as a measure of use is not data', () => {
  it('aggregate traffic, usage or storage is an amount the user consumes', () => {
    expect(factOf('deidentified_data_use', 'If your aggregate traffic usage across all your models is higher than 99% of users, we may charge fees for excessive usage.')).toBe('unspecified');
    expect(factOf('deidentified_data_use', 'We may suspend accounts whose aggregate storage exceeds the plan limit.')).toBe('unspecified');
  });
  it('aggregated usage data used by the vendor still counts', () => {
    expect(factOf('deidentified_data_use', 'We may use aggregated usage data to improve our services.')).toBe('allowed');
  });
});

describe('deidentified_data_use: who aggregates', () => {
  it('a third party using data for aggregation on its own account is not the vendor\'s use', () => {
    expect(factOf('deidentified_data_use', 'When acting as an independent controller, these third-party partners may use your personal data for aggregation purposes and to derive reports based on the aggregated data.')).toBe('unspecified');
  });
  it('the vendor (a contract\'s defined "Provider") aggregating is its use', () => {
    expect(factOf('deidentified_data_use', 'Provider may aggregate and de-identify Customer Data and use such data for any lawful purpose.')).toBe('allowed');
  });
  it('aggregated data the vendor gives its partners is the vendor sharing it', () => {
    expect(factOf('deidentified_data_use', 'Our advertising partners may use aggregated data that we provide to them to measure campaigns.')).toBe('allowed');
  });
});
