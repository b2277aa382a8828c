import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

const table = (cell: string): string =>
  ['# Recipients of your data', '', 'We share your personal data with the recipients listed in the table below:', '', '| Purpose | Legal basis | Recipients |', '| --- | --- | --- |', '| Statistics | Consent | Statwise |', `| Contextual ads | Legitimate interest | ${cell} |`, ''].join('\n');

describe('a recipients-table cell with a label before its names', () => {
  it('reads the names after a label of providers ("Our advertising Partner: A, B and C")', () => {
    expect(names(table('Our advertising Partner: Adsmith, Bidwell and Clickora'))).toEqual(expect.arrayContaining(['Statwise', 'Adsmith', 'Bidwell', 'Clickora']));
  });

  it('does not read names after a label that is not of providers', () => {
    expect(names(table('Internal use: Reporting and Billing'))).toEqual(['Statwise']);
  });
});
