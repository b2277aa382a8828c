import { categoryList, roleNoun, valuePhrase, wordList } from './wording.js';

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
});
