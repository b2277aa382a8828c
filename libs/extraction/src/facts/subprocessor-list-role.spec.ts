import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Readings that carry a list's or a row's role to every name in it (the misses of unseen text read on ota-fresh19..21).
describe('every name of an enumeration shares its lead', () => {
  it('reads each platform of "advertising platforms, such as A, B, C and D" as a recipient, not only the first', () => {
    const md = '# Sharing\n\nWe share personal information with marketing and advertising platforms, such as Google, Twitter, Facebook and Instagram, in order to tailor the ads you see.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Google', 'Twitter', 'Facebook', 'Instagram']));
  });

  it('reads the platforms of "Advertising networks and technology companies, including A, B, and C"', () => {
    const md = '# Disclosures\n\nWe disclose personal data to:\n\n- Advertising networks and technology companies, including Google, Facebook, and Twitter, and companies that measure ad performance.\n- Our payment processor, Paystride.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Google', 'Facebook', 'Twitter']));
  });

  it('does not make a social network a recipient when the enumeration\'s lead is where the user signs in', () => {
    const md = '# Your account\n\nWe use service providers to run the service. You can sign in with social platforms such as Google, Twitter, Facebook and Instagram.\n';
    expect(names(md)).not.toEqual(expect.arrayContaining(['Twitter']));
    expect(names(md)).not.toEqual(expect.arrayContaining(['Instagram']));
  });

  it('does not carry a role past the enumeration: "advertising partners help us; follow us on Facebook, Twitter or Instagram"', () => {
    const md = '# Advertising\n\nOur advertising partners, such as Adsmith, help us measure campaigns, and you may follow our brand pages on Facebook, Twitter or Instagram.\n';
    const got = names(md);
    expect(got).toContain('Adsmith');
    expect(got).not.toContain('Instagram');
  });
});

describe('the lead of an enumeration is its nearest list, not an advertising noun before it', () => {
  it('does not give the names of "login providers like A, B and C" the role of a marketing list before them', () => {
    const md = '# Sharing\n\nWe share usage data with marketing tools (Braze) and login providers like Facebook, Twitter and LinkedIn, which you may use to sign in.\n';
    const got = names(md);
    expect(got).toContain('Braze');
    expect(got).not.toEqual(expect.arrayContaining(['Facebook']));
    expect(got).not.toEqual(expect.arrayContaining(['LinkedIn']));
  });

  it('does not read "social media marketing platforms, such as A, B and C" where the vendor keeps pages as advertising platforms', () => {
    const md = '# Our pages\n\nWe promote our brand on social media marketing platforms, such as Facebook, Instagram and TikTok, where we keep official pages.\n';
    expect(names(md)).toEqual([]);
  });

  it('reads the list from the role noun nearest it: "advertising partners (A) and advertising platforms like B, C and D"', () => {
    const md = '# Sharing\n\nWe share device identifiers with advertising partners (Criteo) and advertising platforms like Facebook, Snapchat and Pinterest.\n';
    expect(names(md)).toEqual(['Criteo', 'Facebook', 'Snapchat', 'Pinterest']);
  });

  it('still reads every platform of "advertising partners, such as A, B and C"', () => {
    const md = '# Sharing\n\nWe share device identifiers with advertising partners, such as Facebook, Twitter and Pinterest.\n';
    expect(names(md)).toEqual(['Facebook', 'Twitter', 'Pinterest']);
  });
});

describe('a table row is read cell by cell', () => {
  const table = (row: string): string =>
    ['# Our processors', '', 'We share personal data with the following processors:', '', '| Processor | Data | Purpose | Transfer safeguard | Location |', '| --- | --- | --- | --- | --- |', '| Statwise | Usage data | Analytics | SCCs | Ireland |', row, ''].join('\n');

  it('keeps a processor whose transfer-safeguard column says "DPF" (the framework is the row\'s safeguard, not the party)', () => {
    expect(names(table('| Dovetail | Name, demographic data | Research tool | SCCs, DPF | US |'))).toEqual(expect.arrayContaining(['Statwise', 'Dovetail']));
  });

  it('still leaves out a dispute body whose row says what it does in another cell (README: arbitration bodies)', () => {
    expect(names(table('| TrustArc | Name, email, complaint | Independent dispute resolution | N/A | US |'))).toEqual(['Statwise']);
  });

  it('still leaves out a framework or dispute body named in the name cell itself', () => {
    expect(names(table('| JAMS arbitration | Complaint details | Dispute resolution | N/A | US |'))).toEqual(['Statwise']);
  });

  it('keeps the name of a row that follows a row ending with one of the vendor\'s own names (a product is on its brand\'s line)', () => {
    const md = [
      '# Korea',
      '',
      'Acme Cloud ("Acme", "we") shares your personal information with the following delegatees:',
      '',
      '| Name of Party | Country | Function | Contract with |',
      '| --- | --- | --- | --- |',
      '| Ledgerly | United States | Payment invoicing | Acme |',
      '| Salesforce | United States | Customer relationship management | Acme |',
      '',
    ].join('\n');
    expect(names(md)).toEqual(expect.arrayContaining(['Ledgerly', 'Salesforce']));
  });

  it('still leaves out a product the vendor names after its brand on one line ("Acme Insights")', () => {
    const md = '# Processors\n\nAcme Cloud ("Acme", "we") provides the Acme Insights dashboard. We share usage data with our service providers, such as Statwise and Insights.\n';
    const got = names(md);
    expect(got).toContain('Statwise');
    expect(got).not.toContain('Insights');
  });
});
