import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// The vendor handing named data to a named party in running prose ("Acme may disclose your name and email to X").
// The positive cases failed before this spec: only the passive "disclosed to X" and "shares … with X" were read.
describe('a recipient named after "disclose/send/pass <data> to"', () => {
  it('reads the party the vendor discloses, sends or passes the user\'s data to', () => {
    expect(names('# Reviews\n\nIf you agree, we may disclose your name and email address to Reviewly so that you can rate us.')).toEqual(['Reviewly']);
    expect(names('# Payments\n\nWe send your payment details to Paystride, which charges your card.')).toEqual(['Paystride']);
  });

  it('does not read a country, a user\'s own act, a refusal, or a non-data object as a recipient', () => {
    // A transfer abroad names a place, not a party.
    expect(names('# Transfers\n\nWe may transfer the following information to Germany and Serbia when needed.')).toEqual([]);
    // The user, not the vendor, discloses.
    expect(names('# Forums\n\nMembers may disclose their contact information to Brightpanda when they join its club.')).toEqual([]);
    // A refusal.
    expect(names('# Sharing\n\nWe will not disclose your personal data to Adsmith.')).toEqual([]);
    // The object is not data: an email sent to the user through a product.
    expect(names('# Notices\n\nWe send you reminders to Slate Calendar only if you connect it.')).toEqual([]);
  });
});
