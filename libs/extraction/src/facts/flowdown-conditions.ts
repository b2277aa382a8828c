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
const PARTY = String.raw`(?:providers?|vendors?|processors?|sub-?processors?|sub-?contractors?|subcontractors?|contractors?|suppliers?|partners?|affiliates?|subsidiaries|agents?|parties|recipients?|entities|companies)`;
const PARTY_BEFORE = new RegExp(String.raw`\b(?:${PARTY}|they|them|who|which|that)\s*,?\s*(?:\([^)]{0,40}\)\s*)?(?:(?:are|is|will be|shall be)\s+)?(?:(?:all|each|always|also)\s+)?$`, 'i');
// A sentence whose subject is the providers ("Service providers process your data on our behalf subject to this Privacy
// Policy", "Our sub-processors may use it only … and subject to our instructions"): the act conditioned is theirs, so the
// standard binds them.
const PARTY_SUBJECT = new RegExp(String.raw`^[\s*_>#-]*(?:(?:our|the|its|their|any|all|such|these|those|each|third[- ]party|trusted|authori[sz]ed|external|service)\s+){0,3}${PARTY}\b(?:\s*\([^)]{0,40}\))?\s+(?!of\b|and\b|or\b|,)`, 'i');

/**
 * The sentence with the conditions that bind no provider blanked: an opening "Subject to …," condition (unless it states
 * a standard `comparative` to the vendor's), compliance held by the customer, and a "subject to" that conditions an act
 * rather than holding of a party (kept when the sentence's subject is the providers).
 */
export function withoutConditions(v: string, comparative: RegExp): string {
  // An opening condition that states obligations as protective as the vendor's ("Subject to obligations no less
  // protective than those in this Privacy Policy, we share your data with service providers") is itself the binding of
  // those the sentence names: kept.
  const opening = OPENING_CONDITION.exec(v);
  const binding = opening !== null && comparative.test(opening[0]);
  let out = (binding ? v : v.replace(OPENING_CONDITION, blank)).replace(CUSTOMER_COMPLIANCE, blank);
  const providersAct = PARTY_SUBJECT.test(out);
  out = out.replace(SUBJECT_TO, (m, at: number) => {
    const before = out.slice(Math.max(0, at - 60), at);
    return (binding && at < opening[0].length) || providersAct || PREDICATED.test(before) || PARTY_BEFORE.test(before) ? m : blank(m);
  });
  return out;
}
