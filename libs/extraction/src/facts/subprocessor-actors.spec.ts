import { subprocessorNames } from '../testing/subprocessor-names.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { readDefinitions } from '../clauses/definitions.js';
import { analyseText, viewPrefix } from '../text/sentences.js';

const names = subprocessorNames;

describe('sub-processors: who acts in the clause that names them', () => {
  it('does not take services the user chooses as the vendor\'s recipients, even in a list of examples', () => {
    const md = '# Payments\n\nYou may decide to use third-party services, like [Paystride](https://paystride.example/) or [Coinlane](https://coinlane.example/), to collect payments.';
    expect(names(md)).toEqual([]);
    // The same names, when the vendor uses them, are recipients.
    expect(names('# Payments\n\nWe use third-party services, like Paystride and Coinlane, to collect your payments.')).toEqual(expect.arrayContaining(['Paystride', 'Coinlane']));
  });

  it('reads a relative pronoun as the noun before it: the customer\'s choices are not the vendor\'s providers', () => {
    expect(names('# Subscriptions\n\nFor example, if a student attends an Institution that utilizes Lernwerk as its system integration, the subscription stays valid.')).toEqual([]);
    expect(names('# Notices\n\nYou must give notices to End Users of your products or services that use Acme Vision and/or Acme Speech.')).toEqual([]);
    // The vendor's own relative clause still counts: "a processor that uses X" is the vendor's chain.
    expect(names('# Hosting\n\nWe store your data with a hosting company, which uses Nimbusflare to run its servers.')).toContain('Nimbusflare');
  });

  it('does not take a party that hands data to another as a recipient', () => {
    expect(names('# Shipping\n\n- You agree that your identity and shipping information may be provided by Parcelgo to Boxhop.')).not.toContain('Parcelgo');
  });

  it('does not take a company whose rules apply as a recipient', () => {
    expect(names('# Acceptable use\n\nCustomers must also comply with the acceptable use policies of our upstream providers, UPNET and Wirecable.')).toEqual([]);
  });

  it('keeps an affiliate of the vendor\'s brand only where the sentence passes data to it', () => {
    const intro = '# Privacy\n\nThis policy is issued by Orbital Research Asia Ltd. ("we", "us").\n\n';
    expect(names(`${intro}Orbital Research Asia Ltd. and its corporate affiliate, Orbital Research, Inc., are committed to honoring the privacy rights of users.`)).toEqual([]);
    expect(names(`${intro}We share your account data with our affiliate, Orbital Research, Inc., which hosts the service.`)).toContain('Orbital Research, Inc.');
  });
});

describe('sub-processors: list structures', () => {
  it('reads a bare parenthesis of names after a provider noun in a clause that passes data', () => {
    expect(names('# Recipients\n\nYour data may be shared with our subcontractors and service providers (Floatly, Paylane, Brazeo and Nimbus Cloud Platform).')).toEqual(
      expect.arrayContaining(['Floatly', 'Paylane', 'Brazeo', 'Nimbus Cloud Platform']),
    );
    // The user's means of payment, given the same way, are not recipients.
    expect(names('# Payment\n\nYou can pay:\n\n* using an online payment service (Paystride, Coinlane, etc.) as available.')).toEqual([]);
  });

  it('reads a list item written as a sentence about its entity', () => {
    const md = '# Aggregation\n\nThe list of these service providers is set out below:\n\n* Bankwise enables us to provide account aggregation services to Customers.\n* Tally AB also allows us to provide linked account information.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Bankwise', 'Tally AB']));
  });

  it('splits "A and/or B" into two names', () => {
    expect(names('# Analytics\n\nWe and our service providers, such as Metricly Analytics and/or Tracewise Analytics, may collect usage information.')).toEqual(
      expect.arrayContaining(['Metricly Analytics', 'Tracewise Analytics']),
    );
  });

  it('reads aliases defined before the names they stand for ("we use "X," or "we" to refer to …")', () => {
    const md = '# Privacy\n\nIn this Policy, we use "SPX," or "we," "us," and "our" to collectively refer to Starlight Pictures Inc. and/or certain of its subsidiaries.\n\nWe share data with service providers, such as Metricly Analytics, and with SPX affiliates.';
    const doc = loadMarkdown(md);
    const a = analyseText(doc.text, doc.sections);
    expect(readDefinitions(viewPrefix(a, 60_000), undefined, a.sentences, []).vendorNames).toEqual(expect.arrayContaining(['SPX', 'Starlight Pictures Inc.']));
    expect(names(md)).toEqual(['Metricly Analytics']);
  });

  it('reads Central European legal suffixes as corporate names, "we are using X" as a relation and "G2" as a name', () => {
    const md = '# Group\n\nWe share your personal information with the following companies of our group:\n\n* Dunmore Services Kft, Main tér 5, Budapest, Hungary;\n* Dunmore Services S.à r.l., Avenue 1, Luxembourg;\n* Quillpay OÜ, Tallinn.\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Dunmore Services Kft', 'Quillpay OÜ']));
    expect(names(md).some((n) => n.startsWith('Dunmore Services S.à r.l'))).toBe(true);
    expect(names('# Site\n\nFor our website, we are using Pagely, which offers the design and hosting of our site.')).toContain('Pagely');
    // A brand of a capital and a digit is a name too.
    expect(names('# Partners\n\nWe share your usage data with our marketing vendors, such as G2 and Metricly.')).toEqual(expect.arrayContaining(['G2', 'Metricly']));
    // An acronym made an adjective names no one.
    expect(names('# Events\n\nAt events where we are using RFID-enabled badges, we process your location.')).toEqual([]);
  });

  it('ends a name defined as "we" at its legal suffix, so the vendor is not its own recipient', () => {
    const md = '# Terms\n\nThe term "us" or "we" refers to Zoomly Operations OÜ a private limited company registered in Estonia, or other Zoomly group company where services are not provided by Zoomly Operations OÜ.\n\nWe share trip data with service providers, such as Mapwise.';
    expect(names(md)).toEqual(['Mapwise']);
    // The legal entity may follow the alias after a dash.
    expect(names('# Terms\n\n1.1. Zoomly (also referred to as "we", "our" or "us") - Zoomly Operations OÜ a private limited company, or other Zoomly group company where services are not provided by Zoomly Operations OÜ.\n\nWe share trip data with service providers, such as Mapwise.')).toEqual(['Mapwise']);
  });
});
