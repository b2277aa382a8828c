import { EXPOSURE_BANDS, EXPOSURE_PALETTE, fleetGroupLabel, fleetGroupOf } from './picture.js';

describe('the flow picture', () => {
  it('fleet installs group by vendor and site; an install without a vendor goes by its label', () => {
    const oakland = fleetGroupOf({ vendor: 'ScribeWell AI', site: 'Oakland' }, 'ScribeWell AI (dr-lee)');
    expect(fleetGroupOf({ vendor: 'ScribeWell AI', site: 'Oakland' }, 'ScribeWell AI (dr-park)').key).toBe(oakland.key);
    expect(fleetGroupOf({ vendor: 'ScribeWell AI', site: 'Fresno' }, 'x').key).not.toBe(oakland.key);
    expect(fleetGroupOf({ vendor: 'ScribeWell AI' }, 'x')).toMatchObject({ vendor: 'ScribeWell AI', site: null });
    expect(fleetGroupOf({}, 'Lone install')).toMatchObject({ vendor: 'Lone install', site: null });
    // A vendor name with the key's separators cannot collide with another vendor + site.
    expect(fleetGroupOf({ vendor: 'A@B', site: 'C' }, '').key).not.toBe(fleetGroupOf({ vendor: 'A', site: 'B@C' }, '').key);
  });

  it('labels count installs', () => {
    expect(fleetGroupLabel({ vendor: 'ScribeWell AI', site: 'Oakland' }, 1200)).toBe('ScribeWell AI · Oakland (1,200 installs)');
    expect(fleetGroupLabel({ vendor: 'ScribeWell AI', site: null }, 1)).toBe('ScribeWell AI (1 install)');
  });

  it('every band has a colour pair', () => {
    for (const b of EXPOSURE_BANDS) expect(EXPOSURE_PALETTE[b]).toEqual({ stroke: expect.stringMatching(/^#[0-9a-f]{6}$/), fill: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });
});
