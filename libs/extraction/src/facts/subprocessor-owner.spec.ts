import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('the company behind a product the sentence names', () => {
  it('names the product once, as the document writes it, not also the company that provides it', () => {
    const md = '# Analytics\n\nTo improve this website, we use Statwise Analytics, a web analysis service provided by Statwise Inc. Statwise Analytics uses cookies.';
    expect(names(md)).toEqual(['Statwise Analytics']);
  });

  it('still names a company that provides a service the vendor describes without naming a product of it', () => {
    expect(names('# Payments\n\nPayment processing services for our shop are provided by Paystride, Inc., which receives your card details.')).toEqual(['Paystride, Inc.']);
    // Another company's product: its provider is a different organisation from the one in the product's name.
    expect(names('# Analytics\n\nWe use Statwise Analytics, a web analysis service provided by Nimbus Data Ltd, to count visits.')).toEqual(expect.arrayContaining(['Nimbus Data Ltd']));
    // The product itself is not kept as a name (a tool, not an organisation): its company is the only name of it.
    expect(names('# Service providers\n\nOur service providers have access to your personal data.\n\n## Buildkit CI/CD\n\nBuildkit CI/CD is provided by Buildkit, Inc. and processes your data.')).toEqual(['Buildkit, Inc.']);
  });
});

describe('a provider said to receive only anonymous or aggregated data', () => {
  it('is not a recipient of personal data', () => {
    expect(names('# Advertising\n\nWe use Adsmith LLC to manage part of the advertising on our website. If Adsmith services are used, Adsmith LLC may collect and use certain aggregated and anonymized data for advertising purposes.')).toEqual([]);
  });

  it('is a recipient when the paragraph also gives it personal data', () => {
    expect(names('# Advertising\n\nWe use Adsmith LLC to manage part of the advertising on our website. Adsmith LLC may collect aggregated data and your IP address for advertising purposes.')).toEqual(['Adsmith LLC']);
  });
});
