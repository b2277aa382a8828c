import { categoryList, factValueText, lensLabel, nameList, roleNoun, valuePhrase, wordList } from './wording.js';
import { LENSES } from './taxonomy.js';

describe('wording: stored values as a reader writes them', () => {
  it('lists categories in words, the last joined by "and"', () => {
    expect(categoryList(['session_recording', 'contact', 'scheduling'])).toBe('session recordings, contact details and appointments');
    expect(wordList(['a'])).toBe('a');
    expect(wordList([])).toBe('');
  });
  it('puts a fact value inside a sentence as a phrase', () => {
    expect(valuePhrase('any_legal_request')).toBe('discloses on any legal request');
    expect(valuePhrase('opt_out')).toBe('allowed unless the practice opts out');
  });
  it('gives a role its article and a head noun', () => {
    expect(roleNoun('employer')).toBe('an employer');
    expect(roleNoun('research')).toBe('a research party');
    expect(roleNoun('data_broker')).toBe('a data broker');
  });

  it('names every lens as its client population, never by its id', () => {
    expect(lensLabel('immigrant-clients')).toBe('Immigrant clients');
    expect(lensLabel('substance-use')).toBe('Substance use (42 CFR Part 2)');
    // A manifest naming two lenses is scored under both, joined by '+'.
    expect(lensLabel('immigrant-clients+minors')).toBe('Immigrant clients + Minors');
    for (const l of LENSES) expect(lensLabel(l)).toMatch(/^[A-Z][^_]*$/);
  });

  it('lists names whose own commas would blur where one ends with semicolons', () => {
    expect(factValueText(['OpenAI, L.L.C.', 'Deepgram, Inc.', 'Amazon Web Services, Inc.'])).toBe('OpenAI, L.L.C.; Deepgram, Inc.; Amazon Web Services, Inc.');
    expect(nameList(['OpenAI', 'Deepgram'])).toBe('OpenAI, Deepgram');
  });
});
