import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
const intro = '# Advertising\n\nYour data may be shared with any of the ad technology providers listed below:\n\n';

describe('a lower-case name cell of a recipients table', () => {
  it('reads it when the same row links to that party\'s own site', () => {
    const doc = intro + '| Ad technology providers | Further info |\n| --- | --- |\n| Adsmith | https://www.adsmith.com/privacy/ |\n| metriqa | https://www.metriqa.com/datenschutz/ |\n| bidly.io | http://www.bidly.io/impressum |\n';
    expect(names(doc)).toEqual(expect.arrayContaining(['Adsmith', 'metriqa', 'bidly.io']));
  });

  it('does not read a lower-case cell without such a link (a kind of service, a cookie)', () => {
    const doc = intro + '| Ad technology providers | Further info |\n| --- | --- |\n| Adsmith | https://www.adsmith.com/privacy/ |\n| hosting | https://www.adsmith.com/hosting/ |\n| analytics | see our cookie policy |\n';
    expect(names(doc)).toEqual(['Adsmith']);
  });
});
