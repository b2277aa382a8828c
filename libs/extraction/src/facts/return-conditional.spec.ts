import { factOf } from '../testing/fact-of.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

// A deletion the document makes depend on what another rule requires commits to nothing itself (README: the conservative
// value; don't credit a vendor with a protection the text doesn't clearly give), nor does it refuse anything.
describe('return_or_destroy_on_termination: deletion only where another rule requires it', () => {
  it('a requirement condition before the deletion leaves it unanswered', () => {
    expect(rd('When you close your profile, Acme will, if required by its data policy, erase your profile details.')).toBe('unspecified');
    expect(rd('Where and when the applicable law requires, we shall erase the data we hold once your account is closed.')).toBe('unspecified');
    expect(rd('If the law requires it, we will destroy the records after the contract is terminated.')).toBe('unspecified');
  });
  it('a requirement condition after the deletion leaves it unanswered', () => {
    expect(rd('Once the subscription is cancelled, we will erase your profile details where required by applicable law.')).toBe('unspecified');
    expect(rd('On termination we will destroy the stored records to the extent required by the governing regulations.')).toBe('unspecified');
  });
  it('an exception for the law, or a condition on another act, leaves the deletion a commitment', () => {
    expect(rd('On termination we will destroy the stored records, except where required by law to keep them.')).toBe('yes');
    expect(rd('On termination we will destroy the stored records unless and to the extent required by law to keep them.')).toBe('yes');
    expect(rd('On termination we will destroy the stored records and, where required by law, tell the regulator.')).toBe('yes');
    expect(rd('On termination we will destroy the stored records and keep only the invoices where required by law.')).toBe('yes');
    expect(rd('On termination we will destroy the stored records as required by the governing regulations.')).toBe('yes');
  });
});

// Refusing to keep data, in the sentence after the one naming the end, is deletion then only when the refusal is whole:
// "not … longer than necessary", "without your consent" limit keeping in general, they do not end it.
describe('return_or_destroy_on_termination: a limited refusal to keep after the sentence naming the end', () => {
  it('a refusal with a limit, a condition or an exception says nothing of the end', () => {
    expect(rd('You can close your account whenever you like. We will not retain your personal data for longer than necessary.')).toBe('unspecified');
    expect(rd('You may terminate this Agreement whenever you like. We will not retain your records without your consent.')).toBe('unspecified');
    expect(rd('You can cancel the subscription whenever you like. We will not keep your stored records unless you ask us to.')).toBe('unspecified');
  });
  it('a whole refusal still is deletion at the end', () => {
    expect(rd('Once your profile is terminated, you lose access to the platform. The records saved there will not be retained.')).toBe('yes');
  });
});
