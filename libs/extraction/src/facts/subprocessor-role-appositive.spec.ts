import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('a name set off by commas after "our <vendor role>" ("our clearinghouse, X,")', () => {
  it('reads the name as the party in that role', () => {
    expect(names('# Billing\n\nWe send claim details to our clearinghouse, Harbor Claims, and keep a copy in the chart.')).toEqual(['Harbor Claims']);
    expect(names('# Prescriptions\n\nPrescriptions travel to your pharmacy through our e-prescribing partner, RxRelay.')).toEqual(['RxRelay']);
  });

  it('does not read a place, a person, an unnamed role or a denied relation', () => {
    expect(names('# Contact\n\nPlease send forms to our office, Suite 410, by mail.')).toEqual([]);
    expect(names('# Contact\n\nQuestions go to our Privacy Officer, Dana Reyes, who answers within a week.')).toEqual([]);
    expect(names('# Billing\n\nWe send claim details to our clearinghouse, which forwards them to your insurer.')).toEqual([]);
    expect(names('# Billing\n\nWe do not send session notes to our billing service, Tallyworks, at any time.')).toEqual([]);
  });
});
