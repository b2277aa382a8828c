import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

// Two readings of who the text is about, from ota-fresh19/21's misses: the entity a policy's opening sentence defines as
// "we" while saying what the policy covers, and a list introduced as "who we use".
describe('the definition of "we" in a sentence about what the policy covers', () => {
  it('does not read the operator the opening sentence defines as "we" ("how your information is collected, used, and shared … provided by X (\\"we\\")")', () => {
    const doc =
      '# Privacy Policy\n\nThis Privacy Policy explains how your Personal Information is collected, use, and shared and the rights you have when you use the Heartline website and services provided by Plain Basic, LLC and/or its legal affiliates ("Heartline", "we", "us", or "our").\n\n' +
      '## Sharing\n\nWe share your Personal Information with our service providers, such as Paystride, Inc., and Plain Basic, LLC may receive reports.';
    const got = names(doc);
    expect(got).toContain('Paystride, Inc.');
    expect(got).not.toContain('Plain Basic, LLC');
  });

  it('still reads a provider the defining sentence shares data with ("collect, use and share your data with X")', () => {
    const doc =
      '# Privacy Policy\n\nOrbital Ltd ("Orbital", "we") will collect, use and share your personal data with Paystride, Inc. to take payments.\n\n' +
      '## Sharing\n\nWe share your payment details with our payment processor Paystride, Inc.';
    expect(names(doc)).toEqual(['Paystride, Inc.']);
  });
});

describe('a scope sentence defines "we" by its aliases only', () => {
  const sharing = '\n\n## Sharing\n\nWe share payment details with our payment processor, Paystride, Inc.\n';

  it('reads a provider the scope sentence names after the aliases as where the data goes, not as one of "us"', () => {
    const doc = '# Privacy Policy\n\nThis Privacy Policy explains how Acme Health, Inc. ("Acme", "we", "us") collects, uses, and discloses personal information, including to service providers such as Paystride, Inc., and the choices you have.' + sharing;
    expect(names(doc)).toEqual(['Paystride, Inc.']);
  });

  it('still reads a company the aliases name in a scope sentence as one of "us"', () => {
    const doc = '# Privacy Policy\n\nThis Privacy Policy describes how Acme Health, Inc. and Paystride, Inc. ("we", "us") collect, use and share your information.' + sharing;
    expect(names(doc)).toEqual([]);
  });
});

describe('a list introduced as "who we use"', () => {
  const list = (intro: string): string =>
    `# Relay\n\n**Information we share.** Relay shares information with third parties to provide the service to you. ${intro}\n\n*   **[Nimbus Cloud.](https://nimbus.example/privacy)** Nimbus Cloud is a cloud-computing platform that stores your masked addresses.\n*   **[Textwire.](https://textwire.example/privacy)** Textwire receives your phone number and the content of text messages.\n`;

  it('reads the entries of "Here\'s who we use to support Relay:" as recipients', () => {
    expect(names(list("Here's who we use to support Relay:"))).toEqual(expect.arrayContaining(['Textwire']));
  });

  it('does not take the partners of "who we partner with for our giving campaign:" for recipients', () => {
    const md = "# Donations\n\nEach year we give to charity. Here's who we partner with for our giving campaign:\n\n* **Red Cross.** We donate a share of profits.\n* **Oxfam International.** We match employee gifts.\n";
    expect(names(md)).toEqual([]);
  });

  it('does not take a list of whom "we use data about" for recipients', () => {
    expect(names(list('Here is who we use data about:'))).not.toContain('Textwire');
  });
});
