import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "… we and our third-party advertising partners (including, but not limited to, Meta, Google, and Reddit) may use a
// variety of technologies, including cookies, pixels, …, to collect some of the information described in this section"
// (Bandcamp): partners that collect data on the vendor's services beside it are recipients.
describe('partners named as collecting beside the vendor', () => {
  it('reads the examples of "we and our partners (…) may use technologies"', () => {
    expect(names('# Tracking\n\nWhen you visit our website, we and our third-party advertising partners (including, but not limited to, Quillads, Harrowmetrics, and Pixora) may use a variety of technologies, including cookies and pixels, to collect information about your activity.\n')).toEqual(['Quillads', 'Harrowmetrics', 'Pixora']);
  });
  it('not partners the user uses, nor ones that do not act on the services', () => {
    expect(names('# Partners\n\nYou and your partners (including, but not limited to, Quillads and Pixora) may use our API.\n')).toEqual([]);
    expect(names('# Partners\n\nWe and our partners (including, but not limited to, Quillads and Pixora) are members of industry groups.\n')).toEqual([]);
  });
});
