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

// The account's life ("for as long as your account is active", "the duration of the contract plus 30 days") names the end
// only for the period kept after it: it does not make the rest of the sentence, or the next one, a clause about the end.
describe('return_or_destroy_on_termination: the account\'s life is no end for other clauses', () => {
  it('aggregated, de-identified or anonymised data kept without end, or deleting at the vendor\'s discretion, beside the account\'s life', () => {
    expect(rd('We retain your personal data for as long as your account is active. We may retain aggregated or anonymised information indefinitely.')).toBe('unspecified');
    expect(rd('We will retain your information for as long as your account is active, and we may keep de-identified data indefinitely for our business purposes.')).toBe('unspecified');
    expect(rd('We store your data as long as your account is active, and we may delete inactive content at our discretion.')).toBe('unspecified');
    expect(rd('For the duration of the contract plus 30 days, we keep your data, and then we may keep it indefinitely in anonymised form.')).not.toBe('no');
  });
});

// A period from the end of something else than the contract or account (a recruitment process, a financial year) is that
// thing's retention, not the customer's data going at the end.
describe('return_or_destroy_on_termination: a period from the end of something else', () => {
  it('a retention table row counted from the end of a recruitment process or a financial year', () => {
    expect(rd('Data | Retention\n--- | ---\nJob applications | kept 2 years after the end of the recruitment process')).toBe('unspecified');
    expect(rd('Données | Durée de conservation\n--- | ---\nDonnées des candidats | conservées 2 ans après la fin du processus de recrutement')).toBe('unspecified');
    expect(rd('Données | Durée de conservation\n--- | ---\nDonnées de facturation | conservées 10 ans à compter de la fin de l’exercice')).toBe('unspecified');
  });
});

// A duty to keep is named in many words besides "for legal purposes": claims, litigation, evidence, a regulation.
describe('return_or_destroy_on_termination: a period after the end kept against claims or under a regulation', () => {
  it('under "may", for the account\'s life plus a period, or for a further period', () => {
    expect(rd('We may retain your personal data for up to six years after the end of our relationship in case of a claim against us.')).toBe('unspecified');
    expect(rd('We may retain your data for up to 3 years after the end of the relationship for evidentiary purposes.')).toBe('unspecified');
    expect(rd('We keep your data for the life of your account plus 5 years in case of a dispute.')).toBe('unspecified');
    expect(rd('We retain your data for as long as you have an account and for a further 5 years after account closure as required under anti-money laundering regulations.')).toBe('unspecified');
    expect(rd('We keep your data for as long as your account is active and a reasonable period thereafter for backup, archival and audit purposes.')).toBe('unspecified');
  });
  it('the account\'s life plus a period counted from the last login', () => {
    expect(rd('Your data is kept for the lifetime of your account plus 2 years from your last login.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: what a further period or a table row keeps', () => {
  it('records kept for a further period after the account data\'s life', () => {
    expect(rd('We retain your account data while your account is open, and transaction records for a further 7 years after account closure.')).toBe('unspecified');
  });
  it('a fraud-prevention or newsletter row', () => {
    expect(rd('Purpose | Retention\n--- | ---\nFraud prevention | stored for 5 years after the end of the business relationship')).toBe('unspecified');
    expect(rd('Purpose | Retention\n--- | ---\nNewsletter | kept for 3 years after the end of the customer relationship or until you unsubscribe')).toBe('unspecified');
  });
});
