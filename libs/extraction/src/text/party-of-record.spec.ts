import { extractFacts } from '../extract-facts.js';

// The vendor where no name stands before an alias in parentheses (party-of-record.ts): the definitions, the opening
// that makes the agreement, the signature block, a role the agreement gives a name, a policy's opening sentence.
// Sentences written for the project.
const doc = (text: string) => extractFacts(text).document;

describe('the vendor read from the definitions, the opening, the signature block or a declared role', () => {
  it('a definition of the vendor\'s role or of "we"', () => {
    expect(doc('# Definitions\n\n(a) "Business Associate" shall generally have the meaning given at 45 CFR 160.103, and in reference to the party to this Agreement, shall mean Corvid Dictation, Inc.\n\n' +
      'Business Associate agrees to safeguard protected health information.').vendor).toBe('Corvid Dictation, Inc.');
    expect(doc('Terms of Use\n\nIn these terms, "Company", "we" or "us" means Tallow Labs LLC and its affiliates. We provide an app for booking sessions.').vendor).toBe('Tallow Labs LLC');
  });

  it('a template whose party is a blank names no vendor, and lists the blank as the party', () => {
    const d = doc('Definitions\n\n"Business Associate" shall generally have the same meaning as the term at 45 CFR 160.103, and in reference to the party to this agreement, shall mean [Insert Name of Business Associate].\n\n' +
      '"Covered Entity" shall mean [Insert Name of Covered Entity].');
    expect(d.vendor).toBeUndefined();
    expect(d.parties).toEqual([{ name: '[Insert Name of Business Associate]', role: 'business_associate' }]);
  });

  it('the company an agreement is made with in its opening, not the customer', () => {
    expect(doc('Vellum Business Agreement\n\nThis Vellum Business Agreement (the "Agreement") is between Vellum Ireland if your organization is based outside of North America or, ' +
      'if it is based in North America, with Vellum Storage, Inc., a Delaware corporation (each, "Vellum") and the organization agreeing to these terms ("Customer"). Vellum stores files.').vendor).toBe('Vellum Storage, Inc.');
  });

  it('the vendor\'s side of the signature block', () => {
    expect(doc('Business Associate Addendum\n\nThe parties agree to protect PHI as set out below. The business associate shall not use PHI except as permitted.\n\n' +
      'IN WITNESS WHEREOF, the parties have signed this Addendum.\n\nCOVERED ENTITY: ________\nBy: ________\n\nBUSINESS ASSOCIATE:\nQuillfeather Health, LLC\nBy: ________\nName: ________\n').vendor).toBe('Quillfeather Health, LLC');
  });

  it('a role the agreement gives a recurring name; a policy\'s opening subject providing its defined Services; an aliased legal name opening it', () => {
    expect(doc('Data Processing Agreement\n\n1.1 Object: Pellucid shall provide the Controller with the service described in the terms. 1.2 Processor: With respect to this DPA, Pellucid is the Processor within the meaning of Art. 4 (8) GDPR. ' +
      '1.3 Pellucid processes contact data on behalf of the Controller.').vendor).toBe('Pellucid');
    expect(doc('Privacy Policy\n\nCorvina uses end-to-end encryption to provide private messaging and calling services to users worldwide ("Services"). Corvina cannot read your messages. ' +
      'Corvina keeps your phone number to route calls.').vendor).toBe('Corvina');
    expect(doc('Meeting Privacy Supplement\n\n4×4, Inc. ("4×4") respects your right to privacy. This supplement says what 4×4 processes for its meeting service. 4×4 does not sell data.').vendor).toBe('4×4, Inc.');
  });

  it('near misses: a role word, a passing third party, a role declared in a policy, or a name said once are no vendor', () => {
    // "The Processor is …" names a role; a role in a privacy policy is often a third party's ("Google acts as a processor").
    expect(doc('Data Processing Agreement\n\nThe Processor is the party that processes data for the Controller. The Processor shall act on instructions.').vendor).toBeUndefined();
    expect(doc('Privacy Policy\n\nWe use analytics on our site. Google acts as a processor for those analytics. We keep your data for a year.').vendor).toBeUndefined();
    expect(doc('Data Processing Agreement\n\nUnder clause 4, Orrin is a processor of the backups. The supplier shall delete data on request.').vendor).toBeUndefined();
 
    // In a BAA "Provider" or "Company" may be the covered entity (the practice): it does not define the vendor there.
    expect(doc('Business Associate Agreement\n\nIn this Agreement, "Provider" means Linden Family Therapy, PLLC. Business Associate shall report any Breach of Unsecured PHI to Provider.').vendor).toBeUndefined();
    // A possessive is whose the party is, not its name.
    expect(doc('Supply Terms\n\nIn this agreement "Supplier" means Customer\'s supplier of record. The supplier shall deliver goods.').vendor).toBeUndefined();
  });
});
