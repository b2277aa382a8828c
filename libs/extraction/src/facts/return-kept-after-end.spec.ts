import { factOf } from '../testing/fact-of.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

// A retention period counted from the end of the account, contract or relationship is a delayed deletion (OTA README:
// "yes … including delayed deletion"), however the period is joined to the end.
describe('return_or_destroy_on_termination: a retention period counted from the end of the account', () => {
  it('the life of the account plus a period', () => {
    expect(rd('Account information is generally retained for the life of the account + 2 years, unless a longer retention period is required by law.')).toBe('yes');
    expect(rd('We keep your profile data for the duration of your account plus two years.')).toBe('yes');
  });
  it('a further period after the account closes, far from the keeping verb', () => {
    expect(rd('Your account information and purchase history is kept on our systems for as long as you have an account on our system, then for a further 12 months after any account closure.')).toBe('yes');
    expect(rd('We store your personal data for as long as your account is open and for a further 12 months after you close your account, after which it is deleted.')).toBe('yes');
  });
  it('a period with no number that still ends, and a period up to a date after closure', () => {
    expect(rd('We retain your account information for as long as your account is active and a reasonable period thereafter in case you decide to re-activate the Services.')).toBe('yes');
    expect(rd('We retain your profile data until 30 days after account closure.')).toBe('yes');
  });
  it('a period from the end of the business relationship, stated as a maximum', () => {
    expect(rd('The data may be kept for a maximum of three (3) years from the end of the commercial relationship.')).toBe('yes');
    expect(rd('Customer data is retained for a maximum of three (3) years from the end of the contract.')).toBe('yes');
  });
  it('a retention table row whose period runs from the account\'s end', () => {
    expect(rd('Données | Durée de conservation\n--- | ---\nDonnées relatives au profil | Les données de profil sont conservées 36 mois après la désactivation d’un compte.')).toBe('yes');
    expect(rd('Category | Retention period\n--- | ---\nAccount data | Kept for the duration of the account + 3 years')).toBe('yes');
  });
});

describe('return_or_destroy_on_termination: what stays unspecified beside the period', () => {
  it('keeping for a legal duty or the vendor\'s own records after the end', () => {
    expect(rd('We retain billing records for 10 years after the closure of your account to comply with our tax obligations.')).toBe('unspecified');
    expect(rd('Invoices are kept for the life of the account plus seven years for accounting purposes.')).toBe('unspecified');
    expect(rd('Your account data is kept for 2 years after the closure of your account, as we are obliged under applicable law.')).toBe('unspecified');
  });
  it('an unbounded or lower-bounded period, erasure on request, a deletion feature', () => {
    expect(rd('We retain your data for the life of your account and for as long as necessary thereafter.')).toBe('unspecified');
    expect(rd('Account data is kept for at least 2 years after the end of the contract.')).toBe('unspecified');
    expect(rd('You may request the deletion of your personal data at any time by contacting us.')).toBe('unspecified');
    expect(rd('You can delete your account at any time from the settings page.')).toBe('unspecified');
    expect(rd('Data | Retention\n--- | ---\nLocation data | Deleted immediately on termination of the value-added service.')).toBe('unspecified');
  });
  it('a bare period in a purposes table: the purpose\'s archiving or limitation period', () => {
    expect(rd('Purpose | Data | Legal basis | Retention period\n--- | --- | --- | ---\nGuarantee the security of services we offer | Identity data | Legitimate interest | 5 years from the end of the contract')).toBe('unspecified');
  });
});
