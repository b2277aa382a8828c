import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('examples of a kind of service given in a parenthesis opened by "like"', () => {
  it('reads them when the vendor uses the kind ("third party applications and services (like A or B)")', () => {
    const md = 'We use internal tools and third party applications and services (like Statwise or Audiencio) to collect and analyze this information.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Statwise', 'Audiencio']));
  });

  it('does not read "like" outside a parenthesis as an introducer of such a kind ("tools that behave like A")', () => {
    // The vendor uses the kind and the sentence gives examples ("including"), so only the parenthesis keeps the
    // comparison out: without it, this reads Statwise.
    const md = 'We use in-house tools that behave like Statwise, including dashboards of our own, to analyse how the site is used.\n';
    expect(names(md)).not.toContain('Statwise');
  });
});

describe('examples of the cookies a vendor uses ("We use cookies, including A and B, to …")', () => {
  it('reads the named providers of the cookies the vendor sets', () => {
    const md = 'We use cookies, including Statwise and Audiencio, to analyze trends and track users’ movements around our Site.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Statwise', 'Audiencio']));
  });

  it('reads third-party cookies the same way', () => {
    expect(names('We use third party cookies, including Statwise, to collect information about how you use our site.\n')).toContain('Statwise');
  });

  it('does not read the cookies of a sentence that is not the vendor’s use ("Browsers block cookies, including …")', () => {
    expect(names('Some browsers block cookies, including Statwise, by default.\n')).not.toContain('Statwise');
  });
});

describe('a capitalised word qualifying a kind of party ("with Swedish authorities")', () => {
  it('is not read as a recipient: the recipients are the kind’s unnamed members', () => {
    expect(names('We may share your personal data with Swedish authorities when we have a legal obligation to do so.\n')).toEqual([]);
  });

  it('leaves a name followed by a verb spelled as a kind ("our hosting provider Hostwell stores the data")', () => {
    expect(names('We share data with our hosting provider Hostwell stores the data.\n')).toContain('Hostwell');
  });

  it('leaves a name that the kind does not follow ("with Statwise, our analytics provider")', () => {
    expect(names('We share your usage data with Statwise, our analytics provider.\n')).toContain('Statwise');
  });
});
