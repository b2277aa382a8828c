import { orbitalPage, sortedSubprocessorNames } from '../testing/subprocessor-names.js';

const names = sortedSubprocessorNames;

const table = (header: string, rows: string[]): string =>
  orbitalPage('## Cookies', '', 'We use various third party services on Orbital that also involve the use of cookies.', '', header, '| --- | --- | --- | --- |', ...rows);

// Cookie tables whose cells name the third party in a way no reading took before.
describe('third parties in the cells of a cookie table', () => {
  it('reads the party a column titled for it writes in a parenthesis after the purpose', () => {
    const md = table('| Name | Category | Purpose of cookie, relevant third-party and additional information | Opt-out |', [
      '| `_sw` | 13 months | Analytics used to distinguish users (Statwise Analytics) | banner |',
      '| `lb` | session | Operations (Nimbus Load Balancer for websocket fallback) | necessary |',
      '| `pay` | local storage | Security (Paystride payment processing) | necessary |',
      '| `_px` | 90 days | Advertising (Adverto/Adline Pixel). See the privacy policy. | banner |',
      '| `pref` | 1 year | Preferences (remember editor settings) | necessary |',
    ]);
    expect(names(md)).toEqual(['Adverto', 'Nimbus Load Balancer', 'Paystride', 'Statwise Analytics']);
  });

  it('reads no parenthesis of a purpose column that does not say it names the party', () => {
    const md = table('| Name | Category | Purpose of cookie | Opt-out |', ['| `_sw` | 13 months | Analytics (Statwise Analytics) | banner |']);
    expect(names(md)).toEqual([]);
  });

  it('reads each organisation of a name cell that joins them with slashes', () => {
    const md = orbitalPage(
      '## Third parties that set cookies',
      '',
      'These cookies, the third parties that set them and the purposes of such cookies are listed below.',
      '',
      '| Third Party | Privacy Policy | Purpose |',
      '| --- | --- | --- |',
      '| Adverto/Adline/ | [Adverto Privacy Policy](https://adverto.example/privacy) | Advertising |',
      '| Statwise | [Statwise Privacy Policy](https://statwise.example/privacy) | Analytics |',
    );
    expect(names(md)).toEqual(['Adline', 'Adverto', 'Statwise']);
  });

  it('reads no parenthesis of a column that opens with the party: there it holds a country or a purpose', () => {
    const md = table('| Name | Provider name | Purpose | Expiry |', ['| `_sw` | Statwise Ltd (Malta) | Analytics | 2 years |', '| `_hj` | Heatly (Analytics) | Analytics | 1 year |']);
    expect(names(md)).not.toEqual(expect.arrayContaining(['Malta']));
    expect(names(md)).not.toEqual(expect.arrayContaining(['Analytics']));
  });

  it('reads each party of a parenthesis that joins two with a slash, unless they name one tag', () => {
    const md = table('| Name | Category | Purpose and provider | Opt-out |', [
      '| `_hx` | 1 year | Advertising (Heatly/Adline Ads) | banner |',
      '| `_px` | 90 days | Advertising (Adverto/Adline Pixel) | banner |',
    ]);
    expect(names(md)).toEqual(['Adline Ads', 'Adverto', 'Heatly']);
  });
});
