import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// "Google is one of these third-party vendors, and uses cookies to serve ads on Savetz Publishing web sites." (Savetz
// Publishing), "Google is one of the third-party advertising companies we may use to serve ads" (Xanga): a name given
// as one of the vendor's providers, in a sentence of its own.
describe('a name given as one of the vendor\'s providers', () => {
  it('reads "X is one of these third-party vendors" and "one of the … companies we may use"', () => {
    expect(names('# Advertising\n\nThird-party vendors may show our ads. Quillads is one of these third-party vendors, and uses cookies to serve ads on our web sites.\n')).toContain('Quillads');
    expect(names('# Advertising\n\nQuillads is one of the advertising companies we may use to serve ads when you visit our website.\n')).toContain('Quillads');
  });
  it('not a ranking, a negation or a kind that is not the vendor\'s', () => {
    expect(names('# About\n\nQuillads is one of the largest advertising companies in the world.\n')).not.toContain('Quillads');
    expect(names('# About\n\nQuillads is not one of our vendors.\n')).not.toContain('Quillads');
    expect(names('# About\n\nWhen you travel, Quillads is one of the companies you may meet.\n')).not.toContain('Quillads');
  });
});

// "This website uses the services of Ezoic Inc. (“Ezoic”), including to manage third-party interest-based advertising."
describe('the vendor\'s own site using the services of a company', () => {
  it('names that company', () => {
    expect(names('# Advertising\n\nThis website uses the services of Adzoic Inc. ("Adzoic"), including to manage interest-based advertising.\n')).toEqual([expect.stringMatching(/^Adzoic/)]);
  });
  it('not a website the user owns', () => {
    expect(names('# Integrations\n\nIf your website uses the services of Adzoic Inc., your visitors see its ads.\n')).toEqual([]);
  });
});
