import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('sub-processors in paragraphs with run-in titles', () => {
  const intro = '# Information we share\n\nOrbital shares data with certain third parties to run the service. Here is who we use:\n\n';

  it('reads each title as a recipient when the intro says the paragraphs are recipients and the paragraph names it again', () => {
    const md = `${intro}**Nimbusflare.** When you browse, the app sends your traffic to Nimbusflare. Nimbusflare keeps it for a day.\n\n**Paystride.** We use Paystride to process your payments.\n`;
    expect(names(md)).toEqual(expect.arrayContaining(['Nimbusflare', 'Paystride']));
  });

  it('does not read titles of topics as names, nor titles under an intro that is not about recipients', () => {
    // The titles are topics: not repeated in their paragraphs as names.
    expect(names(`${intro}**Payments.** We process card details with care.\n\n**Location.** We approximate where you are.\n`)).toEqual([]);
    // The intro is about what the vendor collects, not who receives it.
    const md = '# What we collect\n\nWe collect the following:\n\n**Nimbusflare.** Nimbusflare is the name of your workspace.\n\n**Paystride.** Paystride is your billing plan.\n';
    expect(names(md)).toEqual([]);
  });
});

describe('sub-processors given as examples in a parenthesis after a provider noun', () => {
  it('reads the examples when the clause passes data to the providers', () => {
    expect(names('# Sharing\n\nWe may disclose your personal data to partners (such as Brightpanda, Lendwise and Floatly) to provide optional services.')).toEqual(
      expect.arrayContaining(['Brightpanda', 'Lendwise', 'Floatly']),
    );
    expect(names('# Payments\n\nWe may use a third party payment processor (e.g., Quickpay or Coinstream) to bill you.')).toEqual(expect.arrayContaining(['Quickpay', 'Coinstream']));
  });

  it('does not read examples of sources, sign-ins, stores or the vendor\'s own services', () => {
    expect(names('# Sources\n\nWe combine it with information we received from other third-party partners (such as Geomatica).')).toEqual([]);
    expect(names('# Accounts\n\nYou may authenticate your account through a supported third party service (e.g., Loginly or Keyfob).')).toEqual([]);
    expect(names('# Ads\n\nA website might use our advertising services (like Adsmith) to show ads.')).toEqual([]);
    expect(names('# Recordings\n\nA recording is stored until it is uploaded to your file hosting service (e.g. Boxwell).')).toEqual([]);
    // A service the user chooses to pay with: a party the user deals with, which the vendor hears from.
    expect(names('# Payments\n\nIf you choose to use an unaffiliated payment service ("Payment Service"), such as Quickpay or Coinstream, we may receive an identifier.')).toEqual([]);
    // No verb of passing data: a list of affiliates in a definition names no recipient.
    expect(names('# Terms\n\n"Company" includes its parents, subsidiaries and affiliates (including Northwind Holdings and Southwind Media).')).toEqual([]);
  });
});

describe('sub-processors after a provider noun that carries a defined term', () => {
  it('reads the examples after the defined term when the vendor engages the providers', () => {
    expect(names('# Analytics\n\nWe engage with third-party services ("Third Party Services"), including Brightpanda and Lendwise, to help collect usage information.')).toEqual(
      expect.arrayContaining(['Brightpanda', 'Lendwise']),
    );
  });
});

describe('the owner of a service is not its recipient', () => {
  it('does not name the company a service is owned and operated by', () => {
    expect(names('# About\n\nThe Daily Widget is a news site owned and operated by Northwind Publishing Limited, which hosts our comments.')).toEqual([]);
    expect(names('# Linked accounts\n\nWe share data with third party services you link, such as Gamehub (which is owned and operated by Southwind Corporation).')).not.toContain('Southwind Corporation');
  });
});

describe('providers described in sentences of their own', () => {
  const lead = '# Disclosure\n\nWe typically use service providers like the following to run the service. ';

  it('reads a provider that supplies a service and handles people\'s data, in a passage about the vendor\'s providers', () => {
    const md = `${lead}Quillsend provides messaging services used for account verification. The platform processes phone numbers and codes. Arbor delivers customer support services. It processes member contact details and messages.`;
    expect(names(md)).toEqual(expect.arrayContaining(['Quillsend', 'Arbor']));
  });

  it('abstains when the provider gets only aggregated data, when nothing relates the vendor to providers, and on a clause opened by a conjunction', () => {
    expect(names(`${lead}Tallymark delivers market research services. It processes aggregated and anonymised data only.`)).toEqual([]);
    expect(names('# About\n\nQuillsend provides messaging services. The platform processes phone numbers and codes.')).toEqual([]);
    expect(names(`${lead}Where Quillsend is a data processor, Quillsend processes data on behalf of its customers.`)).not.toContain('Where Quillsend');
  });
});

describe('names in a provider clause that receive nothing personal', () => {
  it('does not name the principal work is done for, nor a party given only anonymous data', () => {
    expect(names('# Sharing\n\nWe share data with companies who are engaged to perform services for, or on behalf of, Northwind Holdings Limited.')).toEqual([]);
    expect(names('# Sharing\n\nWe do not share resolver logs with any third parties except for anonymous logs shared with Tallymark pursuant to a research agreement.')).toEqual([]);
  });
});

describe("the document's own brand", () => {
  // A policy that defines no alias for its author but names it throughout: the author is not its own recipient.
  // "Days" heads every retention row too, as often as the brand but also written in lower case: not a brand.
  const retention = '\n\n# Retention\n\nWe keep logs for 30 days.\n\n' + Array.from({ length: 6 }, (_, i) => `Days ${i + 1}: logs kept.`).join('\n\n');
  const self = '# Privacy\n\nThis notice explains how Skylark runs a messaging service. ' + 'Skylark keeps your messages safe. '.repeat(8) + retention;

  it('is not a recipient when the document names it far more than anything else from its first lines', () => {
    expect(names(`${self}\n\n# Sharing\n\nWe share your usage data with service providers such as Quillsend. Your number is disclosed to Skylark Telecom Limited to route calls.`)).toEqual(['Quillsend']);
  });

  it('stays a recipient in a document that is about someone else', () => {
    expect(names(`Orbital Notes. ${'Orbital keeps your notes. '.repeat(3)}\n\n# Sharing\n\nWe share your usage data with service providers such as Skylark Telecom Limited.`)).toEqual(['Skylark Telecom Limited']);
  });
});

describe('one organisation, one name', () => {
  it('reports a provider once by its full name when the document gives it a short name in parentheses', () => {
    const v = names('# Age checks\n\nWe use Young Web Checks (YWC) for age verification. YWC remembers that you are verified in other games powered by YWC technology.');
    expect(v).toContain('Young Web Checks');
    expect(v).not.toContain('YWC');
  });

  it('keeps two names that the text does not tie together', () => {
    const v = names('# Providers\n\nWe share your email address with our service providers Young Web Checks and YWC Mail.');
    expect(v).toEqual(expect.arrayContaining(['Young Web Checks', 'YWC Mail']));
  });
});
