import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, firstMatch, operative } from './fact-context.js';

type V = Fact<'record_ownership'>['value'];

const PREFILTER = /\b(?:owns?|owned|ownership|property|title|intellectual property)\b|\bno rights?\b|\brights? (?:in|to)\b/i;
const DATA = String.raw`(?:[\w'-]+\s+){0,3}?(?:data|content|phi|protected health information|records?|notes|information|materials|documentation|files|recordings|transcripts|inputs?|outputs?|prompts?|submissions|uploads|documents)\b`;
// "sole and exclusive property", "sole, exclusive and confidential property".
const SOLE = String.raw`(?:(?:sole|exclusive|absolute|confidential)(?:,?\s+and\s+|,\s+|\s+))*`;
const CUSTOMER = String.raw`(?:the\s+)?(?:customer|covered entity|you|practice|clinician|provider|client|controller|therapist|licensee|subscriber)s?`;
const BE = String.raw`(?:is|are|shall be|will be|remains?|shall remain|will remain|(?:is|are) and (?:shall|will) remain|becomes?|shall become|will become)`;
const VENDOR_WORDS = String.raw`we|us|the company|company|vendor|business associate|the platform|platform|processor|service provider|licensor`;
const CUSTOMER_OWNS: RegExp[] = [
  new RegExp(String.raw`\b${CUSTOMER}\s+(?:shall\s+|will\s+|do(?:es)?\s+)?(?:retains?|owns?|keeps?|has|have|holds?)\s+(?:and\s+\w+\s+)?(?:all\s+|sole\s+|exclusive\s+|full\s+|complete\s+)*(?:right,?\s+title,?\s+and\s+interest|ownership|title)\b`, 'i'),
  new RegExp(String.raw`\b${CUSTOMER}\s+(?:shall\s+|will\s+)?(?:own|owns|retains? ownership of)\s+${DATA}`, 'i'),
  new RegExp(String.raw`\b${DATA}[^.;]{0,60}?\s${BE}\s+(?:the\s+)?${SOLE}(?:property|owned by|under the ownership) (?:of\s+)?${CUSTOMER}\b`, 'i'),
  new RegExp(String.raw`\b(?:acquires?|obtains?|has|have|receives?|takes?)\s+no\s+(?:rights?|title|ownership|interest)\b[^.;]{0,40}?\b(?:in|to)\s+${DATA}`, 'i'),
  new RegExp(String.raw`\b(?:does|do|shall|will)\s+not\s+(?:grant|give|transfer|convey|acquire|obtain|receive|claim|have|own|take)\b[^.;]{0,60}?\b(?:rights?|title|ownership|interest|intellectual property rights?)\s+(?:in|to|of|over)\s+${DATA}`, 'i'),
  new RegExp(String.raw`\b(?:does|do|shall|will)\s+not\s+(?:own|claim (?:any )?ownership (?:of|in|over))\s+${DATA}`, 'i'),
  new RegExp(String.raw`\bas between the parties,?\s+${CUSTOMER}\s+(?:owns|retains|shall own|will own)`, 'i'),
];
function vendorOwns(vendor: string): RegExp[] {
  const VENDOR = `(?:${vendor})`;
  return [
  new RegExp(String.raw`\b${VENDOR}\s+(?:shall\s+|will\s+)?(?:own|owns|retains? (?:all )?ownership of|retains? all right,? title,? and interest in)\s+(?:all\s+)?${DATA}`, 'i'),
  new RegExp(String.raw`\b${DATA}[^.;]{0,60}?\s${BE}\s+(?:the\s+)?${SOLE}(?:property|owned by) (?:of\s+)?${VENDOR}\b`, 'i'),
  new RegExp(String.raw`\b${CUSTOMER}\s+(?:hereby\s+)?(?:assigns?|transfers?)\s+(?:to\s+\w+\s+)?(?:all\s+)?(?:right,?\s+title,?\s+and\s+interest|ownership)`, 'i'),
  ];
}
const SHARED = /\b(?:jointly owned|joint ownership|co-?owned|shared ownership|own (?:them |it )?jointly)\b/i;

/**
 * `record_ownership`: who owns the records. customer when the customer keeps title or the vendor takes no
 * rights in customer data; vendor when the vendor owns (or is assigned) the records, notes or content;
 * shared when stated jointly or when the document asserts both.
 */
export function extractRecordOwnership(ctx: FactContext): Fact<'record_ownership'> {
  const cands: Candidate<V>[] = [];
  // The vendor by generic words and by its own names in this document ("Acme owns all notes").
  const names = ctx.vendorNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).filter((n) => n.length >= 2);
  const VENDOR_OWNS = vendorOwns([VENDOR_WORDS, ...names].join('|'));
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const sh = SHARED.exec(v);
    if (sh) {
      cands.push({ value: 'shared', evidence: evidenceAt(ctx, s, sh.index, sh.index + sh[0].length), confidence: 0.8 });
      continue;
    }
    const c = firstMatch(v, CUSTOMER_OWNS);
    if (c) {
      cands.push({ value: 'customer', evidence: evidenceAt(ctx, s, c[0], c[1]), confidence: 0.85 });
      continue;
    }
    const vo = firstMatch(v, VENDOR_OWNS);
    if (vo && !/\b(?:not|never|no)\b/i.test(v.slice(Math.max(0, vo[0] - 30), vo[0] + 20))) {
      cands.push({ value: 'vendor', evidence: evidenceAt(ctx, s, vo[0], vo[1]), confidence: 0.8 });
    }
  }
  const hasC = cands.some((c) => c.value === 'customer');
  const hasV = cands.some((c) => c.value === 'vendor');
  if (hasC && hasV) {
    for (const c of cands) if (c.value === 'customer' || c.value === 'vendor') c.value = 'shared';
  }
  return decide('record_ownership', cands, ['shared', 'vendor', 'customer']);
}
