import { orbitalPage, sortedSubprocessorNames as names } from '../testing/subprocessor-names.js';

/** A table of the third-party cookies on the vendor's pages, under its header row. */
const thirdPartyCookies = (header: string, rows: string[]): string => orbitalPage('## Third party cookies', '', header, '| --- | --- | --- | --- |', ...rows);

describe('sub-processors in the "Third party" column of a cookie table', () => {
  it('reads the party each row names there, without the web address written after it', () => {
    const md = thirdPartyCookies('| Type | Name | Third party | Purpose |', [
      '| Beacon and Cookie | _bx | Botwall ([https://botwall.example/legal/privacy/](https://botwall.example/legal/privacy/)) | Security |',
      '| Script and Cookie | st_id | Statwise [https://statwise.example/privacy](https://statwise.example/privacy) | Counts visits |',
    ]);
    expect(names(md)).toEqual(['Botwall', 'Statwise']);
  });

  it('still reads no party from a column that answers yes or no', () => {
    const md = thirdPartyCookies('| Name | Third party | Purpose | Lifetime |', ['| _ob_pref | No | Remembers your choices | 1 year |', '| _sw_id | Yes | Counts visits | 1 year |', '| _ob_x | Third Party | Load balancing | Session |']);
    expect(names(md)).toEqual([]);
  });

  it('reads the party after a yes, none after a no, no kind of party, and no name cut inside an address', () => {
    const md = thirdPartyCookies('| Type | Name | Third party | Purpose |', [
      '| Cookie | _a | Yes - Statwise | Counts visits |',
      '| Cookie | _b | No (Orbital) | Session |',
      '| Cookie | _c | Ad Networks | Ads |',
      '| Cookie | _d | Heatmapr (see https://heatmapr.example) | Heat maps |',
      '| Cookie | _e | Pushly www.pushly.example | Push |',
    ]);
    expect(names(md)).toEqual(['Heatmapr', 'Pushly', 'Statwise']);
  });
});
