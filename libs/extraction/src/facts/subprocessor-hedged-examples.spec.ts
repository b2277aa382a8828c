import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Examples after a hedged "including" ("including, but not limited to,") and after a kind written in title case over
// several words at the head of a list item ("- Customer Support Platforms, including …"). Both failed before this spec
// (the hedge was not an introducer; only a one-word title-case kind was read as an ordinary word).
describe('examples of a kind of provider after a hedged "including"', () => {
  const doc = (items: string) =>
    `# Sharing\n\nWe give customer account data to support platforms and analytics service providers that work for us.\n\nService providers with whom we share your personal information may include:\n\n${items}\n`;

  it('reads the examples a hedged "including" names, as a plain "including" would', () => {
    expect(names(doc('- Analytics Service Providers, including, but not limited to, Tallymark Ltd.\n- Customer Support Platforms, including without limitation Helpwell, Inc.'))).toEqual(
      expect.arrayContaining(['Tallymark Ltd', 'Helpwell, Inc.']),
    );
  });

  it('does not read a title-case phrase that is not an ordinary word of the document as a kind', () => {
    // "Zentrix Cloud Platforms" is a brand's product line (never written in lower case): its examples are the brand's own products.
    expect(names('# Hosting\n\nWe host data ourselves.\n\nOur services may include:\n\n- Zentrix Cloud Platforms, including, but not limited to, Zentrix Vault\n')).toEqual([]);
  });

  it('does not read the examples when the hedge introduces data, not organisations', () => {
    expect(names(doc('- Usage information, including, but not limited to, Device IDs and Crash Logs'))).toEqual([]);
  });
});
