import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Review of the prose-party readings (issue 7): each positive case below was read wrongly on the merged main
// (8439bbc); the counter-examples are the readings that must survive the fix.
// A paragraph that writes the ordinary words lower-case elsewhere, as a real policy does, so only the reading is tested.
const body = (s: string) => `${s}\n\n# About\n\nWe work with auditors and hosts, and our partners use cookies.\n`;

describe('a country the vendor sends, discloses or passes data to', () => {
  it('is a place, not a recipient', () => {
    expect(names(body('# Support\n\nWe may send your personal data to Ireland.'))).toEqual([]);
    expect(names(body('# Support\n\nWe may disclose your personal information to India and the Philippines for customer support.'))).toEqual([]);
    expect(names(body('# Transfers\n\nYour personal data may be disclosed to Canada and Ireland for processing.'))).toEqual([]);
  });

  it('still reads a company, even one with a place in its name', () => {
    expect(names(body('# Support\n\nWe may send your payment information to Bank of Ireland.'))).toEqual(['Bank of Ireland']);
    expect(names(body('# Shipping\n\nWe send your delivery address to Parcelwing and Routa.'))).toEqual(['Parcelwing', 'Routa']);
  });
});

describe('"send/disclose/pass your data to X" that is the user\'s act or at the user\'s direction', () => {
  it('does not read a party the user sends data to, asks the vendor to send it to, or connects', () => {
    // "and" joins the user's second verb to the first one's subject.
    expect(names(body('# Export\n\nYou can export your files and send your data to Boxly.'))).toEqual([]);
    expect(names(body('# Export\n\nYou can sign in and use Boxly to keep copies.'))).toEqual([]);
    expect(names(body('# Export\n\nYou may request that we send your personal data to Boxly or another provider of your choice.'))).toEqual([]);
    expect(names(body('# Export\n\nAt your request, we will send your personal data to Boxly.'))).toEqual([]);
    expect(names(body('# Apps\n\nWe may send your account information to Chatterly when you connect the integration.'))).toEqual([]);
  });

  it('still reads the vendor\'s own second verb after "and", and a disclosure the user only agrees to', () => {
    expect(names(body('# Payments\n\nWhen you pay, we collect your card number and send your payment details to Paystride.'))).toEqual(['Paystride']);
    expect(names(body('# Reviews\n\nIf you agree, we may disclose your name and email address to Reviewly so that you can rate us.'))).toEqual(['Reviewly']);
  });
});

describe('"Examples include" after a sentence about parties the user reaches on their own', () => {
  it('does not read linked sites, services the user connects, or sign-in providers', () => {
    expect(names(body('# Links\n\nThird-party sites we link to may collect your information. Examples include Tripnest and Dinerly.'))).toEqual([]);
    expect(names(body('# Apps\n\nIf you connect third-party services, they may access your account data. Examples include Boxly and Chatterly.'))).toEqual([]);
    expect(names(body('# Accounts\n\nSign-in providers may receive your login data. Examples include Keygate.'))).toEqual([]);
  });

  it('still reads ad networks that follow the visitor across the sites they visit', () => {
    expect(names(body('# Ads\n\nAd networks may use cookies to collect information about your activity on sites you visit. Examples include Adsmith and Brightpanda.'))).toEqual(
      expect.arrayContaining(['Adsmith', 'Brightpanda']),
    );
  });
});

describe('"Examples include" after a sentence whose subject is not parties given the data', () => {
  it('does not read examples of a noun other than the subject, nor of parties denied the data or breaking in (merged main: read them)', () => {
    expect(names(body('# Cookies\n\nSome browsers let you control how sites use cookies to collect your data. Examples include Vivaldi and Brave.'))).toEqual([]);
    expect(names(body('# Ads\n\nAdvertising partners may not collect your device information. Examples include Fooads and Barmetrics.'))).toEqual([]);
    expect(names(body('# Security\n\nCriminal third parties may try to access your device data. Examples include Emotet and Trickbot.'))).toEqual([]);
    expect(names(body('# Apps\n\nThird-party apps you install may access your device data. Examples include Fooapp and Barapp.'))).toEqual([]);
  });

  it('still reads the examples of the parties the sentence opens with', () => {
    expect(names(body('# Ads\n\nOur advertising partners may collect your device information. Examples include Fooads and Barmetrics.'))).toEqual(['Fooads', 'Barmetrics']);
  });
});
