import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// "Examples include A and B" after a sentence about third parties or trackers that collect the visitor's data: the
// examples are those parties. The positive case failed before this spec (a sentence without a kind noun of its own was
// not read).
describe('"Examples include" after a sentence about parties collecting the visitor\'s data', () => {
  it('reads the examples as the parties the sentence before describes', () => {
    expect(names('# Advertising\n\nWe may partner with certain third parties to show you ads. These third parties may set and access cookies on your device. Examples include Adsmith and Brightpanda.')).toEqual(
      expect.arrayContaining(['Adsmith', 'Brightpanda']),
    );
  });

  it('does not read examples of data, or of companies a definition describes without saying the visitor\'s data goes to them', () => {
    expect(names('# Data\n\nWe collect contact details from you. Examples include your name and Postal Code.')).toEqual([]);
    expect(names('# Definitions\n\n*   **Separate Brands** means affiliated companies that process personal information under their own terms. Examples include Paystride and Ledgerly.')).toEqual([]);
  });
});
