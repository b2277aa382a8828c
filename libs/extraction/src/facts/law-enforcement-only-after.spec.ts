import { extractFacts } from '../extract-facts.js';

// A disclosure on legal process made to wait for a notice ("but only after we notify you") is a notice promise.
// Texts written for these tests.
const le = (text: string) => extractFacts(text).facts.law_enforcement_disclosure;

describe('law enforcement: a disclosure that waits for notice', () => {
  it('reads "discloses on legal process, but only after it uses reasonable efforts to notify you" as notice', () => {
    const f = le('Brightwater may release your files when a court order or other legal process requires it, but only after Brightwater, where the law allows, uses commercially reasonable efforts to notify you so that you can contest the demand.');
    expect(f.value).toBe('legal_process_with_notice');
    expect(f.evidence[0].quote).toContain('only after');
  });

  it('does not read an "only after" notice about something else as notice of the demand', () => {
    const f = le('We may release your files to the authorities on a subpoena or other legal process, but only after we notify you of any change to our fees.');
    expect(f.value).toBe('any_legal_request');
  });

  it('does not read "only after" a demand, with no notice, as notice', () => {
    const f = le('We may release your files to the police, but only after we receive a valid subpoena.');
    expect(f.value).not.toBe('legal_process_with_notice');
  });
});
