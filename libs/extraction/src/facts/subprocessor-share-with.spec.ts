import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "We share some personal information with <Name>", "we share information about you with <Name Ltd>, <street address>":
// the vendor sharing data with a named party in the active voice. Failed before: only the passive ("shared with X"),
// "<Vendor> shares … with X" and "share data with partners such as X" were read, so a recipient named this way, the
// commonest way a policy names one, was never read.
describe('a recipient named after "we share <data> with"', () => {
  it('reads the party, with or without "the" and an address after it', () => {
    expect(names('# Deliveries\n\nWe share some personal information with Parcelwise, to check your delivery address.')).toEqual(['Parcelwise']);
    expect(names('# Age checks\n\nIf you live in Austria, we share information about you with Altersprüf Holding AG, Ringstraße 12, 1010 Wien, to verify your age.')).toEqual(['Altersprüf Holding AG']);
    expect(names('# Audits\n\nWe may share your personal data with the Readership Audit Board Ltd so they can verify our circulation figures.')).toEqual(['Readership Audit Board Ltd']);
  });

  it('not the "with" of another verb, a refusal, the user sharing, or a category written in capitals', () => {
    // "comply with" governs the name: a rule the vendor follows, not a recipient.
    expect(names('# Domains\n\nIf you register a domain, we may share your information to comply with the Registry Corporation for Assigned Names.')).toEqual([]);
    expect(names('# Sharing\n\nWe do not share your personal data with Adsmith.')).toEqual([]);
    expect(names('# Playlists\n\nYou can share your playlists with Friends and Family.')).toEqual([]);
    // A link to a page listing partners, its text ordinary words before a plural kind of party.
    expect(names('# Sharing\n\nWe may share your data with [Selected Commercial Partners](https://example.com/partners) that we closely work with. The selected offers come from commercial partners.')).toEqual([]);
  });
});

// A link's text that is ordinary words before a plural kind of party ("Selected Commercial Partners") names a category, as
// the one-word "Partners" does. Failed before: a link's text was taken as a name whatever its words.
describe('a category of parties written as a link', () => {
  it('is not a name', () => {
    expect(names('# Sharing\n\nYour data may be disclosed to [Trusted Advertising Partners](https://example.com/partners). We only work with trusted advertising partners.')).toEqual([]);
  });
  it('a name ending in "Partners" with a word that is not an ordinary one still is', () => {
    expect(names('# Sharing\n\nYour data may be disclosed to [Quillmark Partners](https://example.com/quillmark). We work with partners we trust.')).toEqual(['Quillmark Partners']);
  });
});

// README: mandated recipients are left out. "To meet our licence requirements … we will share meter data with the Network
// Companies NGN and GLI" names parties a regulator makes the vendor share with, even though the verb is the vendor's.
describe('a party the vendor is required to share with', () => {
  it('is a mandated recipient, not a sub-processor', () => {
    expect(names('# Sharing\n\nTo meet our licence requirements and with your explicit consent, we will share certain meter data with the Network Companies NGN and GLI.')).toEqual([]);
    expect(names('# Sharing\n\nWe are required to share your meter readings with Gas Lines Ireland.')).toEqual([]);
  });
  it('still reads a party shared with by choice', () => {
    expect(names('# Sharing\n\nWe share your meter readings with Gas Lines Ireland to prepare your bill.')).toEqual(['Gas Lines Ireland']);
  });
});

// "ID5" is an advertising-identifier company: a digit after "ID" makes a brand, not the technical word "ID". Failed
// before: every "ID…" was dropped as a technical term.
describe('a brand of "ID" and a digit', () => {
  it('is read as a name; the bare "ID" is not', () => {
    expect(names('# Advertising\n\nWe may provide our advertising partners, including Rampline and ID5, with a hashed version of your email address.')).toEqual(['Rampline', 'ID5']);
    expect(names('# Advertising\n\nWe may provide our advertising partners, including Rampline and ID, with a hashed version of your email address.')).toEqual(['Rampline']);
  });
});
