import { toIsoDate } from './dates.js';
import { findDurations, parseNumberWords } from './numbers.js';
import { analyseText } from './sentences.js';

describe('numbers', () => {
  it('parses numbers in words', () => {
    expect(parseNumberWords('sixty')).toBe(60);
    expect(parseNumberWords('forty-five')).toBe(45);
    expect(parseNumberWords('one hundred twenty')).toBe(120);
    expect(parseNumberWords('several')).toBeUndefined();
  });
  it('converts durations to calendar days, preferring the digits in parentheses', () => {
    expect(findDurations('within sixty (60) calendar days').map((d) => d.days)).toEqual([60]);
    expect(findDurations('ten business days').map((d) => d.days)).toEqual([14]);
    expect(findDurations('3 business days').map((d) => d.days)).toEqual([5]);
    expect(findDurations('72 hours or two weeks or 6 months or one year').map((d) => d.days)).toEqual([3, 14, 180, 365]);
    expect(findDurations('a 30-day retention window').map((d) => d.days)).toEqual([30]);
    expect(findDurations('45 C.F.R. 164.410')).toEqual([]);
  });
});

describe('dates', () => {
  it('normalises the usual contract date forms', () => {
    expect(toIsoDate('March 30, 2020')).toBe('2020-03-30');
    expect(toIsoDate('30 March 2020')).toBe('2020-03-30');
    expect(toIsoDate('9/19/17')).toBe('2017-09-19');
    expect(toIsoDate('February 30, 2020')).toBeUndefined();
  });
});

describe('analyseText', () => {
  it('splits sentences but not after abbreviations or initials, with offsets into the text', () => {
    const text = 'Data goes to Example Cloud, Inc. in Ohio. It is sent to 38 John F. Kennedy Ave. Then it stops.';
    const { sentences } = analyseText(text);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Data goes to Example Cloud, Inc. in Ohio.',
      'It is sent to 38 John F. Kennedy Ave. Then it stops.',
    ]);
  });
  it('keeps wrapped lines together and starts list items on their own', () => {
    const text = 'Vendor shall return all PHI\nupon termination.\n- First item\n- Second item';
    const views = analyseText(text).sentences.map((s) => s.view);
    expect(views).toEqual(['Vendor shall return all PHI upon termination.', '- First item', '- Second item']);
  });
  it('marks definitions, drafting notes and headings', () => {
    const text = '1. Definitions\n\n"Sale" means a disclosure for money.\n\n[The parties may wish to add a deadline here.]\n\nVendor shall not sell PHI.';
    const s = analyseText(text).sentences;
    expect(s[0].isHeading).toBe(true);
    expect(s[1].isDefinition).toBe(true);
    expect(s[2].isDraftingNote).toBe(true);
    expect(s[3]).toMatchObject({ isDefinition: false, isDraftingNote: false, isHeading: false, heading: '1. Definitions' });
  });
  it('does not take a short numbered clause for a heading', () => {
    const s = analyseText('2.2 Business Associate shall not sell PHI.').sentences;
    expect(s[0].isHeading).toBe(false);
  });
});
