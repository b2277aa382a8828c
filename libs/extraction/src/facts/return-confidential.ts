import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';

// Whether a deletion at the end is only of the parties' Confidential Information, and whether the document makes the
// customer's data part of it.


// What a deletion acts on is only Confidential Information: the phrase follows it, and every data word after it sits in it.
const CONFIDENTIAL = /^[^.;]{0,80}?\bconfidential information\b/i;
// The customer's records by name: "Customer Data", "Your Data", "Client Materials", "personal data", "PHI", "records of
// Customer's patients" (not bare "information" or "data", which any Confidential Information is).
const DATA_WORDS = String.raw`(?:(?:customer|client|user|end user|subscriber|member|personal|health|patient|your)(?:['’]s)?\s+(?:data|information|content|materials|records)|personally identifiable information|protected health information|phi|records of (?:the\s+)?(?:customer|client|your|its|their)(?:['’]s)?\s+(?:patients|clients|customers|users))`;
// The document makes the customer's data Confidential Information: "Confidential Information includes Customer Data",
// "Confidential Information of Customer includes Customer Data" (the common SaaS template, often a sentence after a long
// definition), "Customer's Confidential Information includes …", "Customer Data … shall be deemed Confidential
// Information", "Your Data is your Confidential Information", a definition that names personal data or health data.
export const CONFIDENTIAL_HOLDS_DATA = new RegExp(
  String.raw`\bconfidential information(?:\s+of\s+(?:the\s+)?[\w'’]+)?\W{0,3}\s+(?:means|includes?|shall (?:mean|include)|(?:also )?includ\w*)\b[^.;]{0,800}?\b${DATA_WORDS}\b` +
    String.raw`|\b${DATA_WORDS}\b[^.;]{0,60}?\b(?:is|are|constitutes?|(?:shall|will) (?:be|constitute)|(?:shall|will) be (?:deemed|considered|treated as))\s+(?:deemed\s+|considered\s+)?(?:the\s+)?(?:[\w'’]+\s+)?confidential information\b` +
    String.raw`|\bprotected health information\b`,
  'i',
);

export function onlyConfidential(c: Clause, d: Hit): boolean {
  const m = CONFIDENTIAL.exec(c.view.slice(d.end));
  if (!m) return false;
  const end = d.end + m.index + m[0].length;
  if (c.hits.some((x) => x.cat === 'object' && x.start >= d.end && x.end <= end - 'confidential information'.length)) return false;
  // Nor with the customer's data named after it, beside it or in it: "… Confidential Information and all Customer Data",
  // "… Confidential Information of the other party, including any Customer Data".
  return !DATA_AFTER.test(c.view.slice(end));
}
const DATA_AFTER = new RegExp(String.raw`\b${DATA_WORDS}\b`, 'i');

