import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

// A technique named in title case after a verb of using it is no organisation receiving data. Failed before: the name
// after "we use" was read as a provider whatever followed it.
describe('a technique named after "we use"', () => {
  it('is not read when its own alias or ordinary words come before "technology"', () => {
    expect(subprocessorNames(orbitalPage('We use Optical Character Recognition ("OCR") technology, powered by AI, to extract data from your ID.'))).toEqual([]);
    expect(subprocessorNames(orbitalPage('Our session data shows how visitors replay pages. We use Session Replay technology to see how pages are used.'))).toEqual([]);
  });

  it('is read when the name is a company\'s, or no kind of technique follows it', () => {
    expect(subprocessorNames(orbitalPage('We use Cloudflare technology to protect the site.'))).toEqual(['Cloudflare']);
    expect(subprocessorNames(orbitalPage('We use Nimbus Vision ("NV") to extract data from your ID.'))).toEqual(['Nimbus Vision']);
  });
});
