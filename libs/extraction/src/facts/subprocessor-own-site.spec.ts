import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe("the vendor's own website or app as the one that uses a provider", () => {
  it('reads "this website uses A" and "our app uses B" as the vendor using them', () => {
    expect(names('# Analytics\n\nThis website uses Statwise Analytics, a web analytics service, to count visits.')).toEqual(['Statwise Analytics']);
    expect(names('# Analytics\n\nOur app uses Statwise to analyse how visitors use it.')).toEqual(['Statwise']);
  });

  it("does not read a provider that someone else's website uses", () => {
    // The user's own site: the user's choice of provider, not the vendor's.
    expect(names('# Your site\n\nIf your website uses Statwise Analytics, its terms apply to you.')).toEqual([]);
    // Other sites: third parties' providers.
    expect(names('# Links\n\nOther websites use Statwise Analytics to count their visits.')).toEqual([]);
  });
});
