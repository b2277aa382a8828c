import { extractFacts } from '../extract-facts.js';
import { analyseText } from './sentences.js';

// A text converted from PDF with a blank line after every line of fixed width: a sentence runs on across lines that start
// with a capital ("in any Widget\n\nContent submitted by You"), which only such a text is read as.
const LINE = 'The Service lets businesses publish details about their locations';
const filler = Array.from({ length: 24 }, (_, i) => `${LINE} to customers of group ${i + 10}`);
const wrapped = [
  ...filler,
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
});
