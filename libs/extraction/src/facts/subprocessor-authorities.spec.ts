import { authoritySpan, partyKindPlural } from '../clauses/authorities.js';
import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// Names that no label convention accepts as recipients (issue 7 review): public authorities, title-case plurals of a
// kind of party, and recipients-table cells that say how or where rather than who. Each positive case failed before
// clauses/authorities.ts (the names were asserted); the counter-examples were read right before and still are.
const share = (list: string): string => `# Sharing\n\nWe may share your personal data with our service providers, such as ${list}.`;

describe('a public authority is not a sub-processor', () => {
  it('drops tax offices, police co-operation bodies and public health programmes named as recipients', () => {
    expect(names(share('Stripe, HMRC and Europol'))).toEqual(['Stripe']);
    expect(names('# Who receives your data\n\nWe pass your data to the following recipients:\n\n- Medicare, to settle your claims\n- Availity, to check your eligibility\n')).toEqual(['Availity']);
  });

  it('reads a multi-word body whole before splitting it at "and": neither half is a name', () => {
    expect(names('# Who receives your data\n\nWe pass your data to the following recipients:\n\n- Food and Drug Administration, for reports of reactions to food or drugs\n- Twilio, for text messages\n')).toEqual(['Twilio']);
    expect(names(share('Stripe, Mailgun and the U.S. Department of Health and Human Services'))).toEqual(['Stripe', 'Mailgun']);
    expect(names(share('Stripe, Mailgun and HM Revenue and Customs'))).toEqual(['Stripe', 'Mailgun']);
    // A brand on the left of "and" is a party of its own, not the first word of the body's name.
    expect(names(share('Stripe, Mailgun and Federal Trade Commission'))).toEqual(['Stripe', 'Mailgun']);
  });

  it('reads an "of" body whole: its head part is the body, a one-word brand after its "and" is a party of its own', () => {
    // Written without "the", the reader splits the body into "Department of Health" and "Human Services".
    expect(names(share('Stripe, Department of Health and Human Services and Mailgun'))).toEqual(['Stripe', 'Mailgun']);
    expect(names(share('Stripe, Bureau of Fiscal Service and Surescripts'))).toEqual(['Stripe', 'Surescripts']);
    // Counter-example: ordinary words on the right of the "and" are the body's ("Human Services").
    const s = 'We may disclose it to Stripe and the Department of Health and Human Services.';
    expect(authoritySpan(s, s.indexOf('Human'), 'Human Services')).toBe('Department of Health and Human Services');
    expect(authoritySpan(s, s.indexOf('Department'), 'Department of Health')).toBe('Department of Health and Human Services');
  });

  it('keeps a company whose name holds such a word elsewhere than at its head, or carries a legal suffix', () => {
    // An affiliate network and a reporting tool, not a commission or an agency.
    expect(names(share('Stripe, Commission Junction and the Food and Drug Administration'))).toEqual(['Stripe', 'Commission Junction']);
    expect(names(share('Agency Analytics and Mailgun'))).toEqual(['Agency Analytics', 'Mailgun']);
    expect(names('# Who receives your data\n\nWe pass your data to the following recipients:\n\n- Northfield Claims Administration Inc., to process claims\n- Twilio, for text messages\n')).toEqual(['Northfield Claims Administration Inc.', 'Twilio']);
  });

  it('finds the whole name around a part, and not across a company possessive or an activity', () => {
    const s = 'We may disclose it to Stripe and the Food and Drug Administration.';
    // "Food" joins the body as a word the document writes in lower case too; a brand on the left of "and" would not.
    expect(authoritySpan(s, s.indexOf('Food'), 'Food', (w) => w === 'food')).toBe('Food and Drug Administration');
    expect(authoritySpan(s, s.indexOf('Food'), 'Food')).toBeUndefined();
    expect(authoritySpan(s, s.indexOf('Drug'), 'Drug Administration')).toBe('Food and Drug Administration');
    expect(authoritySpan(s, s.indexOf('Stripe'), 'Stripe')).toBeUndefined();
    const t = 'Complaints go to the Information Commissioner’s Office; notices go to Acme’s Legal Department.';
    expect(authoritySpan(t, t.indexOf('Information'), 'Information Commissioner')).toBe('Information Commissioner’s Office');
    expect(authoritySpan(t, t.indexOf('Legal'), 'Legal Department')).toBeUndefined();
    const u = 'See Administration of Workspace Accounts for details.';
    expect(authoritySpan(u, u.indexOf('Administration'), 'Administration of Workspace Accounts')).toBeUndefined();
  });
});

describe('a title-case plural of a kind of party is a category', () => {
  it('drops "Couriers", "Banks" and the like even when the document never writes them in lower case', () => {
    expect(names('# Sharing\n\nTo complete an order we may share your details with service providers, Couriers, Banks and Mailgun.')).toEqual(['Mailgun']);
  });

  it('keeps a brand that is a plural English word naming no kind of party, and a singular ending in "s"', () => {
    expect(partyKindPlural('Pairs')).toBe(false);
    expect(partyKindPlural('Business')).toBe(false);
    expect(partyKindPlural('Pharmacies')).toBe(true);
    expect(names('# Sharing\n\nTo complete an order we may share your details with service providers, such as Pairs and Mailgun.')).toEqual(['Pairs', 'Mailgun']);
  });
});

describe('a recipients-table cell that says how or where, not who', () => {
  const table = (rows: string[]): string =>
    ['# Acme Privacy Policy', '', 'Acme Inc. ("Acme", "we") runs acme.com. You can change your choice in the cookie banner.', '', '# Who we share data with', '', 'We share your data with the recipients below.', '', '| Recipient | Consent | Policy |', '| --- | --- | --- |', ...rows, ''].join('\n');

  it('drops an answer word and a sentence-case phrase of ordinary words of the document', () => {
    expect(names(table(['| Yes | Cookie banner | https://www.acme.com/privacy |', '| Statwise | Cookie banner | https://statwise.example/privacy |']))).toEqual(['Statwise']);
    expect(names(table(['| Cookie banner | Yes | https://www.acme.com/privacy |', '| Statwise | Yes | https://statwise.example/privacy |']))).toEqual(['Statwise']);
  });

  it('keeps a company name in sentence case with a legal suffix, and a lower-case brand linked to its own policy', () => {
    expect(names(table(['| Cloud storage Ltd | Yes | https://cloudstorage.example/privacy |']))).toEqual(['Cloud storage Ltd']);
    expect(names(table(['| quillcraft | Yes | https://inkworks.example/legal/privacy.html |']))).toEqual(['quillcraft']);
  });

  it('keeps a sentence-case name of ordinary words where the row neither answers a question nor points back to the vendor', () => {
    // A practice's policy speaks of change and healthcare; the clearinghouse is still named in its table.
    const md = '# Privacy\n\nWe help practices manage change in healthcare billing.\n\n# Sub-processors\n\nWe use the following sub-processors:\n\n| Sub-processor | Purpose |\n| --- | --- |\n| Change healthcare | claims clearinghouse |\n| Twilio | text messages |\n';
    expect(names(md)).toEqual(['Change healthcare', 'Twilio']);
  });

  it('does not take a lower-case cell for a brand when the row links to the vendor\'s own policy', () => {
    expect(names(table(['| quillcraft | Yes | https://www.acme.com/privacy |']))).toEqual([]);
  });
});
