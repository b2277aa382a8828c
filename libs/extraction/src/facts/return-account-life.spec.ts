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

describe('return_or_destroy_on_termination: review of the account-life readings', () => {
  it('an open end beside the account\'s, after "or" or "unless", keeps the data past it', () => {
    expect(rd('We keep your data until your account is deleted or until we no longer need it.')).toBe('unspecified');
    expect(rd('We keep your data until your account is deleted or for as long as we have a legitimate business interest.')).toBe('unspecified');
    expect(rd('We keep your data until you close your account, unless we need it for our legitimate business purposes.')).toBe('unspecified');
    // The law's alternative bounds the keeping however it is worded.
    expect(rd('We keep your data until your account is deleted or as long as necessary to comply with our legal obligations.')).toBe('yes');
    expect(rd('Your data is retained until your account is deleted, unless it is required by law.')).toBe('yes');
  });
  it('a stated period after the account\'s end is delayed deletion, not keeping beyond it', () => {
    expect(rd('We keep your data until your account is deleted, and for up to 30 days thereafter.')).toBe('yes');
    expect(rd('We keep your data until your account is deleted and thereafter for as long as needed.')).toBe('unspecified');
  });
  it('another account\'s end (a bank, an email account) is not the end of the account with the vendor', () => {
    expect(rd('We keep your payment details until your bank account is closed.')).toBe('unspecified');
    expect(rd('We store your messages until you delete your email account.')).toBe('unspecified');
    expect(rd('We keep your data until your user account is deleted.')).toBe('yes');
  });
  it('a negated deletion is no refusal only when its exception or limit is the account\'s end', () => {
    expect(rd('Your data will not be deleted until your account is closed.')).toBe('unspecified');
    expect(rd('We cannot delete your messages unless you delete your account.')).toBe('unspecified');
    expect(rd('Upon termination, we will not delete your data except when required by law.')).toBe('no');
    expect(rd('Upon termination, we will not delete your data except if we are required to.')).toBe('no');
    expect(rd('Upon termination, we will not delete your data unless you ask us to.')).toBe('no');
  });
});

describe('return_or_destroy_on_termination: the agent of the account\'s end', () => {
  it('"closed by you" after "until" names who ends the account, not who keeps the data', () => {
    expect(rd('Your messages are stored until the account is closed by you.')).toBe('yes');
    expect(rd('Upon termination, your content may be deleted by you.')).toBe('unspecified');
  });
});
