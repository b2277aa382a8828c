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
});
