import { LENSES } from '@custody/domain';
import { LENS_PROFILES, MAX_LENS_WEIGHT, lensWeight } from './lenses.js';

describe('lenses', () => {
  it('has a profile for every lens, with weights ≥ 1', () => {
    for (const l of LENSES) {
      const p = LENS_PROFILES[l];
      expect(p.lens).toBe(l);
      for (const w of [...Object.values(p.categoryWeights), ...Object.values(p.kindWeights)]) expect(w).toBeGreaterThanOrEqual(1);
    }
    expect(MAX_LENS_WEIGHT).toBe(2);
  });

  it('takes the largest matching weight, never a product', () => {
    expect(lensWeight('immigrant-clients', 'weak_law_enforcement_posture', ['immigration_status'])).toEqual({ weight: 2, reason: 'immigrant-clients: immigration_status' });
    expect(lensWeight('immigrant-clients', 'weak_law_enforcement_posture', ['diagnosis']).weight).toBe(1.75);
    expect(lensWeight('substance-use', 'part2_without_consent', ['substance_use']).weight).toBe(2);
    expect(lensWeight('high-profile-client', 'slow_breach_notice', []).weight).toBe(1.75);
    expect(lensWeight('minors', 'tracking_technology', ['web_identifiers']).weight).toBe(1.75);
  });

  it('default weighs nothing', () => {
    expect(lensWeight('default', 'weak_law_enforcement_posture', ['immigration_status'])).toEqual({ weight: 1 });
  });
});
