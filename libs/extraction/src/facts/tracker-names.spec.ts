import { factOf } from '../testing/fact-of.js';
import { extractDocument } from '../extract-document.js';
import { collectorMentions, inRanges, trackerSections } from './tracker-names.js';

const names = (text: string) => factOf('subprocessors_named', text);

const TOKEN = String.raw`[\p{Lu}][\p{L}\p{N}]*`;
const notName = (w: string) => /^(?:We|The|Additionally)$/.test(w);

describe('collectorMentions', () => {
  it('reads the subject of a collecting verb and the agent of "used by" in tracker prose', () => {
    expect(collectorMentions('Hotjar stores information about your visits.', true, TOKEN, notName)).toEqual([{ name: 'Hotjar', at: 0 }]);
    expect(collectorMentions('You can opt out of Plausible Analytics data collection here.', false, TOKEN, notName)).toEqual([{ name: 'Plausible Analytics', at: 19 }]);
    expect(collectorMentions('Additionally Matomo Cloud uses cookies to count visits.', false, TOKEN, notName)).toEqual([{ name: 'Matomo Cloud', at: 13 }]);
    const row = '| _ga | A cookie used by Plausible to count visits. |';
    expect(collectorMentions(row, false, TOKEN, notName)).toEqual([{ name: 'Plausible', at: row.indexOf('Plausible') }]);
  });
  it('says nothing outside cookie or tracking prose', () => {
    expect(collectorMentions('Acme collects personal data for the following reasons:', false, TOKEN, notName)).toEqual([]);
    expect(collectorMentions('The tool is used by Clinicians to record visits.', false, TOKEN, notName)).toEqual([]);
    // Not the subject: the sites of a group collect, not the group named after "of".
    expect(collectorMentions('The internet sites of Acme Benchmark Group collect personal data through cookies.', false, TOKEN, notName)).toEqual([]);
  });
});

describe('trackerSections', () => {
  it('spans a cookie section with its subsections, up to the next section of its level', () => {
    const secs = [
      { heading: 'Cookies', start: 10, end: 20, level: 2 },
      { heading: 'Paddle', start: 20, end: 30, level: 3 },
      { heading: 'Your rights', start: 30, end: 40, level: 2 },
    ];
    const r = trackerSections(secs, 50);
    expect(r).toEqual([[10, 30]]);
    expect([inRanges(r, 25), inRanges(r, 30), inRanges(r, 5)]).toEqual([true, false, false]);
  });
});

describe('subprocessors_named in prose about trackers and partners', () => {
  it('names a provider that collects data on the pages, one section per provider under a cookie heading', async () => {
    const text = 'Acme Health Inc. ("Acme", "we") runs this site.\n\n## Cookies\n\n### Paddle\n\nPaddle uses a cookie to remember your basket at checkout.\n\n### Plausible\n\nPlausible stores information about the pages you visit.\n\n## Your rights\n\nPlausible stores information about the pages you visit.\n';
    const f = (await extractDocument(new TextEncoder().encode(text), 'policy.md')).facts.subprocessors_named;
    expect(f.value).toEqual(['Paddle', 'Plausible']);
    for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    expect(f.evidence.map((e) => e.start)).toEqual([text.indexOf('Paddle uses'), text.indexOf('Plausible stores')]);
    // The same sentence outside a cookie section names no one.
    const outside = 'Acme Health Inc. ("Acme", "we") runs this site.\n\n## Your rights\n\nPlausible stores information about the pages you visit.\n';
    expect((await extractDocument(new TextEncoder().encode(outside), 'policy.md')).facts.subprocessors_named.value).toEqual([]);
  });
  it("reads a possessive tracker and a provider's role given by example", () => {
    expect(names("Strictly necessary cookies such as Fastly's cookies help us stop abuse.")).toEqual(['Fastly']);
    expect(names('We share device identifiers with advertising partners, for example Criteo and Facebook.')).toEqual(['Criteo', 'Facebook']);
  });
  it("is not misled by the provider's name in lower case inside cookie identifiers", () => {
    const text = 'Acme Health Inc. ("Acme", "we") runs this site.\n\n| \\_\\_paddle\\_sid | Paddle uses a cookie to remember your basket. |\n';
    expect(names(text)).toEqual(['Paddle']);
    // Used as an ordinary word of the prose, the capitalised word at a sentence start is not a name.
    expect(names('Acme Health Inc. ("Acme", "we") runs this site. Grab the paddle. Paddle uses a cookie to count visits.')).toEqual([]);
  });
  it('leaves out the vendor, platforms outside an advertising role and unrelated capitals', () => {
    expect(names('Acme Health Inc. ("Acme", "we") operates this site. Acme uses cookies to keep you signed in.')).toEqual([]);
    expect(names('You can sign in with Facebook. Facebook stores your login for you.')).toEqual([]);
    expect(names('Cookies help us. Session cookies are deleted when you close the browser.')).toEqual([]);
    expect(names('Acme Health Inc. ("Acme", "we") runs this site. See How Acme uses cookies.')).toEqual([]);
    expect(names('Acme Health Inc. ("Acme", "we") runs this site. Does Acme use cookies? Statistics collect data through cookies.')).toEqual([]);
  });
});
