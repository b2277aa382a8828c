import { randomStrings } from '../testing/random-strings.js';
import { opensAsDefinition } from './definition-opening.js';

describe('opensAsDefinition', () => {
  const PATTERN = /^\W*[\w\s-]{1,60}\W*\s+means\b/i;

  it('answers as the definition pattern does, on random strings', () => {
    const alphabet = ['means', 'MEANS', 'meanss', ' ', '\u00a0', '\n', '-', '_', '"', '“', 'Term', 'a', '1', '.', ',', 'é', 'x'.repeat(25), ' means'];
    let found = 0;
    for (const v of randomStrings(alphabet, 20000, 9, 47)) {
      const truth = PATTERN.test(v);
      if (truth) found++;
      expect({ v, opens: opensAsDefinition(v) }).toEqual({ v, opens: truth });
    }
    expect(found).toBeGreaterThan(500);
  });

  it('reads a definition and stays fast over a long run of blanked spaces', () => {
    expect(opensAsDefinition('"Subprocessor" means any processor engaged by us.')).toBe(true);
    expect(opensAsDefinition('We share data with providers, which means they see it.')).toBe(false);
    const blanked = 'We require ' + ' '.repeat(5000) + ' that it means nothing';
    const t0 = process.cpuUsage();
    expect(opensAsDefinition(blanked)).toBe(false);
    expect(process.cpuUsage(t0).user).toBeLessThan(200_000);
  });
});
