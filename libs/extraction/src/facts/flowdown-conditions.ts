// What in a sentence looks like a binding to the vendor's standard but binds no provider (subcontractor_flowdown):
// a condition set on the customer or on the vendor's own act. A careful reader asks who is subject to the standard:
// "Subject to your compliance with this Agreement, Acme grants you …" conditions a grant to the customer; "Acme will
// pay (directly or through a payment processor) … subject to the provisions of this Agreement" conditions the vendor's
// payment; neither binds the processor the sentence happens to name. Offsets are kept: the words are blanked.

const blank = (x: string) => ' '.repeat(x.length);

// A sentence (or list item) opening with its condition: "Subject to Section 2, …", "Subject to and conditioned on
// Customer's payment of the Fees, …" — up to the comma that closes it.
const OPENING_CONDITION = /^(?:[\s*_>#-]|\(?[a-z0-9]{1,4}[.)])*\s*subject to\b[^,;.]{0,240},/i;

// Compliance held by the customer: "your compliance with", "Customer's and its Authorized Users' compliance with",
// "you agree to comply with", "you must comply with". The customer complies; no provider is tied by it.
const CUSTOMER_COMPLIANCE = new RegExp(
  String.raw`\b(?:your|(?:the\s+)?(?:customer|user|licensee|subscriber|member|client)['’]s?)(?:\s+(?:and|or)\s+(?:its|their|your)\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s?)?\s+(?:continued\s+|full\s+|ongoing\s+)?(?:compliance|performance)\b` +
    String.raw`|\byou\s+(?:also\s+)?(?:agree|undertake|must|shall|will|are required)\s+(?:to\s+)?(?:comply|abide)\b`,
  'gi',
);

// A "subject to" that holds of a party: after a copula ("are subject to", "will remain subject to", "be made subject
// to") or right after the party it binds ("providers subject to confidentiality obligations"). Elsewhere it conditions
// the act before it ("will pay the balance … subject to this Agreement", "use your data … subject to our Privacy Policy").
const SUBJECT_TO = /\bsubject to\b/gi;
const PREDICATED = /\b(?:is|are|be|been|being|remains?|remained|stay|stays|made|become|becomes|kept|held|placed)\s+(?:\w+ly\s+)?(?:also\s+)?$/i;
const PARTY_BEFORE = /\b(?:providers?|vendors?|processors?|sub-?processors?|sub-?contractors?|subcontractors?|contractors?|suppliers?|partners?|affiliates?|subsidiaries|agents?|parties|recipients?|entities|companies|they|them|who|which|that)\s*,?\s*(?:\([^)]{0,40}\)\s*)?(?:(?:are|is|will be|shall be)\s+)?(?:(?:all|each|always|also)\s+)?$/i;

/**
 * The sentence with the conditions that bind no provider blanked: an opening "Subject to …," condition, compliance held
 * by the customer, and a "subject to" that conditions an act rather than holding of a party.
 */
export function withoutConditions(v: string): string {
  let out = v.replace(OPENING_CONDITION, blank).replace(CUSTOMER_COMPLIANCE, blank);
  out = out.replace(SUBJECT_TO, (m, at: number) => {
    const before = out.slice(Math.max(0, at - 60), at);
    return PREDICATED.test(before) || PARTY_BEFORE.test(before) ? m : blank(m);
  });
  return out;
}
