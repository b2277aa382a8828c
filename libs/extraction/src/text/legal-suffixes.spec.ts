import { LEGAL_SUFFIX, LEGAL_SUFFIXES, TRAILING_LEGAL_SUFFIX } from './legal-suffixes.js';

const whole = new RegExp(`^${LEGAL_SUFFIX}$`, 'u');

describe('legal suffixes (one vocabulary)', () => {
  it('matches every form as written, and a form whose dot may be left out without it', () => {
    for (const f of LEGAL_SUFFIXES) {
      expect(whole.test(f.replace(/\.\?/g, '.'))).toBe(true);
      expect(whole.test(f.replace(/\.\?/g, ''))).toBe(true);
    }
    // The dot is optional only where the list says so.
    expect(whole.test('S.A')).toBe(false);
    expect(whole.test('Incx')).toBe(false);
  });

  it('strips a trailing suffix with its comma, in any case, and nothing inside a name', () => {
    expect('Adsmith LLC'.replace(TRAILING_LEGAL_SUFFIX, '')).toBe('Adsmith');
    expect('Quizzly, Inc.'.toLowerCase().replace(TRAILING_LEGAL_SUFFIX, '')).toBe('quizzly');
    expect('Harbor Counseling, PLLC'.replace(TRAILING_LEGAL_SUFFIX, '')).toBe('Harbor Counseling');
    expect('LinkedIn Ireland Unlimited Company'.replace(TRAILING_LEGAL_SUFFIX, '')).toBe('LinkedIn Ireland');
    expect('Incline Systems'.replace(TRAILING_LEGAL_SUFFIX, '')).toBe('Incline Systems');
  });
});
