import { factOf } from '../testing/fact-of.js';

const off = (text: string) => factOf('offshore_processing', text);

/**
 * offshore_processing read through the clause layer's negation reader (issue 7): the extractor's own negation
 * patterns are gone. Each rule: the sentence it is for and a near miss it must not fire on.
 */
describe('offshore_processing: a refusal is read by the shared negation reader', () => {
  it('"never transfer … outside the EEA" confines the data (the pattern wanted "do/will not")', () => {
    expect(off('We never transfer your personal data outside the EEA.')).toBe('no');
  });
  it('near miss: a refusal of unlawful transfers only ("in breach of the Data Protection Laws") confines nothing', () => {
    expect(off('Neither party shall transfer Personal Data to countries outside of the European Economic Area in breach of the Data Protection Laws.')).toBe('unspecified');
  });
  it('a negation does not reach a transfer in a clause of its own ("… and we transfer it to India")', () => {
    expect(off('We do not sell your data and we transfer it to our support team in India.')).toBe('yes');
  });
  it('near miss: the transfer itself refused is no transfer', () => {
    expect(off('We do not sell your data or transfer it to our support team in India.')).toBe('unspecified');
  });
  it('a refused use of offshore resources confines; a stated one is offshore', () => {
    expect(off('We do not use offshore resources to store or process customer data.')).toBe('no');
    expect(off('We use offshore resources to store or process customer data.')).toBe('yes');
  });
});

// The "Transfer of Data" template of generated privacy policies: "may be transferred to … computers located outside of
// your state, province, country …" and "If you are located outside <X> …, we transfer the data … to <X> and process it
// there". The second says where the data goes (into the vendor's country), so the first is about users abroad: no
// statement that data leaves the home region (README: yes only when data may be stored or processed outside it).
describe('offshore_processing: the incoming-transfer template, in either order', () => {
  const OUTSIDE = 'Your information, including Personal Data, may be transferred to — and maintained on — computers located outside of your state, province, country or other governmental jurisdiction where the data protection laws may differ from those of your jurisdiction.';
  const INTO = 'If you are located outside United States and choose to provide information to us, please note that we transfer the data, including Personal Data, to United States and process it there.';
  it('the template sentence after or before the "outside your state, province, country" sentence', () => {
    expect(off(`${OUTSIDE}\n\n${INTO}`)).toBe('unspecified');
    expect(off(`${INTO}\n\n${OUTSIDE}`)).toBe('unspecified');
  });
  it('near miss: the "outside your state, province, country" sentence alone is offshore', () => {
    expect(off(OUTSIDE)).toBe('yes');
  });
});

describe('other readers through the shared negation reader', () => {
  it('return_or_destroy: "may (but is not required to) delete" is an option, neither a refusal nor a commitment (no on main)', () => {
    expect(factOf('return_or_destroy_on_termination', 'Epic may (but is not required to) delete some or all of Your Content from the Site and from your account within 60 days after termination.')).toBe('unspecified');
  });
  it('near miss: a refusal to delete is still one', () => {
    expect(factOf('return_or_destroy_on_termination', 'Epic will not delete Your Content from the Site after termination.')).toBe('no');
  });
  it('ai_training: a negated lead-in reaches the items of its list (allowed on main)', () => {
    expect(factOf('ai_training_on_customer_data', 'Acme does not sell, share, or use Customer Data for: targeted advertising; data brokerage; training or improving AI/ML models on customer data.')).toBe('prohibited');
  });
  it('near miss: the same list under a lead-in that states the use', () => {
    expect(factOf('ai_training_on_customer_data', 'Acme uses Customer Data for: analytics; billing; training or improving AI/ML models on customer data.')).toBe('allowed');
  });
  it('ai_training: a refusal of another act does not reach a use stated in a clause of its own (prohibited on main)', () => {
    expect(factOf('ai_training_on_customer_data', 'We do not sell your content and we use it to train our AI models.')).toBe('allowed');
  });
  it('near miss: both acts under one negation', () => {
    expect(factOf('ai_training_on_customer_data', 'We do not sell your content or use it to train our AI models.')).toBe('prohibited');
  });
  // "Such data is not PHI and is owned by …": the negation denies that the data is PHI, it does not reach "owned" (the
  // shared reader); what is owned is the de-identified data the clause declares not to be records, so no record owner.
  it('record_ownership: the vendor owning data declared not to be PHI is not the vendor owning the records', () => {
    expect(factOf('record_ownership', 'The Company may de-identify Customer PHI and use aggregated data for analytics. Such data is not PHI and is owned by the Company.')).toBe('unspecified');
  });
  it('near miss: the records themselves owned by the vendor', () => {
    expect(factOf('record_ownership', 'The Company may de-identify Customer PHI. Customer PHI is and shall remain owned by the Company.')).toBe('vendor');
  });
});
