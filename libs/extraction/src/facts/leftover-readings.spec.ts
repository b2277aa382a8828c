import { factOf } from '../testing/fact-of.js';

// Issue 7 (xnon): general readings behind develop misses of the non-name facts. Sentences written for these specs.

describe('law_enforcement_disclosure: the "to" of a later act is not a recipient of the disclosure', () => {
  it('"disclose … as necessary to respond to user support requests or satisfy … legal process" discloses on legal requests', () => {
    expect(factOf('law_enforcement_disclosure', 'Brightway reserves the right to preserve and disclose any account information it considers necessary to answer member help-desk tickets, respond to user support requests or satisfy any applicable law, regulation, legal process or governmental request.')).toBe('any_legal_request');
  });
  it('information given to the user as the law requires is still no disclosure to an authority', () => {
    expect(factOf('law_enforcement_disclosure', 'Where required by law, we will provide the stored records to you.')).toBe('unspecified');
  });
});

describe('baa_offered: the plural and the agreement said to be unavailable', () => {
  it('"BAAs" is the agreement as much as "BAA"', () => {
    expect(factOf('baa_offered', 'Our enterprise team signs BAAs with clinics that store patient files on the platform.')).toBe('yes');
  });
  it('"No Business Associate Agreement is available" refuses one', () => {
    expect(factOf('baa_offered', 'No Business Associate Agreement is available for the consumer edition of the app.')).toBe('no');
    expect(factOf('baa_offered', 'Business Associate Agreements are not available for personal accounts.')).toBe('no');
  });
  it('an agreement that is available stays an offer', () => {
    expect(factOf('baa_offered', 'A Business Associate Agreement is available to clinics on the Practice plan.')).toBe('yes');
  });
});

describe('data_sale_or_marketing: consent named before the refused sale', () => {
  it('"will not, other than with your consent, sell" is an opt-in sale (allowed), as "… without your consent" after it', () => {
    expect(factOf('data_sale_or_marketing', 'Tidewave will not, other than with your consent, sell your personal information to outside companies.')).toBe('allowed');
  });
  it('a negated lead-in that names the consent carries it to its items', () => {
    expect(factOf('data_sale_or_marketing', 'Tidewave will not, without your consent:\n\n- sell your personal information to outside companies;\n- rent your address book to anyone.')).toBe('allowed');
  });
  it('a negated lead-in without consent still refuses; a legal exception is no consent', () => {
    expect(factOf('data_sale_or_marketing', 'Tidewave does not:\n\n- sell your personal information to outside companies.')).toBe('prohibited');
    expect(factOf('data_sale_or_marketing', 'Unless the law obliges us, Tidewave will not:\n\n- sell your personal information to outside companies.')).toBe('prohibited');
  });
});

describe('offshore_processing: French text of a European vendor', () => {
  it('data sent or processed outside the EU ("hors de l\'Union européenne") is offshore', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Certaines de vos données peuvent être communiquées à des prestataires établis hors de l\'Union européenne.')).toBe('yes');
    expect(factOf('offshore_processing', 'Boréal SAS. Les informations de facturation sont susceptibles d\'être traitées en dehors de l\'EEE.')).toBe('yes');
  });
  it('a French refusal confines the data; "ne … que" is a restriction, not a refusal', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne sont jamais transférées hors de l\'Union européenne.')).toBe('no');
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne sont transférées hors de l\'UE que lorsque des clauses contractuelles types sont signées.')).toBe('yes');
  });
  it('users located outside the EU are not data leaving it', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. L\'application peut être utilisée par des clients résidant hors de l\'Union européenne.')).toBe('unspecified');
  });
});

describe('offshore_processing: where the user is, then where the data goes', () => {
  it('"If you are outside the US, … processed in the US or in any other country where we have facilities" names a place abroad', () => {
    expect(factOf('offshore_processing', 'Nimbus Inc. hosts the site in the United States. If you live outside the United States, you agree that your data may be processed in the United States or in any other country in which we have offices.')).toBe('yes');
    expect(factOf('offshore_processing', 'If you use the app from outside the United States, your details may be stored and processed by us and our vendors in the United States and other locations.')).toBe('yes');
  });
  it('data coming into the US from a user abroad, other countries as judges, or a US city and other locations stay unspecified', () => {
    expect(factOf('offshore_processing', 'If you live outside the United States, your data will be transferred to the United States, whose laws some other countries may consider inadequate.')).toBe('unspecified');
    expect(factOf('offshore_processing', 'Our support staff work from offices in Denver and other locations.')).toBe('unspecified');
  });
});

describe('deidentified_data_use: a relative clause on the data is not what is done to it', () => {
  it('"We may anonymize or aggregate information that we collect" is the vendor\'s own de-identification (allowed)', () => {
    expect(factOf('deidentified_data_use', 'Lakeshore may anonymize or aggregate the details that we collect when you book a session.')).toBe('allowed');
  });
  it('a de-identified thing that is only kept stays a review, not an answer', () => {
    expect(factOf('deidentified_data_use', 'Anonymized device identifiers may be stored for twelve months.')).toBe('unspecified');
  });
});

describe('baa_offered: health data the user is asked to avoid or partners may not pass', () => {
  it('"Kindly avoid providing us with such sensitive data" after a list naming health records', () => {
    expect(factOf('baa_offered', 'Quarry will never request special categories of data such as your medical or health records. Kindly avoid providing us with such special data.')).toBe('no');
  });
  it('partners not allowed to pass it, health being an item of the special categories listed', () => {
    expect(factOf('baa_offered', 'We process no special-category data (information concerning ethnic origin, religious beliefs, health, or genetic data), and we do not allow the Publishers/Advertisers to pass such information to us.')).toBe('no');
  });
  it('the vendor avoiding something itself, advice about public places, or a partner rule about other data are no refusal', () => {
    expect(factOf('baa_offered', 'We avoid sharing health information with advertisers.')).toBe('unspecified');
    expect(factOf('baa_offered', 'Please avoid posting your health information in public forums.')).toBe('unspecified');
    expect(factOf('baa_offered', 'We do not allow advertisers to pass us your email address.')).toBe('unspecified');
  });
});

describe('French vocabulary (vocabulary-fr.ts): the clause readers on French text', () => {
  it('data passed to the competent authorities at their request, in legal proceedings: any legal request', () => {
    expect(factOf('law_enforcement_disclosure', 'Vos informations personnelles peuvent être communiquées aux autorités judiciaires, à leur demande, dans le cadre de procédures judiciaires.')).toBe('any_legal_request');
  });
  it('a French refusal with a court decision as its only exception: judicial only; data given to the user is no disclosure', () => {
    expect(factOf('law_enforcement_disclosure', 'Vos données ne sont jamais transmises aux autorités, sauf sur décision de justice.')).toBe('judicial_process_only');
    expect(factOf('law_enforcement_disclosure', 'Pour respecter nos obligations légales, une copie des données qui vous concernent vous sera communiquée sur demande.')).toBe('unspecified');
  });
  it('aggregated data made into statistics for partners: de-identified use allowed; aggregated data only mentioned stays unanswered', () => {
    expect(factOf('deidentified_data_use', 'Les données de navigation sont agrégées afin de produire des indicateurs de fréquentation à destination de nos annonceurs.')).toBe('allowed');
    expect(factOf('deidentified_data_use', 'Les données agrégées sont conservées deux ans.')).not.toBe('allowed');
  });
});

describe('return_or_destroy_on_termination: French deletion after the contract ends', () => {
  it('"supprimées 20 jours après résiliation" is delayed deletion at the end (yes); its refusal is no', () => {
    expect(factOf('return_or_destroy_on_termination', 'Les coordonnées de contact sont gardées pendant le contrat et supprimées 30 jours après la résiliation.')).toBe('yes');
    expect(factOf('return_or_destroy_on_termination', 'Vos données ne sont pas supprimées après la clôture du compte.')).toBe('no');
  });
  it('a deletion tied to another date, or the user deleting the account, is no answer', () => {
    expect(factOf('return_or_destroy_on_termination', 'Les données de facturation sont supprimées trois ans après le dernier achat.')).toBe('unspecified');
    expect(factOf('return_or_destroy_on_termination', 'Vous pouvez supprimer votre compte à tout moment après la résiliation.')).toBe('unspecified');
  });
});
