import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// The active "we share … with X" (subprocessor-share-with.spec.ts) names a recipient only when the vendor shares the
// user's data. Failed before: any words between "share" and "with" were read as data, a plural "who share" as the
// vendor, and anonymised data as personal data (the passive "anonymised data is shared with X" was already set aside).
describe('"share … with X" that does not pass the user\'s data to X', () => {
  it('not something other than data shared with a party', () => {
    expect(names('# About us\n\nWe share a commitment with Mozilla to an open web.')).toEqual([]);
    expect(names('# About us\n\nWe share offices with Quillmark Holdings in Dublin.')).toEqual([]);
  });
  it('not others who share (a plural antecedent of "who", "which", "that")', () => {
    expect(names('# Sharing\n\nMembers who share their playlists with Spotify can turn this off at any time.')).toEqual([]);
  });
  it('not anonymised or aggregated data', () => {
    expect(names('# Sharing\n\nWe share anonymised statistics with Brightline Analytics to improve our services.')).toEqual([]);
    expect(names('# Sharing\n\nWe may share aggregated or de-identified information with Acme Research Partners Ltd.')).toEqual([]);
  });
  it('still reads the user\'s data shared with a named party', () => {
    expect(names('# Sharing\n\nWe share it with Parcelwise, our courier, to deliver your parcel.')).toEqual(['Parcelwise']);
    expect(names('# Sharing\n\nWe collect your order and share your address with Parcelwise to deliver it.')).toEqual(['Parcelwise']);
    expect(names('# Sharing\n\nWe share usage data with Hotjar to understand how the site is used.')).toEqual(['Hotjar']);
  });
});

// "share <data> with <Kind> such as X" names X, the kind's example, even when the kind is written in capitals. Failed
// before: the active "share … with <Capital>" alternative, tried first, stopped at the kind ("Fraud Prevention Agencies",
// a category) and never reached the example.
describe('a capitalised kind of party before its examples', () => {
  it('reads the examples', () => {
    expect(names('# Sharing\n\nWe share information with Fraud Prevention Agencies such as Cifas.')).toEqual(['Cifas']);
    expect(names('# Sharing\n\nWe share your data with Payment Processors like Adyen.')).toEqual(['Adyen']);
  });
});

// An obligation leaves out the party the law makes the vendor share with (subprocessor-share-with.spec.ts), not a party
// the vendor shares with in a clause of its own joined by "and we". Failed before: the obligation reached every name
// after it up to 160 characters, across the "and we".
describe('an obligation in an earlier clause of the sentence', () => {
  it('does not reach a recipient the vendor chose in its own clause', () => {
    expect(names('# Sharing\n\nWe are required to share certain information with the tax authority, and we share your order details with Parcelwise to deliver your parcel.')).toEqual(['Parcelwise']);
  });
});
