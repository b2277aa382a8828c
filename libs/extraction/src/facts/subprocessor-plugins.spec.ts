import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe("a platform whose plug-ins the vendor's pages embed", () => {
  it('is a recipient under a social heading when its section says the site embeds its plug-ins', () => {
    const md = '# Privacy\n\n## Social plugins\n\nThis website uses the buttons of the Chirper service provided by Chirper Inc, 1355 Market St, Suite 900, San Francisco. When you open a page with such a button, your browser connects to the servers of Chirper and sends your IP address.';
    expect(names(md)).toEqual(['Chirper Inc']);
  });

  it('is read after "integrates plugins from", even for a platform named without an ad or analytics role', () => {
    expect(names('# Third parties\n\nThis website integrates plugins from LinkedIn. When you visit this website, LinkedIn receives your IP address.')).toEqual(['LinkedIn']);
    expect(names('# Privacy\n\n## Social plugins\n\nThis website integrates plugins from Chirper Corporation, 10 Main Street, Springfield. Chirper receives the information that you visited this website.')).toEqual(['Chirper Corporation']);
  });

  it('is not a recipient where the vendor only keeps a page on the platform', () => {
    expect(names('# Privacy\n\n## Social media\n\nWe maintain a fan page on Chirper, which is operated by Chirper Inc. Chirper may process your data when you visit our page there or press its like buttons.')).toEqual([]);
    expect(names('# Social media\n\nYou can follow us on LinkedIn and Chirper.')).toEqual([]);
  });

  it('is not a recipient where its section says it stores no personal data', () => {
    expect(names('# Privacy\n\n## Social plugins\n\nThe Chirper share button is used on this website, provided by Chirper AG. Chirper does not store any personal data about you when you access this website.')).toEqual([]);
  });

  it('is not a recipient where the vendor denies embedding its plug-ins or the user installs one', () => {
    expect(names('# Social networks\n\nThis website does not use plugins from Chirper Corporation; links to Chirper are plain links.')).toEqual([]);
    expect(names('# Your choices\n\nYou can install the opt-out plug-in from Statwise Inc in your browser.')).toEqual([]);
  });
});

describe('plug-ins or buttons that serve no social purpose', () => {
  it('name no recipient when they sign the user in, run the shop, take the payment or are the site\'s own software', () => {
    expect(names('# Third parties\n\nOur app includes buttons from Apple and Google so you can sign in with an existing account.')).toEqual([]);
    expect(names('# Third parties\n\nThis website uses plugins from Yoast and WooCommerce to run the shop.')).toEqual([]);
    expect(names('# Third parties\n\nOur pages contain buttons from PayPal and Apple Pay for checkout.')).toEqual([]);
    expect(names('# Third parties\n\nWe use social plugins from Facebook and LinkedIn so you can log in with your account.')).toEqual([]);
    expect(names('# Third parties\n\nThis website uses plugins from Yoast and Elementor to build its pages.')).toEqual([]);
  });

  it('still name the platform when the plug-ins are social ones', () => {
    expect(names('# Third parties\n\nOur website contains social plugins of Instagram and Pinterest.')).toEqual(['Instagram', 'Pinterest']);
  });
});

describe('a street address after a company name', () => {
  it('is not read as a name ("1355 Market St")', () => {
    expect(names('# Service providers\n\nOur newsletter is sent by Mailrun Inc, 1355 Market St, Suite 900, San Francisco, which receives your email address.')).toEqual(['Mailrun Inc']);
  });
});
