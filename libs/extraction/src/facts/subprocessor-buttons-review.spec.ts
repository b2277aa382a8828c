import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Review of the social-button and "disclose/send/pass" readings (issue 7): the cases marked "merged main" were read
// wrongly on the merged main (8439bbc).
const body = (s: string) => `${s}\n\n# About\n\nWe work with auditors and hosts, and our partners use cookies.\n`;

describe('the platform of a social button, when the features collect the visit', () => {
  it('reads "the X Like button" although X is named nowhere else (merged main: rejected as an unknown product)', () => {
    expect(names(body('# Social features\n\nOur pages include social media features, such as the Fooface Like button. These features may collect your IP address.'))).toEqual(['Fooface']);
    expect(names(body('# Social features\n\nOur pages include social media features, such as the Fooface Like button. They may set a cookie on your device.'))).toEqual(['Fooface']);
  });

  it('does not take the vendor\'s own collection in the next sentence for the features\' (merged main: read Fooface)', () => {
    expect(names(body('# Social\n\nOur social media features, such as the Fooface Share button, are served by us and send nothing to Fooface. We collect information about your visit.'))).toEqual([]);
    expect(names(body('# Social\n\nOur site includes social media features, such as the Fooface Like button. We use cookies that collect data about your visit.'))).toEqual([]);
  });
});

describe('"disclose/send your data to X" after a relative clause whose object is the vendor\'s service', () => {
  it('does not make the service the subject (merged main: read Brightpanda)', () => {
    expect(names(body('# Sharing\n\nMerchants that use our service may disclose your payment details to Brightpanda.'))).toEqual([]);
    expect(names(body('# Sharing\n\nSellers who use the platform may send your contact details to Brightpanda.'))).toEqual([]);
  });

  it('still reads the service itself as the vendor', () => {
    expect(names(body('# Sharing\n\nOur service may send your contact details to Brightpanda.'))).toEqual(['Brightpanda']);
  });
});
