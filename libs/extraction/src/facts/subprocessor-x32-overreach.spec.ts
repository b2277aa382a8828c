import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
// Whether a name of the company whose name opens with `head` is among `got` (its legal suffix's full stop aside).
const has = (got: string[], head: string): boolean => got.some((n) => n.startsWith(head));

// Review of the x32 readings (issue 7): sentences where a reading that drops a name must not fire, because the name is
// a real recipient of the vendor's data. Each was read as a recipient before those readings.
describe('x32 readings do not drop real recipients', () => {
  it('keeps companies after a negation in an earlier sentence or clause', () => {
    for (const text of [
      'We do not sell your data. We share it with Paystride, Inc. and Textwell Inc. to process payments and send texts.',
      'We do not sell your personal data, but we share it with Paystride, Inc. and Textwell Inc. to process payments.',
    ]) {
      const got = names(orbitalPage(text));
      expect([has(got, 'Paystride, Inc'), has(got, 'Textwell Inc')]).toEqual([true, true]);
    }
  });

  it('keeps the companies "but" sets against a negated one ("not A but B and C")', () => {
    const got = names(orbitalPage('Our service providers are not Adnet Inc. but Paystride, Inc. and Textwell Inc., which process your data on our behalf.'));
    expect([has(got, 'Adnet'), has(got, 'Paystride, Inc'), has(got, 'Textwell Inc')]).toEqual([false, true, true]);
  });

  it('keeps a provider named with its former name', () => {
    const got = names(orbitalPage('Payments are handled by our payment provider Paystride N.V. (formerly Bankpassen B.V.) on our behalf.'));
    expect(has(got, 'Paystride N.V')).toBe(true);
  });

  it('keeps the company that stores messages sent over a channel the user chose', () => {
    const got = names(orbitalPage('You can message us through Chatterbox Messenger; your messages are stored by Chatterbox Platforms, Inc. on our behalf.'));
    expect(has(got, 'Chatterbox Platforms, Inc')).toBe(true);
  });

  it('keeps a company data is provided to (only content supplied "by" a party makes it a source)', () => {
    expect(has(names(orbitalPage('Personal data is provided to Helpline Inc., which hosts our support desk.')), 'Helpline Inc')).toBe(true);
  });

  it('keeps the companies listed after "<brand> partner entities"', () => {
    const got = names(orbitalPage('Orbital partner entities: Paystride Inc. and Textwell Inc. process your data on our behalf.'));
    expect([has(got, 'Paystride Inc'), has(got, 'Textwell Inc')]).toEqual([true, true]);
  });
});
