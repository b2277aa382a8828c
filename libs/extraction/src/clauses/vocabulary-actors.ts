/** Who acts or receives, by kind: the vendor, its providers, its affiliates, the customer, an authority, advertisers (vocabulary.ts). */
import type { Entries } from './vocabulary.js';

export const ACTORS: Record<string, Entries> = {
  // "The Processor" of a DPA is the vendor; its "processors" are providers. A vendor word qualified as a third
  // party's ("a third party licensor", "a third-party processor") names someone else: the provider entries below.
  vendor: { exact: ['we', 'us', 'our', 'ours', 'ourselves', 'the company', 'company', 'processor', 'the processor'], plural: ['business associate', 'data processor', 'data importer', 'licensor'] },
  provider: {
    plural: [
      'service provider', 'third-party service provider', 'third party service provider', 'sub-processor', 'subprocessor', 'sub processor', 'subcontractor',
      'sub-contractor', 'vendor', 'supplier', 'contractor', 'third party', 'third-party', 'partner', 'business partner', 'agent',
      'hosting provider', 'cloud provider', 'payment processor', 'payment provider', 'technology provider', 'infrastructure provider',
      'provider', 'recipient', 'data recipient', 'service partner', 'outside vendor', 'external service provider', 'external provider',
      'third party licensor', 'third-party licensor', 'third party processor', 'third-party processor', 'third party data processor', 'third-party data processor',
    ],
    // "We use other companies to process your information on our behalf": companies other than the vendor, as third parties are.
    exact: ['processors', 'other processors', 'further processors', 'other companies', 'outside companies', 'external companies'],
  },
  affiliate: { plural: ['affiliate', 'subsidiary', 'affiliated company', 'affiliated companies', 'group company', 'group entity', 'related company', 'corporate affiliate', 'parent company', 'sister company'], exact: ['companies in our group', 'corporate family', 'family of companies'] },
  customer: {
    exact: ['you', 'your', 'yourself'],
    // In a mutual confidentiality clause the customer's records are the disclosing party's information.
    plural: ['customer', 'covered entity', 'controller', 'data controller', 'data exporter', 'client', 'user', 'end user', 'subscriber', 'licensee', 'account holder', 'practice', 'member', 'publisher', 'disclosing party'],
  },
  authority: {
    plural: [
      'law enforcement', 'law enforcement agency', 'law enforcement authority', 'law enforcement official', 'police', 'government', 'government agency',
      'government authority', 'governmental authority', 'governmental agency', 'governmental body', 'government entity', 'government official', 'public authority',
      'authority', 'regulator', 'regulatory authority', 'supervisory authority', 'court', 'tribunal', 'agency', 'official', 'competent authority',
      'judicial authority', 'administrative authority', 'public body', 'state agency', 'federal agency', 'prosecutor',
    ],
  },
  advertiser: { plural: ['advertiser', 'advertising partner', 'ad network', 'advertising network', 'marketing partner', 'data broker', 'marketer', 'advertising company', 'ad partner', 'ad tech partner', 'adtech partner'] },
};
