import { factOf } from '../testing/fact-of.js';

/**
 * Wordings the practice packs judge on (licensing data for fees, a subcontractor working from abroad, no duty
 * to return or destroy at the end of the contract), read as general vocabulary, with the near misses that
 * must stay silent.
 */
const fact = factOf;

describe('data_sale_or_marketing: licensing data to others for a price is a sale', () => {
  it.each([
    'We may license Contributed Data to third parties for a fee.',
    'Acme may license identifiable or de-identified customer data to its research partners in exchange for license fees.',
    'The Company may sublicense customer information to data buyers against payment.',
  ])('allowed: %s', (text) => expect(fact('data_sale_or_marketing', text)).toBe('allowed'));

  // The OTA convention: a sale is of personal data; licensing only aggregated or de-identified data is
  // de-identified use (its own fact), not a sale.
  it.each([
    'Acme may license aggregated customer data to its research partners in exchange for license fees.',
    'The Company may sublicense de-identified information to data buyers against payment.',
  ])('de-identified use, not a sale: %s', (text) => {
    expect(fact('data_sale_or_marketing', text)).toBe('unspecified');
    expect(fact('deidentified_data_use', text)).toBe('allowed');
  });

  it.each([
    'Customer grants Acme a license to use Customer Data to provide the Services.',
    'We license our software to customers for a subscription fee.',
    'You may license your content to third parties under any terms you choose.',
  ])('silent: %s', (text) => expect(fact('data_sale_or_marketing', text)).toBe('unspecified'));
});

describe('offshore_processing: a named provider working from facilities abroad', () => {
  it.each([
    'Acme Health, Inc. engages ScribeWorks Pvt. Ltd., which performs transcription from its facilities in Bangalore, India.',
    'Our subcontractor MedTranscribe LLC works from facilities in Manila, Philippines.',
    'Claims are processed by BillRight Solutions, whose staff work from offices in Cebu, the Philippines.',
    'Our support vendor operates from delivery centers located in Vietnam.',
  ])('yes: %s', (text) => expect(fact('offshore_processing', text)).toBe('yes'));

  it.each([
    'Acme Inc. uses Stripe, Inc. to process payments.',
    'Our subcontractor MedTranscribe LLC works from facilities in Austin, Texas.',
    'No subcontractor works from facilities in India or the Philippines.',
  ])('silent: %s', (text) => expect(fact('offshore_processing', text)).toBe('unspecified'));
});

describe('return_or_destroy_on_termination: no duty to return or destroy at the end', () => {
  it.each([
    'Upon termination of this Agreement, Vendor is not required to return or destroy Customer Data.',
    'After the Agreement ends, the Company has no obligation to delete any Customer Content.',
    'Upon expiration, Provider is under no duty to return Customer Data.',
    'On termination, Vendor need not return or destroy records it keeps for its own purposes.',
  ])('no: %s', (text) => expect(fact('return_or_destroy_on_termination', text)).toBe('no'));

  it('a duty to return or destroy still wins over an exception for infeasibility', () => {
    const text =
      'Upon termination, Business Associate shall return or destroy all PHI. Where return or destruction is infeasible, Business Associate is not required to return or destroy that PHI and shall extend the protections of this Agreement to it.';
    expect(fact('return_or_destroy_on_termination', text)).toBe('yes');
  });

  it('silent when the sentence is not about the end of the contract', () => {
    expect(fact('return_or_destroy_on_termination', 'Vendor is not required to delete backups on request.')).toBe('unspecified');
  });
});
