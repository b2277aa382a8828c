import { orbitalPage, subprocessorNames } from '../testing/subprocessor-names.js';

// A technique named in title case with its alias after a verb of using it is no organisation receiving data. The first
// table failed before: the name after "we use" was read as a provider whatever followed it.
const techniques: [string, string][] = [
  ['its own alias', 'We use Optical Character Recognition ("OCR") technology, powered by AI, to extract data from your ID.'],
];
const organisations: [string, string, string[]][] = [
  ["a company's name and no alias", 'We use Cloudflare technology to protect the site.', ['Cloudflare']],
  ['no kind of technique after it', 'We use Nimbus Vision ("NV") to extract data from your ID.', ['Nimbus Vision']],
];

describe('a technique named after "we use"', () => {
  it.each(techniques)('is not read when %s comes before "technology"', (_, line) => expect(subprocessorNames(orbitalPage(line))).toEqual([]));
  it.each(organisations)('is read as an organisation with %s', (_, line, out) => expect(subprocessorNames(orbitalPage(line))).toEqual(out));
});
