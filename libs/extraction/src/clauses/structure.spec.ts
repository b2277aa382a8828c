import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText } from '../text/sentences.js';
import { clausesOf } from './clause.js';
import { Lexicon } from './lexicon.js';
import { leadAction } from './list-lead.js';
import { introChain, isListItem } from './structure.js';

/** The sentences of a Markdown text, as the loader and splitter see it. */
function sentences(md: string) {
  const doc = loadMarkdown(md);
  return analyseText(doc.text, doc.sections).sentences;
}
const find = (md: string, start: string) => {
  const ss = sentences(md);
  const s = ss.find((x) => x.view.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${start}`);
  return { ss, s };
};

describe('list items whose marker touches the text', () => {
  it('reads "(a)Acme will not …" as an item of the lead-in before it, as "(a) Acme …" is', () => {
    const md = 'With respect to Customer Personal Data processed under the CCPA:\n\n(a)Acme will not sell Customer Personal Data;\n\n(b)Acme will not retain it.';
    const { ss, s } = find(md, '(b)Acme');
    expect(isListItem(s)).toBe(true);
    expect(introChain(ss, s).map((x) => x.view)).toEqual(['With respect to Customer Personal Data processed under the CCPA:']);
    const spaced = find(md.replace(/\)A/g, ') A'), '(b) Acme');
    expect(introChain(spaced.ss, spaced.s).map((x) => x.view)).toEqual(['With respect to Customer Personal Data processed under the CCPA:']);
  });

  it('does not read numbers, abbreviations or a copyright sign as markers', () => {
    for (const start of ['1.5 million users were affected.', 'U.S. users are covered.', 'a.m. is when backups run.', '(c)2024 Acme Inc. All rights reserved.', 'ii.Acme keeps logs.']) {
      const { s } = find(`Intro text:\n\n${start}`, start.slice(0, 4));
      expect(isListItem(s)).toBe(false);
    }
  });
});

describe('leadAction: a verbless list item takes its lead-in\'s act', () => {
  const lexicon = new Lexicon();
  const lead = (md: string, start: string) => {
    const { ss, s } = find(md, start);
    const got = leadAction(ss, s, (x) => clausesOf(x, lexicon), (h) => h.kind !== 'deidentify');
    return got ? `${got.hit.kind}:${got.clause.view.slice(got.hit.start, got.hit.end)}` : undefined;
  };
  it('reads "We collect the following data: * Aggregate … statistics" with "collect"', () => {
    expect(lead('We collect the following data:\n\n*   Your IP address\n*   Aggregate website usage statistics (page views, device types)', '- Aggregate')).toBe('collect:collect');
  });
  it('gives nothing to an item with a verb of its own, or under a lead-in without one', () => {
    expect(lead('We collect the following data:\n\n*   We share aggregate statistics with partners', '- We share')).toBeUndefined();
    expect(lead('Data categories:\n\n*   Aggregate website usage statistics', '- Aggregate')).toBeUndefined();
  });
});

describe('an item of several sentences', () => {
  it('reads an item\'s later sentence as part of the list, so the items after it keep the list\'s lead-in', () => {
    const md = 'As a rule, Acme shares your Personal Data with third parties in the following circumstances:\n\n*   With its employees if necessary. In such a case, access will be granted only if the employee is bound by confidentiality.\n*   If and when required to do so by law, court order, or other legal process.';
    const { ss, s } = find(md, '- If and when');
    expect(introChain(ss, s).map((x) => x.view)).toEqual(['As a rule, Acme shares your Personal Data with third parties in the following circumstances:']);
  });
});

describe('an item of several sentences, further forms', () => {
  const lead = 'As a rule, Acme shares your Personal Data with third parties in the following circumstances:';
  it('keeps the lead-in for the item after a numbered item of several sentences (marker split off as its own sentence)', () => {
    const md = `${lead}\n\n1. With its employees if necessary. In such a case, access will be granted only if the employee is bound by confidentiality.\n2. If and when required to do so by law, court order, or other legal process.`;
    const { ss, s } = find(md, 'If and when');
    expect(introChain(ss, s).map((x) => x.view)).toEqual([lead]);
  });
  it('reads an item\'s later sentence ending with ":" as the lead-in of the nested items after it, as an item ending with ":" is', () => {
    const md = `${lead}\n\n*   With service providers. We give them only the following:\n    *   your name\n    *   your email`;
    const { ss, s } = find(md, '- your name');
    expect(introChain(ss, s)[0].view).toBe('We give them only the following:');
  });
});
