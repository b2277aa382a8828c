import { factOf } from '../testing/fact-of.js';

const off = (text: string) => factOf('offshore_processing', text);

describe('offshore_processing: wherever the vendor or its providers are, and data leaving Europe', () => {
  it('any country where the vendor or its providers have facilities', () => {
    expect(off('Acme Inc. may process Customer Personal Data in any country in which Acme or its Subprocessors maintain facilities.')).toBe('yes');
    expect(off('Acme may process Customer Personal Data only in the country in which you are located.')).toBe('unspecified');
  });
  it('data moved outside the EU/EEA/UK by a vendor not known to be American', () => {
    expect(off('In managing our business we may transfer your personal data outside of the EU.')).toBe('yes');
    expect(off('Users located outside the EU may use the app.')).toBe('unspecified');
  });
});

describe('offshore_processing: anywhere in the world', () => {
  it('"including, but not limited to, the United States or other countries" is a list, not a negation', () => {
    expect(off('All information processed by us may be transferred, processed, and stored anywhere in the world, including, but not limited to, the United States or other countries.')).toBe('yes');
    expect(off('Acme is a global app operating through servers located in a number of countries around the world, including the United States.')).toBe('yes');
  });
  it('a refusal still negates', () => {
    expect(off('We do not transfer your data to other countries.')).not.toBe('yes');
  });
});

// Convention decided in the xclause session (issue 7) by the README's text, "data may be stored or processed outside the
// vendor's home region": a statement about every user holds for the home region's own users, for whom "outside the
// country in which you live" is outside the home region (the labels' OpenSea/Allstate precedent; unspecified before).
describe('offshore_processing: data moved outside the user\'s own country', () => {
  it('storage, transfer or people located outside "the country in which you live" / "your home country" is offshore', () => {
    expect(off('Information provided to Acme may be stored on servers outside the country in which you live.')).toBe('yes');
    expect(off('Your information may be transferred to - and maintained on - computers located outside of your state, province, country or other governmental jurisdiction.')).toBe('yes');
    expect(off('Some of those employees, contractors and affiliated organizations may be located outside of your home country; by using the site, you consent to the transfer of such information to them.')).toBe('yes');
  });
  it('near misses: the user abroad, a website visited abroad, data coming into the vendor\'s country', () => {
    expect(off('You may access the service while travelling outside your home country.')).toBe('unspecified');
    expect(off('If you choose to enter a website outside your country of residence, you are advised that it may not be legal in that jurisdiction.')).toBe('unspecified');
    expect(off('If you live outside the United States, your information will be transferred to the United States.')).toBe('unspecified');
    expect(off('Acme GmbH ("Acme", "we") runs this site.\n\nAcme may store, process, and transmit your information outside your country of residence to provide the Services.')).toBe('unspecified');
    expect(off('You consent to the processing of your Personal Information outside your country. The Personal Information of users who are located outside the U.S. may be transferred to the U.S., where our servers are located.')).toBe('unspecified');
  });
  // Review of the xclause merge (d243060): yes on base for each of these.
  it('a refusal after an earlier verb: the verb that reaches "outside" is the one negated', () => {
    expect(off('Acme, Inc. provides the Service. We store your data in your country and will not transfer it outside your country.')).not.toBe('yes');
    expect(off('Acme, Inc. provides the Service. Your personal data is stored on servers in your own country and is never moved outside your country.')).not.toBe('yes');
    expect(off('Acme, Inc. provides the Service. Your personal information is stored in data centres in your region, and we will not transfer it outside your country without your consent.')).not.toBe('yes');
  });
  it('the user located abroad or sending to people abroad, and "your state" for a US vendor, are not data leaving', () => {
    expect(off('Acme, Inc. provides the Service. If you are located outside your home country, we may share your location data with local emergency services.')).toBe('unspecified');
    expect(off('Acme, Inc. provides messaging. Standard SMS and data charges may apply to messages you send to numbers outside your country.')).toBe('unspecified');
    expect(off('Acme, Inc. provides telehealth services in all 50 states. Your medical records may be stored at facilities located outside your state of residence.')).toBe('unspecified');
  });
  it('near misses of the review fix: storage after processing, people located, a list that reaches the country', () => {
    expect(off('Information provided to Amazon may be processed in the cloud to improve your experience and our products and services, and may be stored on servers outside the country in which you live.')).toBe('yes');
    expect(off('Please be aware that your Personal Information may be transferred to and maintained on servers or databases located outside your state, province, or country.')).toBe('yes');
  });
  it('"moved" is a verb of movement too (unspecified on merged main; the refusal above needs it)', () => {
    expect(off('Your data may be moved outside your country of residence to our processing centres.')).toBe('yes');
  });
});

describe('offshore_processing: confined to Europe, and what is not data moving', () => {
  it('"Third Country Transfers: None" and a refusal to transfer outside the EEA', () => {
    expect(off('The controller is Verein GmbH under the GDPR. **Third Country Transfers:** None.')).toBe('no');
    expect(off('Freja AB will not transfer your personal data to any country outside the EU/EEA.')).toBe('no');
    expect(off('Freja AB will not transfer your personal data to any country outside the EU/EEA, except with your consent.')).not.toBe('no');
  });
  it('content availability in other countries is not a transfer', () => {
    expect(off('We do not represent that all content and services on our Web site are appropriate or available for use in all geographic locations, especially some locations outside the United States.')).toBe('unspecified');
  });
});

describe('offshore_processing: "any country where …" names the vendor or its providers, not the user', () => {
  it('the user\'s own country is not a transfer abroad', () => {
    expect(factOf('offshore_processing', 'We may process your personal data in any country in which you are located.')).toBe('unspecified');
    expect(factOf('offshore_processing', 'Customer Data is processed in any country where you operate your business.')).toBe('unspecified');
  });
  it('a named provider\'s facilities still are', () => {
    expect(factOf('offshore_processing', 'Customer Data may be processed in any country in which Google or its Subprocessors maintain facilities.')).toBe('yes');
  });
});

describe('offshore_processing: a place that locates people or names a law', () => {
  it('"others in the European Union who access our services" and "the European Union\'s GDPR" move no data', () => {
    expect(off('Acme, Inc. collects and holds personal data about our customers and others in the European Union who access our services in a manner consistent with the lawful bases as outlined in the European Union\'s General Data Protection Regulation (GDPR).')).toBe('unspecified');
  });
  it('data stored in a named foreign place still counts', () => {
    expect(off('Acme, Inc. stores personal data of its customers in the European Union and may process it there.')).toBe('yes');
  });
});

describe('offshore_processing: outside the user\'s own country is no transfer abroad for a US vendor', () => {
  it('a US vendor whose servers are in the US (the TermsFeed template, "transferred to the U.S., where our servers are")', () => {
    expect(off('Your information, including Personal Data, may be transferred to — and maintained on — computers located outside of your state, province, country or other governmental jurisdiction where the data protection laws may differ than those from your jurisdiction. If you are located outside United States and choose to provide information to us, please note that we transfer the data, including Personal Data, to United States and process it there.')).not.toBe('yes');
    expect(off('Information about users located outside the U.S. may be transferred to the U.S., where our servers are located.')).not.toBe('yes');
  });
});
