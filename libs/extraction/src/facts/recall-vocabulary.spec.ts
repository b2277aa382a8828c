import { factOf } from '../testing/fact-of.js';

/**
 * Recall of the non-name facts (issue 7), from wordings missing in the vocabulary: each rule has the sentence form it is
 * for (written for the project, in the form real policies use) and a counter-example it must not fire on.
 */
const deid = (text: string) => factOf('deidentified_data_use', text);
const ai = (text: string) => factOf('ai_training_on_customer_data', text);
const owner = (text: string) => factOf('record_ownership', text);

describe('deidentified_data_use: data described by what it cannot do ("cannot identify you")', () => {
  it('data that cannot identify or be attributed to the user, used for the vendor\'s purposes, is de-identified data use', () => {
    expect(deid('Where permitted, we may keep and use data that, on its own, cannot identify or be attributed specifically to you for the purposes in this notice, including to build new features.')).toBe('allowed');
    expect(deid('We may analyse information that cannot identify you to improve our products.')).toBe('allowed');
  });
  it('a safeguard on data that is neither kept nor used states no use', () => {
    expect(deid('The signal stays on your phone, is not stored, and cannot identify you.')).toBe('unspecified');
  });
});

describe('ai_training_on_customer_data: machine learning as what the data develops', () => {
  it('machine-learning technologies at the end of a list of what the data improves', () => {
    expect(ai('We use Prompts to assess, build, and improve Acme and Acme Labs research, products, services and machine learning technologies.')).toBe('allowed');
  });
  it('data used for machine learning purposes', () => {
    expect(ai('We use your personal information to improve our offerings, for example by using pseudonymised data for machine learning purposes.')).toBe('allowed');
  });
  it('not the use others make of content, nor a list that never reaches machine learning', () => {
    expect(ai('Acme asks every visitor to respect the choices artists make about the use of their works, including for machine learning purposes.')).toBe('unspecified');
    expect(ai('We use Prompts to assess, build, and improve Acme research, products, services, support, billing and security tools.')).toBe('unspecified');
  });
});

describe('record_ownership: the records "are your property"', () => {
  it('the user\'s data said to be the user\'s property is customer ownership', () => {
    expect(owner('Your vault data is your property. We claim no rights to it beyond what we need to run the service.')).toBe('customer');
    expect(owner('All files you upload remain your sole and exclusive property.')).toBe('customer');
  });
  it('"your property" that is not the records, or a question about it, is no ownership statement', () => {
    expect(owner('Information about your property, such as its address and size, is used to prepare a quote.')).toBe('unspecified');
    expect(owner('You are responsible for the safety of your property while a technician visits.')).toBe('unspecified');
  });
});
