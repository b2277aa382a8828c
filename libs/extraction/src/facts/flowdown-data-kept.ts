/**
 * The data given to providers kept to the vendor's own standard, said of the data (subcontractor_flowdown): "… may be
 * disclosed to Mozilla Corporation. If so, it will be maintained in accordance with the commitments we make in this
 * Privacy Notice"; "We use service providers to process your information on our behalf. We make sure that this
 * information is looked after as if we were handling it directly". The recipients are the providers of the sentences
 * just before (the reader checks that); the commitment is the vendor's ("will be", "we make sure that"), not a
 * description of what is done ("your data is processed in accordance with this policy" is the policy's scope).
 */
// The data just said to go to them, pointed back to ("it", "such data"), not "your information" in general: "Your
// information will be maintained and deleted in accordance with our Privacy Policy" is the policy's scope.
const DATA = String.raw`(?:it|they|(?:such|this|that|these|those) (?:personal )?(?:data|information|records))`;
const KEPT = String.raw`(?:maintained|handled|processed|protected|treated|kept|safeguarded|secured|looked after|held|stored)`;
// A commitment in the passive ("it will be maintained"), or the vendor seeing to it ("we make sure that this
// information is looked after").
export const DATA_KEPT = new RegExp(
  String.raw`\b${DATA}\s+(?:will|shall|must)\s+(?:\w+\s+)?be\s+${KEPT}\b|\bwe\s+(?:make sure|ensure|guarantee)\s+(?:that\s+)?${DATA}\s+(?:is|are|will be|shall be|remains?)\s+(?:\w+\s+)?${KEPT}\b`,
  'i',
);
// Kept "as if we were handling it (ourselves)": to the vendor's own standard, as "the same way as we do" is.
// "as if we were handling the customer service ourselves": what is handled may be named, with "ourselves" after it.
export const AS_IF_WE = String.raw`\bas (?:if|though) we (?:ourselves )?were (?:handling|processing|holding|using|protecting|keeping|storing) (?:it|them|the data|the information|(?:[\w-]+\s+){1,4}?ourselves)\b`;
// With that comparison the data may be named in general ("We make sure that your personal information is looked after as
// if we were handling it directly"): the comparison itself says someone other than the vendor handles it, so it is not
// the policy's scope. Read after the providers named just before, as the pointed-back data is.
const YOUR_DATA = String.raw`(?:your|the)\s+(?:personal\s+)?(?:data|information)`;
const KEPT_AS_IF_WE = new RegExp(String.raw`\bwe\s+(?:make sure|ensure|guarantee)\s+(?:that\s+)?${YOUR_DATA}\s+(?:is|are|will be|shall be|remains?)\s+(?:\w+\s+)?${KEPT}\s+${AS_IF_WE}`, 'i');
export const dataKept = (v: string): RegExpExecArray | null => DATA_KEPT.exec(v) ?? KEPT_AS_IF_WE.exec(v);
