import { factOf } from '../testing/fact-of.js';
import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

// The account in a deletion's object, a request to end the account, and a refusal of automatic deletion beside a request.
describe('return_or_destroy_on_termination: the account as what is deleted and as what ends', () => {
  it('"delete your account profile" deletes the profile, it does not end the account', () => {
    expect(rd('For example, if you are an Acme user, we will delete your account profile if you close your account.')).toBe('yes');
    expect(rd('You can delete your account data at any time in the settings.')).toBe('unspecified');
    expect(rd('By permitting a third party to access your account, the third party may obtain, modify, or delete your account data and settings.')).toBe('unspecified');
  });
  it('a request to delete the account ends the account; deletion "only in anonymized form" is still deletion', () => {
    expect(rd('Once we receive your request to delete your account, we will delete your information according to applicable laws.')).toBe('yes');
    expect(rd('After you submit a request to delete your account, we initiate a deletion process to remove your data from our servers or retain it only in anonymized form.')).toBe('yes');
    expect(rd('After you submit a request to delete your account, we remove your data from our servers but retain it in backups.')).toBe('unspecified');
  });
  it('"will not automatically delete" with deletion on request is erasure on request, not a refusal', () => {
    expect(rd('Deletion of your account will not automatically delete the personal data we have collected about you. To request deletion of such data, please contact us.')).toBe('unspecified');
    expect(rd('Please note that deletion of your account will not automatically delete the personal data we hold, and such deletion request must be made separately.')).toBe('unspecified');
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
    expect(rd('After your Account is terminated, you will not be able to access our Services. Any scores or other information saved on our Services will not be retained or accessible.')).toBe('yes');
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
