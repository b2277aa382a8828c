import { extractFacts } from '../extract-facts.js';
import { analyseText } from './sentences.js';

// A text converted from PDF with a blank line after every line of fixed width: a sentence runs on across lines that start
// with a capital ("in any Widget\n\nContent submitted by You"), which only such a text is read as.
// Wrapped prose: paragraphs of a few full-width lines, the last one ending with a full stop.
const paragraph = (i: number) => [
  `${i}. Support. Acme answers questions about the Service sent by e-mail or through the`,
  'help centre within one business day, and questions sent by post within five business',
  `days of their receipt at the address given in section ${i} of the order form.`,
];
const prose = Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).flat();
const wrapped = [
  ...prose,
  'a. Ownership. Unless otherwise specified herein, as between Acme and You, You retain all',
  'right, title and interest, including all intellectual property rights, in any Widget',
  'Content submitted by You, provided that the Widget Content does not include any Acme code.',
].join('\n\n');

describe('hard-wrapped text', () => {
  it('joins a full-width line into the capitalised line after it', () => {
    const { sentences } = analyseText(wrapped);
    expect(sentences.some((s) => /in any Widget\s+Content submitted by You/.test(s.view))).toBe(true);
    expect(extractFacts(wrapped, { uncalibrated: true }).facts.record_ownership.value).toBe('customer');
  });
  it('keeps blocks apart in a text that is not wrapped, where a block without a full stop is a heading', () => {
    const text = 'Intellectual Property Rights and Licences for Business Content\n\nYou retain all rights in your content.\n\nOther terms apply.';
    const { sentences } = analyseText(text);
    expect(sentences.map((s) => s.view)).toContain('You retain all rights in your content.');
  });
  // Review of x7facts: a heading of wrapped-line length stays a heading (joinLines splits the joined block again at it).
  it('keeps a full-width heading of a wrapped text apart from the paragraph under it', () => {
    const heading = '9. Subprocessing, Confidentiality and International Transfers';
    const text = [...prose, heading, 'Acme stores all Customer Data in the United States and does not transfer it elsewhere.'].join('\n\n');
    const { sentences } = analyseText(text);
    expect(sentences.find((s) => s.view === heading)?.isHeading).toBe(true);
  });
});

// Review of x7facts: a list or a flattened table with one unpunctuated entry a line has as many full-width lines as a
// wrapped text, but no paragraph ends; its entries are separate items, not one sentence.
describe('a list of unpunctuated entries, one a line (not wrapped prose)', () => {
  const padding = Array.from({ length: 18 }, (_, i) => `Our support team answers questions about product number ${i + 10} within one business day`);
  it('keeps the entries of a subprocessor list apart', () => {
    const rows = [
      'Amazon Web Services, Inc. - cloud hosting and storage of customer data - United States',
      'Twilio Inc. - SMS and voice notifications sent to patients - United States of America',
      'Zendesk, Inc. - customer support ticketing and help centre - United States of America',
      'Mailgun Technologies, Inc. - transactional email delivery - United States of America',
    ];
    const text = ['Subprocessors', ...rows, ...padding].join('\n\n');
    const names = extractFacts(text, { uncalibrated: true }).facts.subprocessors_named.value as string[];
    expect(names.some((n) => /United States/.test(n))).toBe(false);
    expect(analyseText(text).sentences.map((s) => s.view)).toContain(rows[1]);
  });
  it('does not carry a refusal in one entry over to the next', () => {
    const text = [
      ...padding,
      'We do not transfer your personal data outside the United States at any time',
      'Backups are stored with our hosting provider in Canada and Germany for disaster recovery',
    ].join('\n\n');
    expect(extractFacts(text, { uncalibrated: true }).facts.offshore_processing.value).toBe('yes');
  });
});
