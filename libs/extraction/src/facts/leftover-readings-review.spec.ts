import { factOf } from '../testing/fact-of.js';

// Review of xnon (issue 7): readings the merged change gave wrongly on sentences it did not try. Sentences written for
// these specs.

describe('offshore_processing (French): the user\'s place is no destination', () => {
  it('"Si vous résidez hors de l\'UE" or "depuis un pays situé en dehors de l\'UE" says where the user is', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Si vous résidez hors de l\'Union européenne, vos données sont traitées en France.')).toBe('unspecified');
    expect(factOf('offshore_processing', 'Boréal SAS. Si vous accédez au service depuis un pays situé en dehors de l\'UE, vos données seront hébergées en France.')).toBe('unspecified');
  });
  it('companies located outside the EU that receive data are still a destination', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données peuvent être transmises à des sociétés situées hors de l\'Union européenne.')).toBe('yes');
  });
});

describe('offshore_processing (French): only a negation of the movement refuses it', () => {
  it('a negation of another verb, or in another clause, leaves the transfer abroad (yes)', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Nous ne vendons pas vos données, mais certains prestataires peuvent les traiter hors de l\'Union européenne.')).toBe('yes');
    expect(factOf('offshore_processing', 'Boréal SAS. Si vous ne souhaitez pas recevoir nos offres, vos données peuvent tout de même être transférées hors de l\'UE.')).toBe('yes');
    expect(factOf('offshore_processing', 'Boréal SAS. Aucune donnée bancaire n\'est conservée; vos données de navigation peuvent être transférées hors de l\'UE.')).toBe('yes');
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne sont pas vendues et peuvent être hébergées hors de l\'UE.')).toBe('yes');
  });
  it('the movement itself negated, in its simple or compound tense or by "aucune", confines the data (no)', () => {
    expect(factOf('offshore_processing', 'Boréal SAS. Nous ne transférons pas vos données hors de l\'UE.')).toBe('no');
    expect(factOf('offshore_processing', 'Boréal SAS. Aucune donnée personnelle n\'est transférée en dehors de l\'EEE.')).toBe('no');
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne peuvent pas être hébergées hors de l\'Union européenne.')).toBe('no');
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne sont pas transférées, stockées ou traitées hors de l\'UE.')).toBe('no');
  });
});

describe('baa_offered: a BAA "no" must refuse the agreement or health data in the service', () => {
  it('a refusal limited to a plan, with a BAA offered on another plan in the same sentence, is an offer', () => {
    expect(factOf('baa_offered', 'No BAA is available on the free plan; contact sales for an Enterprise BAA.')).toBe('yes');
    expect(factOf('baa_offered', 'Business Associate Agreements are not available for personal accounts, but clinics on the Team plan can sign a BAA.')).toBe('yes');
  });
  it('the same with the offer as "it is available" or "but are available"', () => {
    expect(factOf('baa_offered', 'BAAs are not available on the Free plan but are available on the Enterprise plan.')).toBe('yes');
    expect(factOf('baa_offered', 'A BAA is not available for Starter accounts; it is available for Business accounts.')).toBe('yes');
  });
  it('a plan-limited refusal with no offer elsewhere stays a refusal, whatever else is available', () => {
    expect(factOf('baa_offered', 'No Business Associate Agreement is available on the free plan, and none will be signed for hobby projects.')).toBe('no');
    expect(factOf('baa_offered', 'No BAA is available on the free plan; support is available by email.')).toBe('no');
  });
  it('a negation in a preamble before a colon does not refuse the BAA after it', () => {
    expect(factOf('baa_offered', 'Not every plan qualifies: BAAs are available on Business and Enterprise plans.')).toBe('yes');
    expect(factOf('baa_offered', 'We will not sign a BAA: our service is not designed for PHI.')).toBe('no');
  });
  it('health as an item of what the vendor collects, then advice about other members or a channel, is no refusal', () => {
    expect(factOf('baa_offered', 'We process information concerning your name, address, health, and insurance coverage. Please avoid sending such information by email.')).toBe('unspecified');
    expect(factOf('baa_offered', 'We collect data relating to your appointments, health, fitness goals and payments. Kindly avoid sharing such data with other members.')).toBe('unspecified');
    expect(factOf('baa_offered', 'Members should not share health information with other members of the group.')).toBe('unspecified');
  });
  it('health in a list of special categories the user is asked to withhold is still a refusal', () => {
    expect(factOf('baa_offered', 'Special categories of data (information revealing religious beliefs, trade union membership, health, or sexual orientation) are not needed. Kindly avoid providing us with such data.')).toBe('no');
  });
});

describe('French "pas" negates only with its "ne" (vocabulary-fr.ts)', () => {
  it('"PAs" (physician assistants) in an English sentence is no negation', () => {
    expect(factOf('data_sale_or_marketing', 'Our PAs may use your contact details to send you marketing emails.')).toBe('allowed');
    expect(factOf('law_enforcement_disclosure', 'Our physicians and PAs may disclose your records to law enforcement when required by law.')).toBe('any_legal_request');
  });
  it('"ne … pas" still refuses', () => {
    expect(factOf('law_enforcement_disclosure', 'Vos données ne sont pas transmises aux autorités, sauf sur décision de justice.')).toBe('judicial_process_only');
    expect(factOf('offshore_processing', 'Boréal SAS. Vos données ne sont pas hébergées hors de l\'Union européenne.')).toBe('no');
  });
});

describe('return_or_destroy_on_termination (French): "à compter de la résiliation"', () => {
  it('deletion within a delay counted from the termination is delayed deletion at the end (yes)', () => {
    expect(factOf('return_or_destroy_on_termination', 'Vos données sont supprimées dans un délai de 30 jours à compter de la résiliation du contrat.')).toBe('yes');
  });
  it('a delay counted from another date is no answer', () => {
    expect(factOf('return_or_destroy_on_termination', 'Vos factures sont supprimées dix ans à compter de leur émission.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: the consent of a negated lead-in must be its own clause\'s', () => {
  it('consent named for an earlier clause of the lead-in does not lift the listed refusals', () => {
    expect(factOf('data_sale_or_marketing', 'We never collect data without your consent, and we will not:\n\n- sell your personal information;\n- rent your email address.')).toBe('prohibited');
  });
  it('consent opening the lead-in\'s own clause still makes the listed sale opt-in (allowed)', () => {
    expect(factOf('data_sale_or_marketing', 'Without your consent, we will not:\n\n- sell your personal information.')).toBe('allowed');
  });
});
