/** The legal instrument a disclosure answers to, by kind: a warrant, a subpoena, a legal request, the law itself, compulsion, an emergency (vocabulary.ts). */
import type { Entries } from './vocabulary.js';

export const INSTRUMENTS: Record<string, Entries> = {
  judicial: {
    plural: ['warrant', 'search warrant', 'court order', 'judicial order', 'order of a court', 'order of the court', 'court-issued order', 'court issued order', 'judicial warrant', 'judicial process', 'judicial authorization', 'judicial subpoena', 'domestic court', 'mutual legal assistance treaty', 'mlat'],
    exact: ['signed by a judge', 'issued by a judge', 'issued by a court', 'court or judicial order', 'order from a court', 'order signed by a judge'],
  },
  subpoena: { plural: ['subpoena', 'summons', 'investigative demand', 'civil investigative demand', 'administrative subpoena', 'grand jury subpoena', 'discovery request'] },
  legal_request: {
    plural: [
      'legal process', 'legal request', 'lawful request', 'legal demand', 'lawful demand', 'law enforcement request', 'government request', 'governmental request',
      'government demand', 'regulatory request', 'legal proceeding', 'legal proceedings', 'court decision', 'judicial proceeding', 'enforceable governmental request',
      'request from law enforcement', 'request from a public authority', 'requests from public authorities', 'request of a public authority', 'legal order',
      'legally binding request', 'valid legal process', 'binding legal request', 'request for information', 'requests for user data', 'request for user data', 'data request',
      'national security request', 'request for cooperation', 'litigation', 'public authority request', 'third party request', 'third-party request', 'compulsory process',
      'legally-mandated request', 'legally mandated request', 'legally required request', 'legally-required request',
    ],
    exact: ['national security', 'law enforcement requirements', 'legal reasons', 'legal and regulatory requests', 'legal or regulatory requests', 'legal or governmental requests', 'governmental requests'],
  },
  by_law: {
    // The law's ground, coordinated ("to comply with a legal or regulatory obligation", "a legal and regulatory requirement"),
    // singular and plural alike.
    plural: ['legal or regulatory obligation', 'legal and regulatory obligation', 'legal or regulatory requirement', 'legal and regulatory requirement'],
    exact: [
      'required by law', 'required by applicable law', 'required by applicable laws', 'required under applicable law', 'as required by law', 'where required by law',
      'required to do so by law', 'required by any applicable law', 'comply with applicable law', 'comply with applicable laws', 'comply with the law', 'comply with any law',
      'comply with laws', 'comply with legal obligations', 'comply with our legal obligations', 'comply with a legal obligation', 'legally required', 'compelled by law',
      'required by law or regulation', 'applicable law requires', 'the law requires', 'law requires', 'required by statute', 'required by applicable legislation',
      'required or permitted by law', 'permitted or required by law', 'mandated by law', 'obligated by law', 'obliged by law', 'legally obligated', 'legally obliged',
      'required under law', 'required by the applicable law', 'as permitted by law', 'compliance with applicable law', 'compliance with applicable laws', 'compliance with law',
      'comply with applicable legal requirements', 'comply with legal requirements', 'applicable law, regulation', 'any applicable law', 'required by any law',
      // What the law obliges is the law's ground, not a demand someone made ("to comply with a legal obligation").
      'legal obligation', 'legal obligations', 'legal requirement', 'legal requirements',
      // "laws and regulations that require us to disclose", "necessary as a matter of applicable law".
      'laws and regulations that require', 'laws or regulations that require', 'laws that require', 'law that requires', 'regulations that require',
      'as a matter of law', 'as a matter of applicable law',
      // "disclose any information as we reasonably believe is necessary to satisfy applicable law".
      'satisfy applicable law', 'satisfy applicable laws', 'satisfy any applicable law', 'satisfy any applicable laws',
      // "where we are under a statutory obligation": what a statute obliges, in the words of European policies.
      'statutory obligation', 'statutory obligations', 'statutory requirement', 'statutory requirements', 'statutory duty', 'statutory duties',
    ],
  },
  // "If compelled to disclose", "compelled by a court order": compulsion, whose instrument (if any) is named next.
  compelled: { exact: ['compelled', 'legally compelled', 'compelled to disclose', 'compelled disclosure'] },
  emergency: { exact: ['emergency', 'emergencies', 'imminent harm', 'imminent danger', 'risk of death', 'serious physical injury', 'serious bodily harm', 'threat to life', 'vital interests'] },
};
