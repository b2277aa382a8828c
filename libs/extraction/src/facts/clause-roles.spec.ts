import { factOf } from '../testing/fact-of.js';

/**
 * Who acts in a clause, read the same way for every fact (clauses/clause.ts): the thing acted on is the subject of a
 * passive verb in a coordinated clause, an actor word that modifies a noun is nobody acting, a pronoun after a
 * binding verb is the providers of the sentence before, and a refused duty to remove at the end is about the data.
 * Each case has a twin that keeps the earlier reading, so the rule is shown to change only what the clause says.
 */
describe('the data is the subject of a passive verb after a coordinated clause', () => {
  it('so a deletion on closing the account is the vendor\'s, though the customer acts in the first clause', () => {
    const text = 'The Subscriber may open only one profile at a time and all information linked to the profile will be deleted permanently when the account is closed.';
    expect(factOf('return_or_destroy_on_termination', text)).toBe('yes');
  });
  it('but a verb in a relative clause of another noun keeps its own reading', () => {
    const text = 'Your posts remain visible after you close your account, since once you publish, your content becomes part of a thread that cannot later be erased without removing the replies of others.';
    expect(factOf('return_or_destroy_on_termination', text)).toBe('unspecified');
  });
  it('and the customer deleting its own data stays the customer\'s act', () => {
    const text = 'When you close your account, you will delete all of your files from the workspace.';
    expect(factOf('return_or_destroy_on_termination', text)).toBe('unspecified');
  });
});

describe('an actor word that modifies a noun is not who acts', () => {
  it('"user behaviour" after the vendor\'s verb leaves "we" as the ones that aggregate', () => {
    const text = 'We use the information in our systems, including data you provide, to study the website and user behaviour, fix faults, and prepare aggregated reports that are shared with partners.';
    expect(factOf('deidentified_data_use', text)).toBe('allowed');
  });
  it('but the user as the subject of the clause still acts', () => {
    const text = 'You may aggregate the statistics shown in your dashboard for your own reports.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
});

describe('the subject of a contact relative clause on a noun is not who acts after it', () => {
  it('"the ads you see" inside a list of purposes leaves "we" as the ones that report aggregate statistics', () => {
    const text = 'We use location information to infer demographic information, to improve the relevance of the ads you see, to measure ad performance and to report aggregate statistics to advertisers.';
    expect(factOf('deidentified_data_use', text)).toBe('allowed');
  });
  it('and in other words: "the pages you visit" before the vendor\'s purposes', () => {
    const text = 'We analyse the pages you visit, to improve our service and to share aggregated statistics with partners.';
    expect(factOf('deidentified_data_use', text)).toBe('allowed');
  });
  it('but when the user is the clause\'s own subject, its later act is still the user\'s', () => {
    const text = 'You may export the reports you download, and share aggregated statistics with your own partners.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
});

describe('a contact relative clause after any determined noun, and a fronted noun phrase that is no relative clause', () => {
  it('"the videos you watch" and "the searches users make" are relative clauses: the vendor shares the statistics', () => {
    expect(factOf('deidentified_data_use', 'We collect information about the videos you watch, to improve recommendations and to share aggregated statistics with advertisers.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'We record the searches users make, to tune our ranking and to publish aggregated statistics about usage.')).toBe('allowed');
  });
  it('but "at the end of each month you may aggregate": the user is the subject of its own verb after a fronted time phrase', () => {
    const text = 'We provide analytics dashboards, and at the end of each month you may aggregate the results and share aggregated statistics with your partners.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
  it('and a verb coordinated with the user\'s own is the user\'s too ("at the end of each month customers export … and share …")', () => {
    const text = 'We provide dashboards and at the end of each month customers export the results and share aggregated statistics with partners.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
  it('and "in such case you may share" is the user\'s act', () => {
    const text = 'We provide the export tool, and in such case you may share aggregated statistics with your own partners.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
  it('and the user deleting its own files after "the moment", "any time" or "at the end of the term" is no vendor deletion', () => {
    for (const text of [
      'We host your workspace, and the moment you close your account you delete all of your files from the workspace.',
      'We provide storage and any time you close your account you will delete all of your files.',
      'We keep your files during the subscription, and at the end of the term you may delete all of your files from the workspace.',
      'We keep your files during the subscription, and at the end of the term you may export your files and delete them from the workspace.',
    ])
      expect(factOf('return_or_destroy_on_termination', text)).toBe('unspecified');
  });
});

describe('a pronoun after a binding verb is the providers named just before', () => {
  it('"we ensure that they are bound" to our instructions and this policy is a flow-down', () => {
    const text = 'We use carefully chosen third parties who act as service providers. We ensure that they are bound by written obligations to process the information we share with them in accordance with our instructions and this Privacy Policy.';
    expect(factOf('subcontractor_flowdown', text)).toBe('yes');
  });
  it('but the same words about the customer\'s own staff are not', () => {
    const text = 'You invite colleagues to your workspace. We ensure that they are bound by this Privacy Policy when they sign in.';
    expect(factOf('subcontractor_flowdown', text)).toBe('unspecified');
  });
});

describe('a refused duty to remove content at the end of the contract', () => {
  it('is the vendor keeping the data (no)', () => {
    const text = 'You agree that if either party terminates this agreement, we are not obligated to remove from its services any content submitted by you.';
    expect(factOf('return_or_destroy_on_termination', text)).toBe('no');
  });
  it('but content that was not removed, or cannot always be removed, refuses no duty', () => {
    expect(factOf('return_or_destroy_on_termination', 'After termination, the fact that we have not removed any listing does not waive your obligations under these Terms.')).toBe('unspecified');
  });
});

// The reviewer's counter-examples to the rules above: each reads the same words with the duty or the refusal on the
// other side, and must not become the vendor's commitment.
describe('what the clause rules must not read as the vendor\'s commitment', () => {
  it.each([
    'We use service providers. We do not require them to comply with this Privacy Policy.',
    'We use service providers. We never require them to process data in accordance with this Privacy Policy.',
    "We use service providers. We don't ensure that they are bound by obligations consistent with this Privacy Policy.",
  ])('a negated binding on "them" is no flow-down: %s', (text) => {
    expect(factOf('subcontractor_flowdown', text)).not.toBe('yes');
  });
  it.each([
    'Upon termination, the Customer shall ensure that all Patient Data is deleted from its own systems.',
    'Upon termination, you must ensure that all data is deleted from your devices.',
  ])('the customer ensuring a deletion is the customer\'s duty, not the vendor\'s return: %s', (text) => {
    expect(factOf('return_or_destroy_on_termination', text)).toBe('unspecified');
  });
  it.each([
    'We provide the Services and the User needs to remove and delete any content before the account is closed.',
    'We host the workspace and the customer needs to delete all data from its systems before the account is closed.',
  ])('"needs to" is a verb of the actor, not a noun it modifies: %s', (text) => {
    expect(factOf('return_or_destroy_on_termination', text)).toBe('unspecified');
  });
});

describe('a two-letter short form is a word, not the document\'s term for de-identified data', () => {
  it('"anonymised information (AI)" does not make "we use AI" a use of de-identified data', () => {
    const text = 'We may collect anonymised information (AI) about you.\n\nWe use AI to improve our Services and share the results with partners.';
    expect(factOf('deidentified_data_use', text)).toBe('unspecified');
  });
});

describe('a refused duty to remove that leaves nothing kept by the vendor is no refusal to delete', () => {
  it.each([
    'Upon termination, Provider is not responsible to remove data stored in your own systems.',
    'Upon termination of your account, we are not required to remove your content from backups until they expire.',
  ])('%s', (text) => {
    expect(factOf('return_or_destroy_on_termination', text)).not.toBe('no');
  });
});
