import { factOf } from '../testing/fact-of.js';
import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

// The account in a deletion's object, a request to end the account, and a refusal of automatic deletion beside a request.
describe('return_or_destroy_on_termination: the account as what is deleted and as what ends', () => {
  it('"delete your account profile" deletes the profile, it does not end the account', () => {
    expect(rd('As a member of Acme, we will delete your account profile when you close your account.')).toBe('yes');
    expect(rd('You can delete your account data at any time in the settings.')).toBe('unspecified');
    expect(rd('A person you let into your account may read, change or delete your account data and settings.')).toBe('unspecified');
  });
  it('a request to delete the account ends the account; deletion "only in anonymized form" is still deletion', () => {
    expect(rd('Once we receive your request to delete your account, we will delete your information under the applicable rules.')).toBe('yes');
    expect(rd('Once you make a request to delete your account, we start removing your data from our servers or retain it only in anonymized form.')).toBe('yes');
    expect(rd('Once you make a request to delete your account, we start removing your data from our servers but retain it in backups.')).toBe('unspecified');
  });
  it('"will not automatically delete" with deletion on request is erasure on request, not a refusal', () => {
    expect(rd('Closing and deletion of your account will not automatically delete the personal data we hold about you. To request deletion of that data, write to us.')).toBe('unspecified');
    expect(rd('Deletion of your account will not automatically delete the personal data we hold; a deletion request for it is made separately.')).toBe('unspecified');
    expect(rd('Acme does not automatically delete materials created by the student when a student\'s account is closed.')).toBe('no');
  });
});

describe('return_or_destroy_on_termination: what account deletion means, and what will not be kept after the end', () => {
  it('a heading about deleting or closing the account makes its clauses about the account\'s end', () => {
    expect(underHeading('What deleting your account means', 'Your account and all personal data will be permanently deleted and cannot be restored.')).toBe('yes');
    expect(underHeading('How to delete your account data', 'Your personal data will be permanently deleted.')).toBe('unspecified');
    expect(underHeading('How we use your data', 'Your account and all personal data will be permanently deleted and cannot be restored.')).toBe('unspecified');
  });
  it('a future refusal to keep, right after the sentence naming the end, is deletion then', () => {
    expect(rd('Once your Account is terminated, you can no longer sign in to our Services. Any points or other information saved on our Services will not be retained or accessible.')).toBe('yes');
    expect(rd('Upon termination, your license ends. We do not retain any backup of your content.')).toBe('unspecified');
  });
});

// A Markdown policy as the bench reads it (loader sections give the headings).
function underHeading(heading: string, item: string): unknown {
  const doc = loadMarkdown(`# Acme Privacy Policy\n\nThis policy explains how Acme uses data.\n\n## ${heading}\n\n*   ${item}\n\n## Contact\n\nWrite to us.`);
  return extractFacts(doc.text, { sections: doc.sections, uncalibrated: true }).facts.return_or_destroy_on_termination.value;
}

describe('return_or_destroy_on_termination: a request the vendor receives is a request', () => {
  it('"when we receive a request to delete your personal data" is erasure on request, under an account-deletion heading too', () => {
    expect(underHeading('Data retention and account deletion', 'When we receive a request to delete your personal data, we will delete your comments from our servers.')).toBe('unspecified');
  });
});
