import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('a public body written with "the" inside a list of providers', () => {
  it('sets the body aside alone and reads the names after it', () => {
    expect(names('# Sharing\n\nWe pass records to providers such as Lanternpay, the Department of Labor and Quillmail.')).toEqual(['Lanternpay', 'Quillmail']);
    expect(names('# Sharing\n\nWe pass records to providers such as Lanternpay, the State Insurance Commission, and Quillmail.')).toEqual(['Lanternpay', 'Quillmail']);
  });

  it('still ends the list at "the" before anything but a public body', () => {
    // An appositive describing the first name is no entry of the list, and nothing after it is read as one.
    expect(names('# Sharing\n\nWe pass records to providers such as Lanternpay, the card processor we chose, and Quillmail.')).toEqual(['Lanternpay']);
    expect(names('# Sharing\n\nWe pass records to providers such as Lanternpay, the Practice and Quillmail.')).toEqual(['Lanternpay']);
  });
});
