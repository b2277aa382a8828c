import { factOf } from '../testing/fact-of.js';

/**
 * deidentified_data_use (issue 7): who uses the data is the main clause's doer. A person named inside an opening condition
 * is what the data is about ("when it does not identify you"), not who acts. Sentences written for the project.
 */
const deid = (text: string) => factOf('deidentified_data_use', text);

describe('deidentified_data_use: the person inside an opening condition is not the doer', () => {
  it('the vendor using data once it no longer identifies the person is de-identified data use', () => {
    expect(deid('When data about you no longer identifies you (for example, once it has been de-identified), we may use it for any purpose.')).toBe('allowed');
  });
  it('the customer\'s own de-identifying is still not the vendor\'s use', () => {
    expect(deid('You may aggregate the reports for your own records.')).toBe('unspecified');
    expect(deid('If you wish, you can anonymize your entries before you export them.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: the main clause\'s doer after a condition that de-identifies', () => {
  it('the customer or the person using the data once de-identified is not the vendor\'s use', () => {
    expect(deid('If the data is de-identified, the Customer may use it for any purpose.')).toBe('unspecified');
    expect(deid('Once it has been de-identified, you may share the aggregated statistics with others.')).toBe('unspecified');
  });
  it('the vendor after the same condition still uses it', () => {
    expect(deid('Once it has been de-identified, we may share the aggregated statistics with others.')).toBe('allowed');
  });
  it('the person in a relative clause ("the information you provide") is what is used, not who uses it', () => {
    expect(deid('Once de-identified, the information you provide may be used for research.')).toBe('allowed');
    expect(deid('Aggregated information that you share with us may be used to improve our services.')).toBe('allowed');
  });
});

describe('deidentified_data_use: a person word that modifies a noun is not the doer', () => {
  it('"customer base", "customer surveys" name a group or a task, not the customer acting', () => {
    expect(deid('To improve our business, analysing our Services and customer base and aggregating and anonymising data.')).toBe('allowed');
    expect(deid('To improve our products, carrying out customer surveys and aggregating and anonymising data.')).toBe('allowed');
    // The customer acting stays the customer's own use.
    expect(deid('The customer may aggregate and anonymise data.')).toBe('unspecified');
  });
});
