import { factOf } from '../testing/fact-of.js';

const rd = (text: string) => factOf('return_or_destroy_on_termination', text);

describe('return_or_destroy_on_termination: clauses about the end of the contract or account', () => {
  it('the vendor deleting after the end, whoever the opening condition names', () => {
    expect(rd('If you terminate your relationship with Acme, we will delete your personal information in accordance with our retention policies.')).toBe('yes');
    expect(rd('Within thirty days of termination, upon Customer\'s request, or if Customer deletes its workspace, Acme will delete Customer\'s files.')).toBe('yes');
    // The one told to delete is the vendor when the document names it ("Acme" defined as "we").
    expect(rd('Acme Inc. ("Acme", "we") provides the Services.\n\nCustomer instructs Acme to delete all remaining customer personal data from its systems at the end of the Term.')).toBe('yes');
  });
  it('delayed and passive deletion', () => {
    expect(rd('If you cancel your account, your data may be retained in our backup records until deleted after 90 days.')).toBe('yes');
    expect(rd('If you close your account, your personal data will be marked for deletion.')).toBe('yes');
    expect(rd('Your billing data will be kept by Acme for the period of time that you use our services, and deleted no later than three years from the last contact.')).toBe('yes');
  });
  it('no: not deleted, kept with no end, or kept or deleted at the vendor\'s discretion', () => {
    expect(rd('Acme does not automatically delete materials created by the student when a student\'s account is closed.')).toBe('no');
    expect(rd('Acme Inc. ("Acme", "we") provides the Services.\n\nAcme maintains access to such data also after the Agreement between you and Acme is terminated.')).toBe('no');
    expect(rd('If the Agreement terminates for any reason, Acme is entitled to keep or delete any data in your account.')).toBe('no');
  });
  it('not an answer: the customer\'s duty, moderation, a sanction, a newsletter, a retention period or a table row', () => {
    expect(rd('Upon termination, you shall delete all data obtained in connection with the Services.')).toBe('unspecified');
    expect(rd('After termination, we may remove or delete any content that violates these terms.')).toBe('unspecified');
    expect(rd('We may terminate your account immediately and without notice and we may delete any comments you have posted.')).toBe('unspecified');
    expect(rd('After unsubscribing from the newsletter, your personal data will be deleted.')).toBe('unspecified');
    expect(rd('When the data retention period expires for a given type of data, we will delete or destroy it.')).toBe('unspecified');
    expect(rd('Please note that the deletion of your data may result in the termination of some services.')).toBe('unspecified');
    expect(rd('Note that removing access does not delete your account.')).toBe('unspecified');
    expect(rd('Under these circumstances, data will be deleted once the legal or regulatory obligations expire.')).toBe('unspecified');
    expect(rd('After termination, if you fail to direct us to return or dispose of any unit within thirty days, we will charge a fee.')).toBe('unspecified');
    expect(rd('Even after you delete your account, we may retain certain information as required by law.')).toBe('unspecified');
    expect(rd('Acme may close your account and delete any content in it if there is no account activity for 12 months.')).toBe('unspecified');
    expect(rd('Data | Retention\n--- | ---\nLocation data | Deleted immediately on termination of the value-added service.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination: an option declared not a duty', () => {
  it('"may, but shall not be obligated to: … delete" is neither a duty to delete nor a refusal', () => {
    expect(rd('Upon termination, we may, but shall not be obligated to: (i) delete or deactivate your account and (ii) block your e-mail and/or IP addresses or otherwise terminate your use of the Website, and/or (iii) remove and/or delete any of your User Submissions (defined below).')).toBe('unspecified');
    expect(rd('When your account is closed, Acme may, but is not required to, delete your content.')).toBe('unspecified');
  });
  it('still reads a refused duty, a discretion to keep, and a duty after the option\'s sentence', () => {
    expect(rd('You agree that if either party terminates this agreement, we are not obligated to remove from our services any content submitted by you.')).toBe('no');
    expect(rd('If the Agreement terminates for any reason, Acme is entitled to keep or delete any data in your account.')).toBe('no');
    expect(rd('Upon termination, we may, but are not obligated to, notify you. We will delete all Customer Data within 30 days after termination.')).toBe('yes');
    expect(rd('Upon termination, we may, but are not obligated to, notify you; we will delete all Customer Data within 30 days after termination.')).toBe('yes');
  });
});
