import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// README: recipients include "affiliates outside the document's own definition of 'we'": an organisation named where the
// document says who "we" are (a joint controller, a group brand) is one of "us". Texts shaped on Zillow's and Badoo's
// privacy policies; the counter-examples are sentences of other vendors that define "we" while naming a provider.
describe('organisations named in the definition of "we"', () => {
  it('does not read the group brands a definition of "we" lists, wherever the document names them again', () => {
    const doc =
      '# Privacy Notice\n\nWhen we use the terms "Homestead Group," "we," "us," or "our" in this Privacy Notice, we are referring to the Homestead Group affiliates, subsidiaries, and brands (and their successors) including Homestead, Rentwise, Out West, StreetPlace, and DoorPads.\n\n' +
      '## Sharing\n\nWe share your information with our brands, such as Rentwise and StreetPlace, and with service providers such as Paystride.';
    expect(names(doc)).toEqual(['Paystride']);
  });

  it('does not read a joint controller defined as "we"', () => {
    const doc =
      '# Privacy Policy\n\nOrbital Trading Limited and Lumen Trading LLC are joint controllers in relation to personal information collected and processed through the Orbital App and Sites (referred to in this Policy as “we” and “us”).\n\n' +
      '## Sharing\n\nWe share your information with Lumen Trading LLC and with our hosting provider Nimbus Cloud, Inc.';
    expect(names(doc)).toEqual(['Nimbus Cloud, Inc.']);
  });

  it('still reads a provider named in a sentence that defines "we" and says it uses or shares with that provider', () => {
    const uses = '# Privacy Policy\n\nOrbital Ltd ("Orbital", "we") uses Paystride, Inc. to take payments.\n\n## Sharing\n\nWe share your payment details with our payment processor Paystride, Inc.';
    expect(names(uses)).toEqual(['Paystride, Inc.']);
    const shares = '# Privacy Policy\n\nOrbital Ltd ("Orbital", "we") shares your e-mail address with Mailbolt Inc. to send newsletters.\n\n## Sharing\n\nWe share your e-mail address with our e-mail provider Mailbolt Inc.';
    expect(names(shares)).toEqual(['Mailbolt Inc']);
  });

  // Counter-examples: a definition of "we" that names another organisation the vendor stands in a relation to.
  it('still reads the parent company a definition of "we" names, when the document shares data with it', () => {
    const doc = '# Privacy Policy\n\nLinkedIn Corporation ("LinkedIn", "we", "us") is a subsidiary of Microsoft Corporation.\n\n' +
      '## Sharing\n\nWe share your personal data with Microsoft Corporation, which hosts our services on its Azure cloud on our behalf, and with our payment processor Paystride, Inc.';
    expect(names(doc)).toEqual(expect.arrayContaining(['Microsoft Corporation', 'Paystride, Inc.']));
  });

  it('still reads a host or partner a definition of "we" names after "by" or "partner"', () => {
    const hosted = '# Privacy Policy\n\nThis policy describes how Orbital Ltd ("we") processes data on the Orbital platform hosted by Amazon Web Services.\n\n## Sharing\n\nOur platform is hosted by Amazon Web Services, which stores your data in Ireland.';
    expect(names(hosted)).toEqual(['Amazon Web Services']);
    const partner = '# Privacy Policy\n\nOrbital Ltd ("Orbital", "we"), together with our partner Lumen Analytics Inc., offers the Orbital Insights service.\n\n## Sharing\n\nWe send your usage data to Lumen Analytics Inc. to produce your reports.';
    expect(names(partner)).toEqual(['Lumen Analytics Inc.']);
  });

  it('still does not read the operator a definition names after "by" when the alias then names it ("operated by X (…) ("we")")', () => {
    const doc = '# Privacy Policy\n\nOrbital is operated by Orbital Science UK Ltd (formerly Writewell Ltd), with registered offices at 6 Briset Street, London EC1M 5NR, United Kingdom ("OS UK" or "we").\n\n' +
      '## Sharing\n\nYour usage data is processed by Orbital Science UK Ltd and stored with our hosting provider Nimbus Cloud, Inc.';
    expect(names(doc)).toEqual(['Nimbus Cloud, Inc.']);
  });

  // A definition that takes in the group covers the companies of the brands it writes (the shape of AdRoll's known miss).
  const GROUP = '# Privacy Policy\n\nThis Privacy Policy applies to NextWave, Inc. and its subsidiaries and affiliates, including the Rollwave and Bidwave brands (collectively, "NextWave", "we", "us", "our").\n\n';
  it('does not read a company of a brand the definition of "we" takes in with the group', () => {
    expect(names(GROUP + '## International transfers\n\nPersonal data collected in the EU is transferred to Rollwave Limited in the United Kingdom, which processes it on our behalf, and hosted by Nimbus Cloud, Inc.')).toEqual(['Nimbus Cloud, Inc.']);
  });

  it('still reads a company of a brand the definition names only as another party ("part of the Microsoft group")', () => {
    const doc = '# Privacy Policy\n\nLinkedIn Corporation and its subsidiaries ("LinkedIn", "we", "us") are part of the Microsoft group.\n\n## Sharing\n\nWe share your personal data with Microsoft Limited, which hosts our services on its Azure cloud on our behalf, and with our payment processor Paystride, Inc.';
    expect(names(doc)).toEqual(expect.arrayContaining(['Microsoft Limited', 'Paystride, Inc.']));
  });
});
