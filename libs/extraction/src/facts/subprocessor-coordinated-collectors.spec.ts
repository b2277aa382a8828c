import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// Coordinated subjects of a collecting verb share it: "A and B set cookies on our site" says both collect the visit.
// Failed before: only the conjunct next to the verb was read as the collector ("B"), the earlier ones were dropped.
describe('providers named as joint subjects of a collecting verb', () => {
  it('reads every conjunct, with "and", "&" or commas', () => {
    expect(names('# Cookies\n\n## Analytics\n\nQuillmetrics and Trackwell set cookies on our site to count visits.').slice().sort()).toEqual(['Quillmetrics', 'Trackwell']);
    expect(names('# Cookies\n\n## Analytics\n\nHeatwise, Pagecount & Quillmetrics collect information about your visits to our pages.').slice().sort()).toEqual(['Heatwise', 'Pagecount', 'Quillmetrics']);
  });

  it('not a word before a comma that is no name, nor a party only named after a preposition', () => {
    expect(names('# Cookies\n\n## Analytics\n\nFor our charts to work, Trackwell sets cookies on our site.')).toEqual(['Trackwell']);
    expect(names('# Cookies\n\n## Analytics\n\nWith the help of Quillmetrics and Trackwell, we collect information about your visits.')).toEqual([]);
  });
});

// "These cookies collect information about how people use the site. These cookies tell us how the pages perform. Examples
// include A and B.": a sentence between that goes on about the same parties ("These …") leaves the examples to the
// sentence that says they collect. Failed before: only the sentence right before the examples was read, and "information
// about how people use" was not read as the visitors' data.
describe('examples after a sentence that continues about the collecting parties', () => {
  const para = (middle: string) => `# Cookies\n\n## Analytics cookies\n\nThese cookies collect information about how people use our pages. ${middle} Examples include Quillmetrics and Pagecount.`;
  it('reads the examples as those parties', () => {
    expect(names(para('These cookies tell us how the pages perform.')).slice().sort()).toEqual(['Pagecount', 'Quillmetrics']);
  });
  it('not across a sentence about something else, nor after a refusal', () => {
    expect(names(para('We review the figures monthly.'))).toEqual([]);
    expect(names('# Cookies\n\n## Analytics cookies\n\nNo third parties may collect information about how people use our pages. These rules apply everywhere. Examples include Quillmetrics.')).toEqual([]);
  });
});

// Review (revx7deid): a bare comma next to the verb's subject closes an opening clause, it joins no conjunct; and a sentence
// between that names another kind of thing with named examples (browsers) takes the examples. Failed on x7lists.
describe('not a coordination, nor examples of something else', () => {
  it('"When you open A, B sets cookies": A is what the user opens, not a collector', () => {
    expect(names('# Cookies\n\n## Analytics\n\nWhen you open Pagecount, Trackwell sets cookies on your device.')).toEqual(['Trackwell']);
  });
  it('examples after a sentence about browsers are browsers', () => {
    expect(names('# Cookies\n\n## Analytics cookies\n\nThese cookies collect information about how people use our pages. These cookies can be blocked in the settings of most browsers. Examples include Wavebrowse and Glidenet.')).toEqual([]);
    expect(names('# Cookies\n\n## Analytics cookies\n\nThese cookies collect information about how people use our pages. They can be removed with the tools of your browser. Examples include Wavebrowse and Glidenet.')).toEqual([]);
  });
});
