import { subprocessorNames as names } from '../testing/subprocessor-names.js';

describe('a provider described in its own sentence, its handling of data said with a modal', () => {
  const lead = '# Disclosure\n\nWe typically use service providers like the following to run the service. ';

  it('reads the provider when the next sentence says it will delete or may store the data it collects', () => {
    const md = `${lead}Idcheckr provides identity verification services using document checks (e.g. ID scans). Idcheckr will delete any data collected during the check within 72 hours. Mailward provides e-mail delivery services. It may store your contact details for a week. Postally delivers parcels and will receive your address details.`;
    expect(names(md)).toEqual(expect.arrayContaining(['Idcheckr', 'Mailward', 'Postally']));
  });

  it('still abstains when the modal sentence is about aggregated data only', () => {
    expect(names(`${lead}Tallymark delivers market research services. It will process aggregated and anonymised data only.`)).toEqual([]);
  });

  it('does not take a base-form verb of the vendor or the reader, or a noun, for the provider handling data', () => {
    for (const next of ['You may delete your contact details at any time.', 'We will store your information for a year.', 'We collect your details when you sign up.', 'Our host details are listed below.', 'Visit the app store for more information.', 'Users can store their messages in the app.', 'Administrators may delete records at any time.']) {
      expect(names(`${lead}Mailward provides e-mail delivery services to businesses. ${next}`)).toEqual([]);
    }
  });
});
