import { factOf } from '../testing/fact-of.js';

/**
 * Recall of the non-name facts (issue 7), from wordings missing in the vocabulary: each rule has the sentence form it is
 * for (written for the project, in the form real policies use) and a counter-example it must not fire on.
 */
const deid = (text: string) => factOf('deidentified_data_use', text);
const ai = (text: string) => factOf('ai_training_on_customer_data', text);
const owner = (text: string) => factOf('record_ownership', text);

describe('deidentified_data_use: data described by what it cannot do ("cannot identify you")', () => {
  it('data that cannot identify or be attributed to the user, used for the vendor\'s purposes, is de-identified data use', () => {
    expect(deid('Where permitted, we may keep and use data that, on its own, cannot identify or be attributed specifically to you for the purposes in this notice, including to build new features.')).toBe('allowed');
    expect(deid('We may analyse information that cannot identify you to improve our products.')).toBe('allowed');
  });
  it('a safeguard on data that is neither kept nor used states no use', () => {
    expect(deid('The signal stays on your phone, is not stored, and cannot identify you.')).toBe('unspecified');
  });
});

describe('ai_training_on_customer_data: machine learning as what the data develops', () => {
  it('machine-learning technologies at the end of a list of what the data improves', () => {
    expect(ai('We use Prompts to assess, build, and improve Acme and Acme Labs research, products, services and machine learning technologies.')).toBe('allowed');
  });
  it('data used for machine learning purposes', () => {
    expect(ai('We use your personal information to improve our offerings, for example by using pseudonymised data for machine learning purposes.')).toBe('allowed');
  });
  it('not the use others make of content, nor a list that never reaches machine learning', () => {
    expect(ai('Acme asks every visitor to respect the choices artists make about the use of their works, including for machine learning purposes.')).toBe('unspecified');
    expect(ai('We use Prompts to assess, build, and improve Acme research, products, services, support, billing and security tools.')).toBe('unspecified');
  });
});

describe('record_ownership: the records "are your property"', () => {
  it('the user\'s data said to be the user\'s property is customer ownership', () => {
    expect(owner('Your vault data is your property. We claim no rights to it beyond what we need to run the service.')).toBe('customer');
    expect(owner('All files you upload remain your sole and exclusive property.')).toBe('customer');
  });
  it('"your property" that is not the records, or a question about it, is no ownership statement', () => {
    expect(owner('Information about your property, such as its address and size, is used to prepare a quote.')).toBe('unspecified');
    expect(owner('You are responsible for the safety of your property while a technician visits.')).toBe('unspecified');
  });
});

describe('offshore_processing: places whose law may protect less than the user\'s own', () => {
  const off = (text: string) => factOf('offshore_processing', text);
  it('data moved to jurisdictions that may not give equivalent protection is data leaving for elsewhere', () => {
    expect(off('Acme Inc. is based in the U.S. Our providers and we may transfer your information to, or store or access it in, jurisdictions that may not provide equivalent levels of data protection as your home jurisdiction.')).toBe('yes');
    expect(off('We may store your personal data in countries that may not have the same data protection laws as your country.')).toBe('yes');
  });
  it('not a refusal, and not a remark on the law of places with no data moving there', () => {
    expect(off('We do not transfer your personal data to jurisdictions that may not provide equivalent levels of data protection as your home jurisdiction.')).toBe('unspecified');
    expect(off('Some jurisdictions that may not provide equivalent levels of data protection restrict what users may publish.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure: a statutory obligation is the law\'s ground', () => {
  const law = (text: string) => factOf('law_enforcement_disclosure', text);
  it('disclosure where the vendor is under a statutory obligation is disclosure as required by law', () => {
    expect(law('Beyond that, we disclose your data only with your express consent or where we are under a statutory obligation.')).toBe('any_legal_request');
  });
  it('a statutory obligation that discloses nothing (keeping invoices) is no disclosure', () => {
    expect(law('We keep invoices for ten years to meet our statutory obligations.')).toBe('unspecified');
  });
});

describe('audio_or_recording_retention_days: French recordings of calls', () => {
  const audio = (text: string) => factOf('audio_or_recording_retention_days', text);
  it('recorded conversations kept a number of months, in a sentence or a retention table', () => {
    expect(audio('Les appels au service client sont enregistrés par sondage et sont conservés 6 mois.')).toBe(180);
    expect(audio('| Catégorie | Durée de conservation |\n| --- | --- |\n| Gestion des comptes | 3 ans |\n| Gestion des enregistrements téléphoniques | Jusqu\'à 30 jours puis suppression |\n')).toBe(30);
  });
  it('data "enregistrées" (stored) or a registered company are no recordings', () => {
    expect(audio('Vos données sont enregistrées sur nos serveurs et conservées 6 mois.')).toBe(null);
    expect(audio('| Catégorie | Durée de conservation |\n| --- | --- |\n| Société enregistrée au registre | 3 ans |\n')).toBe(null);
  });
});

describe('return_or_destroy_on_termination: the sentence that closes a list goes on from its lead-in', () => {
  const ret = (text: string) => factOf('return_or_destroy_on_termination', text);
  const list = '1.  Keep business records for audits.\n2.  Meet record retention duties under applicable laws.\n\n';
  it('a deletion after a list whose lead-in is the end of the relationship is deletion after the end', () => {
    expect(ret(`We keep your personal data while we have a relationship with you. Once our relationship with you has come to an end, we will retain your personal data for a period that enables us to:\n\n${list}We will delete your personal data when it is no longer required for these purposes.`)).toBe('yes');
  });
  it('not after a list whose lead-in is not about the end, nor a deletion on request', () => {
    expect(ret(`We use your personal data to:\n\n${list}We will delete your personal data when it is no longer required for these purposes.`)).toBe('unspecified');
    expect(ret(`Once our relationship with you has come to an end, we will retain your personal data for a period that enables us to:\n\n${list}We will delete your personal data if you request it.`)).toBe('unspecified');
  });
});

describe('record_ownership: the records as subject, with where they come from, belong to the vendor', () => {
  it('"information collected from users of the Services belongs to us" is vendor ownership ("users of the Services" are people, not site content)', () => {
    expect(owner('All information collected from visitors of the Site or users of the Services belongs to us, whether or not it is personal information.')).toBe('vendor');
  });
  it('the vendor owning the content of its site is not record ownership', () => {
    expect(owner('All content collected from partners for display on the Site belongs to us.')).toBe('unspecified');
    expect(owner('The design and text of the Services belong to us.')).toBe('unspecified');
  });
});
