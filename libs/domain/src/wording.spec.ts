import { categoryList, factValueText, kindLabel, lensLabel, nameList, roleNoun, settingLabel, settingPhrase, valuePhrase, wordList } from './wording.js';
import { FINDING_KINDS, LENSES } from './taxonomy.js';

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

describe('display names shared by the report and the dashboard', () => {
  it('names every finding kind in words, with its initialisms (`missing_baa` → `Missing BAA`)', () => {
    expect(kindLabel('missing_baa')).toBe('Missing BAA');
    expect(kindLabel('weak_law_enforcement_posture')).toBe('Weak law-enforcement posture');
    for (const k of FINDING_KINDS) expect(kindLabel(k)).toMatch(/^[A-Z0-9][^_]*$/);
    expect(kindLabel('constructor')).toBe('Constructor');
  });
  it('names a fleet setting as the dashboard does, and keeps a lower-case phrase for sentences', () => {
    expect(settingLabel('can_disable')).toBe('Clinician can disable');
    expect(settingLabel('settings.audio_retention_days')).toBe('Audio retention (days)');
    expect(settingLabel('beta_flag')).toBe('Beta flag');
    expect(settingPhrase('audio_retention_days')).toBe('audio retention days');
    // Every setting of the vocabulary has its label, the install's version included; an inherited name is no setting.
    expect(settingLabel('version')).toBe('Software version');
    expect(settingLabel('constructor')).toBe('Constructor');
  });
});
