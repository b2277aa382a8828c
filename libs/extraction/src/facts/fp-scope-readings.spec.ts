import { factOf } from '../testing/fact-of.js';

// Precision causes found in the develop false positives of ota-fresh16 … 25 (issue 7, x7facts): who acts, negation and
// the scope of the clause, each with a counter-example that must still be read.
const US_VENDOR = 'Acme, Inc. ("Acme", "we") is a Delaware corporation. ';

describe('subcontractor_flowdown: a tie refused, data tied, or providers described', () => {
  const fd = (text: string) => factOf('subcontractor_flowdown', text);
  it('information the user gives third parties "is not subject to" the agreement binds no provider', () => {
    expect(fd('We are not responsible for information you give to third parties, such as bank details, and this information is not subject to the privacy terms of this Agreement.')).toBe('unspecified');
    expect(fd('Our service providers are subject to the privacy terms of this Agreement.')).toBe('yes');
  });
  it('data "subject to this Privacy Notice" is the notice\'s scope, not a binding of the partner named', () => {
    expect(fd('If an agent of ours uses the partner tool, your data gathered there after today is subject to this Privacy Notice and used as described here.')).toBe('unspecified');
    expect(fd('We require our vendors to protect such information in a manner that is consistent with this Privacy Policy.')).toBe('yes');
  });
  it('"providers that process data on our behalf" names the providers; it is no purpose limit beside a security duty', () => {
    expect(fd('Our affiliates and service providers that store or handle your data on our behalf are contractually committed to keep it protected and secured, in line with industry standards.')).toBe('unspecified');
    expect(fd('Our service providers are contractually required to keep your data confidential and to process it only on our behalf.')).toBe('yes');
  });
  it('any standard of the sentence may be the one tied, not only the first named', () => {
    expect(fd('We may share data (1) to enforce our Terms of Service or protect our rights; (2) with an affiliated company (in which case we will require such entities to honor this Policy).')).toBe('yes');
  });
});

describe('record_ownership: "own" as an adjective after "no" or a possessive', () => {
  const ro = (text: string) => factOf('record_ownership', text);
  it('"has no own purpose in processing your data" says nothing of who owns it', () => {
    expect(ro('Acme has no own purpose in handling your personal data other than to deliver the service.')).toBe('unspecified');
    expect(ro('Acme\'s own purposes never include selling your content.')).toBe('unspecified');
  });
  it('still reads the vendor disowning the content', () => {
    expect(ro('We do not own your content.')).toBe('customer');
    expect(ro('Acme has no ownership of your content.')).toBe('customer');
  });
});

describe('audio_or_recording_retention_days: one feature\'s audio not kept while other recordings are', () => {
  const au = (text: string) => factOf('audio_or_recording_retention_days', text);
  it('recordings kept with no period elsewhere leave the answer open', () => {
    expect(au('Acme records, processes, and retains your voice requests in the cloud to improve the service. We do not retain the audio of your phone calls.')).toBeNull();
  });
  it('still reads a refusal alone, and a stated period', () => {
    expect(au('We do not retain the audio of your phone calls.')).toBe(0);
    expect(au('Audio recordings are stored for 180 days. The app never stores audio on the device.')).toBe(180);
  });
});

describe('pointers to another page: the topic named is not a statement of it', () => {
  it('data_sale_or_marketing: a site that informs about choices for targeted advertising', () => {
    expect(factOf('data_sale_or_marketing', 'Our ad choices page gives you more information about the choices you have for targeted advertising.')).toBe('unspecified');
    expect(factOf('data_sale_or_marketing', 'For more information about targeted advertising, see our cookie policy.')).toBe('unspecified');
    expect(factOf('data_sale_or_marketing', 'We use your data for targeted advertising; for more information see our cookie policy.')).toBe('allowed');
  });
  it('offshore_processing: "To learn more about … data processed in the United Kingdom, visit here"', () => {
    expect(factOf('offshore_processing', `${US_VENDOR}To learn more about our pilot programme and the personal data processed for it in the United Kingdom, visit [this page](https://example.com/uk).`)).toBe('unspecified');
    expect(factOf('offshore_processing', `${US_VENDOR}Personal data may be processed in the United Kingdom.`)).toBe('yes');
  });
});

describe('data_sale_or_marketing: ads shown with no use of personal data stated', () => {
  const ds = (text: string) => factOf('data_sale_or_marketing', text);
  it('"we and third parties may display advertisements in connection with the Service"', () => {
    expect(ds('The Service may contain advertising, and you agree that we and third parties may display advertisements or other promotions in connection with the Service.')).toBe('unspecified');
  });
  it('still reads ads shown on the person\'s data or to them, with words between', () => {
    expect(ds('We also use cookies to serve certain types of ads, including ads relevant to your interests.')).toBe('allowed');
    expect(ds('We may display banner (and similar) advertising to you that is more targeted to you.')).toBe('allowed');
    expect(ds('We may use aggregate metrics, including for use in targeting advertising on the platform.')).toBe('allowed');
  });
  it('sending news of products and services, without "you"', () => {
    expect(ds('Acme will only send information about news, products and services by email and SMS if the user consents.')).toBe('allowed');
    expect(ds('We send information about products and services that you have purchased.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: French targeted advertising and direct marketing (README: misses of ota-fresh25)', () => {
  const ds = (text: string) => factOf('data_sale_or_marketing', text);
  it('"publicité ciblée", "prospection commerciale", "ciblage marketing" among the uses of the data', () => {
    expect(ds('Avec votre accord, vos données servent à la prospection commerciale et à de la publicité ciblée selon vos achats.')).toBe('allowed');
    expect(ds('Finalités : gestion des commandes, enquêtes de satisfaction, ciblage marketing.')).toBe('allowed');
  });
  it('not a French refusal, even far before the words', () => {
    expect(ds('Les numéros de téléphone des membres ne seront pas\n\ntransmis à des tiers pour des opérations de prospection commerciale.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: "destroy, erase or make anonymous" is disposal', () => {
  const de = (text: string) => factOf('deidentified_data_use', text);
  it('anonymising as the alternative of destroying records no longer needed', () => {
    expect(de('We will destroy, erase or make anonymous the records holding personal information once they are no longer needed.')).toBe('unspecified');
  });
  it('still reads a use of anonymous data', () => {
    expect(de('We may use anonymous usage data to improve our services.')).toBe('allowed');
  });
});

describe('law_enforcement_disclosure: telling the user of a complaint to an authority is not notice of a demand', () => {
  const le = (text: string) => factOf('law_enforcement_disclosure', text);
  it('"inform you … of the possibility of filing a complaint with the … Authority"', () => {
    expect(le('If we do not act on your request, we will within one month inform you of the reasons and of the possibility of filing a complaint with the Data Protection Authority and seeking a legal review.')).toBe('unspecified');
  });
  it('still reads notice of a subpoena', () => {
    expect(le('If we receive a subpoena, we will notify you before disclosing your data.')).toBe('legal_process_with_notice');
  });
});
