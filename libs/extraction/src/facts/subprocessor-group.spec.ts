import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
// The vendor names itself, so its brand ("Orbital") is known to the reader.
const intro = '# Privacy\n\nThis policy is issued by Orbital Ltd. ("we", "us").\n\n# Sharing\n\n';

describe("the vendor's group companies given as examples of a clause that passes data to them", () => {
  it('reads the examples after "such as" or "for instance", even when they share the brand and have no legal suffix', () => {
    const md = `${intro}We may share the personal data we collect with other organisations in the Orbital Group where those companies share business processes with us (such as Orbital IT AB, Orbital of Sweden AB).\n`;
    expect(names(md)).toEqual(expect.arrayContaining(['Orbital IT AB', 'Orbital of Sweden AB']));
    const md2 = `${intro}We may need to transfer your information to other Orbital Group companies (for instance our Orbital Care Solutions centres in Egypt, who provide customer support).\n`;
    expect(names(md2)).toEqual(['Orbital Care Solutions']);
  });

  it('reads the entries of a colon list of affiliated companies data is shared among', () => {
    const md = `${intro}Personal information may be shared among the other Orbital affiliated companies that have separate privacy statements: Orbital Dealer Services, Keystone Indemnity Company and Northlight Insurance Company.\n`;
    expect(names(md)).toEqual(expect.arrayContaining(['Orbital Dealer Services', 'Keystone Indemnity Company', 'Northlight Insurance Company']));
  });

  it('reads the items of a list whose intro passes data to the companies of the group', () => {
    const md = `${intro}We share your personal information with the following companies of our group, as they help us deliver the services:\n\n- Brightwave Services Kft, Budapest, Hungary;\n- Orbital Holding S.à r.l., Luxembourg.\n`;
    expect(names(md)).toEqual(expect.arrayContaining(['Orbital Holding S.à r.l']));
  });

  it('does not read examples of the places the group is in, of what the group does, or of a denied or reversed transfer', () => {
    // Someone else's examples: countries, not companies.
    expect(names(`${intro}We may transfer your personal data to our affiliates and partners located in countries other than yours (e.g. Singapore).\n`)).toEqual([]);
    // Negated: the clause denies passing data to the group.
    expect(names(`${intro}We do not share your personal data with other organisations in the Orbital Group (such as Orbital IT AB).\n`)).toEqual([]);
    // Reversed: the group is the source of the data, not its recipient.
    expect(names(`${intro}We receive information about you from our affiliates, such as Orbital Media.\n`)).toEqual([]);
    // No transfer at all: the sentence only says who belongs to the group.
    expect(names(`${intro}Our group companies (such as Orbital IT AB) also publish their own policies.\n`)).toEqual([]);
  });
});
