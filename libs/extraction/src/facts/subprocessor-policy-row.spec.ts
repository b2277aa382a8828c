import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// A row of a recipients table that links to a privacy policy names the party whose policy it is, in whatever case the
// table writes it. The lower-case brands failed before this spec (only a link to the name's own site was taken).
describe('a recipients-table row linked to a privacy policy', () => {
  const table = (rows: string) =>
    `# Advertising\n\nWe do our own hosting. Your data may be shared with the ad technology providers listed below.\n\n| Ad technology providers | Privacy policy |\n|---|---|\n${rows}\n`;

  it('reads a lower-case brand whose row links to a policy on another site', () => {
    expect(names(table('| quillcraft | https://inkworks.example/legal/privacy.html |\n| zentrix.adserver | http://zentrix.example/privacy.php |'))).toEqual(['quillcraft', 'zentrix.adserver']);
  });

  it('does not read an ordinary word of the document, or a row without a policy link, as a name', () => {
    // "hosting" is written in the document's prose too: a kind of service, not a brand.
    expect(names(table('| hosting | https://cloudvendor.example/privacy |'))).toEqual([]);
    // No link to a policy: a lower-case cell may be a kind, left to the other readers.
    expect(names(table('| quillcraft | advertising |'))).toEqual([]);
  });
});
