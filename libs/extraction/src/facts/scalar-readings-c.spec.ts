import { factOf } from '../testing/fact-of.js';

// Scalar readings written from counter-examples (issue 7, transfer): each a sentence that must be read and a near
// miss that a careless version of the rule would read.

describe('deidentified_data_use: a refusal to re-identify refuses no use', () => {
  const deid = (t: string) => factOf('deidentified_data_use', t);
  it('a bare promise not to re-identify is no prohibition (nor a permission)', () => {
    expect(deid('We will not attempt to re-identify de-identified data.')).toBe('unspecified');
    expect(deid('Business Associate shall not attempt to reidentify any de-identified information.')).toBe('unspecified');
  });
  it('near misses: a refused use stays a refusal, a stated use stays a permission', () => {
    expect(deid('We will not use de-identified data for marketing.')).toBe('prohibited');
    expect(deid('We do not sell anonymized data and will not attempt to re-identify it.')).toBe('prohibited');
    expect(deid('We may use de-identified data for research, and we will not attempt to re-identify it.')).toBe('allowed');
  });
});
