import { sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';
import { frontedRecipients } from './subprocessor-prose-parties.js';

describe('a recipient fronted before the vendor\'s clause ("To X, we provide …")', () => {
  it('reads the party the vendor gives data to, a name holding another language\'s "och" whole', () => {
    const clause = 'To Smsbolaget AB, we provide the civil registration number and expiry date for lookups in the register. To AB Lopp och Trav, we provide the name, surname and picture when registering for Nordpass Plus.';
    const md = `# Nordpass privacy policy\n\n## Who we share data with\n\n${clause}\n`;
    expect(names(md)).toEqual(['AB Lopp och Trav', 'Smsbolaget AB']);
  });

  it('splits two parties joined by "and", with their offsets', () => {
    const v = 'To Adsmith and Bidwell Ltd, we disclose your email address.';
    expect(frontedRecipients(v).map((f) => [f.name, v.slice(f.at, f.at + f.name.length)])).toEqual([
      ['Adsmith', 'Adsmith'],
      ['Bidwell Ltd', 'Bidwell Ltd'],
    ]);
  });

  it('does not read a purpose, a group of people, or an object that is not data', () => {
    expect(frontedRecipients('To Improve the Services, we share usage data with partners.')).toEqual([]);
    expect(frontedRecipients('To Acme Customers, we provide free shipping on all orders.')).toEqual([]);
    expect(frontedRecipients('To users of Acme devices, we provide your account details.')).toEqual([]);
  });

  it('does not read the people the data is about or the notice is for', () => {
    for (const v of [
      'To California Residents, we provide the following information about personal data.',
      'To Account Holders, we send a monthly statement of their data.',
      'To Data Subjects, we provide information about the processing.',
      'To Parents, we provide the information we hold about their child.',
    ]) expect(frontedRecipients(v)).toEqual([]);
  });
});
