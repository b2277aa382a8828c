import { factOf } from '../testing/fact-of.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('return_or_destroy_on_termination: data kept until the account is deleted', () => {
  it('kept until the account is deleted, by the vendor or impersonally, is deleted then (README: delayed deletion)', () => {
    expect(rd('We keep your personal information until your account is deleted.')).toBe('yes');
    expect(rd('Your messages are stored on our servers until your account has been closed.')).toBe('yes');
  });
  it('not when another end stays open, nor as an option', () => {
    expect(rd('We retain your information until you delete your account or as needed to provide you services.')).toBe('unspecified');
    // The law's alternative bounds the keeping.
    expect(rd('We keep your data until your account is deleted or as required by law.')).toBe('yes');
    expect(rd('We may retain your registration data until you delete your account.')).toBe('unspecified');
    // The account's life alone states no deletion (OTA labels: GitHub, Simpli.fi, Financial Times).
    expect(rd('We retain your information for as long as your account is active or as needed to provide you services.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: what a deletion at the end acts on, and a negation that names how it happens', () => {
  it('the profile is data the vendor deletes', () => {
    expect(rd('When your account is closed, we delete your profile.')).toBe('yes');
  });
  it('"cannot delete … except by deleting your account" refuses no deletion', () => {
    expect(rd('When you close your account, we cannot delete your messages except by also deleting your account.')).toBe('unspecified');
    expect(rd('Upon termination, Acme is not required to delete your data.')).toBe('no');
  });
});
