import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "We might use information we hold about you to show you targeted advertising for our services through other companies'
// sites, like A, B or C", "We display targeted advertising to you through social media platforms, such as A and B": to
// target the reader there the vendor hands each platform what identifies them, so the platforms named are recipients.
// Failed before: the platforms were set aside as platforms named without a provider role (or, under a heading about
// social media, as places where the vendor has a page).
describe('platforms the vendor shows its targeted ads through', () => {
  it('reads the examples, under any heading', () => {
    expect(names("# Advertising\n\nIf you have an account we might use information that we hold about you to show you relevant and targeted advertising for our services through other companies' sites, like Fooface, Google, Snapgram or Chirper for example.")).toEqual(['Fooface', 'Google', 'Snapgram', 'Chirper']);
    expect(names('# More on social media platforms and advertising\n\nWe display targeted advertising to you through social media platforms, such as Fooface, Chirper, Instagram, LinkedIn, and other social media platforms.')).toEqual(['Fooface', 'Chirper', 'Instagram', 'LinkedIn']);
  });

  it('not a refusal, the user sharing content, or ads that are not the vendor\'s', () => {
    expect(names('# Advertising\n\nWe do not show you targeted advertising through social media platforms, such as Fooface or Instagram.')).toEqual([]);
    expect(names('# Sharing\n\nYou can share our articles through social media platforms, such as Fooface or Instagram.')).toEqual([]);
    expect(names('# Advertising\n\nAdvertisers may show you ads through other websites, such as Fooface or Instagram.')).toEqual([]);
  });
});

// The vendor must be the one showing the ads, and the platform must get something: it is a recipient because the vendor
// hands it what identifies the user. Failed before: any "we" or "us" up to 160 characters before the verb counted, so
// advertisers the vendor works with were read as the vendor, and platforms the sentence says get no personal data were read.
describe('ads shown by others, or through platforms that receive nothing', () => {
  it('not advertisers the vendor works with', () => {
    expect(names('# Advertising\n\nAdvertisers who work with us may show you ads through other websites, such as Fooface or Instagram.')).toEqual([]);
    expect(names('# Advertising\n\nAdvertisers we work with may show you ads through other websites, such as Fooface or Instagram.')).toEqual([]);
  });
  it('not platforms that receive no personal data', () => {
    expect(names('# Advertising\n\nWe show you our ads through other websites, such as Fooface or Instagram, but we do not share your personal data with them.')).toEqual([]);
    expect(names('# Advertising\n\nWe serve you targeted ads through third-party platforms, such as Fooface, which do not receive your personal data.')).toEqual([]);
  });
  it('still the vendor showing ads through them, also when allowed to by them', () => {
    expect(names('# Advertising\n\nWe use information to show you ads on other platforms, such as Fooface and Instagram.')).toEqual(['Fooface', 'Instagram']);
    expect(names('# Advertising\n\nTheir programs allow us to show you targeted ads through social media platforms, such as Fooface and Instagram.')).toEqual(['Fooface', 'Instagram']);
  });
});
