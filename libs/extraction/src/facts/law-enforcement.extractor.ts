import type { Fact } from '@custody/domain';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, operative } from './fact-context.js';

type V = Fact<'law_enforcement_disclosure'>['value'];

const PREFILTER = /\b(?:law|legal|lawful|subpoena|warrant|court|judge|judicial|government|authorit|regulat|third party request)/i;
const LEGAL_PROCESS = /\b(?:law enforcement|legal process|subpoenas?|search warrants?|warrants?|court orders?|orders? of a court|judicial (?:process|order|warrant|subpoena|authorit\w+)|governmental? (?:requests?|agenc\w+|authorit\w+|bod\w+|demands?|entit\w+|officials?)|government (?:agency|agencies|requests?|authorit\w+|officials?)|regulatory (?:inquir\w+|requests?|authorit\w+)|public authorit\w+|lawful (?:requests?|demands?|process)|legal (?:requests?|demands?|requirement)|third party requests?|civil investigative demands?|administrative (?:requests?|demands?|subpoenas?)|discovery requests?|enforceable governmental|valid legal|legally binding requests?)\b/i;
const REQUIRED_BY_LAW = /\b(?:as|where|when|if|to the extent|insofar as)\s+(?:otherwise\s+|may be\s+|is\s+)?(?:required|compelled|mandated|obligated)\s+(?:to do so\s+)?by (?:applicable |any )?(?:law|statute|regulation)|\brequired by law\b|\bcomply with (?:applicable |any )?(?:law|laws|legal obligations)\b/i;
const DISCLOSE = /\b(?:disclos|share|sharing|provide|release|produce|hand over|give access|access|preserve|respond|comply|transmit|furnish|use)\w*/i;
// Only a court-issued order, judicial warrant or subpoena signed by a judge.
const JUDICIAL_ONLY = /\b(?:except|unless)\s+(?:(?:pursuant to|in response to|required by|compelled by|ordered by|upon|under|with|by)\s+)+(?:a |an )?(?:valid )?(?:court order|warrant|search warrant|judicial|order (?:signed|issued) by|order of a court)|\b(?:only|solely|exclusively)\b[^.;]{0,100}\b(?:court orders?|orders? (?:of|from|issued by) a (?:court|judge)|judicial (?:warrant|order|subpoena|process)|search warrants?|warrants? (?:issued|signed) by|signed by a (?:judge|magistrate|court)|issued by a (?:judge|court|magistrate))|\bwill not (?:disclose|produce|release|comply)[^.;]{0,80}\b(?:administrative|without a (?:valid )?(?:court order|judicial|warrant))|\brequires? (?:a )?(?:valid )?(?:court order|judicial warrant|search warrant|warrant (?:signed|issued))/i;
// A non-judicial instrument named in the "only …" list: a plain subpoena (issued by a lawyer or an agency,
// not a judge), "other legal process", an administrative or government request. Such a list is not
// judicial-only. A subpoena qualified as judicial or judge-signed, or one that is refused, still is.
const NON_JUDICIAL = /(?<!\b(?:judicial|judge-signed|court-issued|court-ordered)\s)\bsubpoenas?\b(?!\s+(?:signed|issued|approved) by (?:a |the )?(?:judge|court|magistrate))|\b(?:other|any) legal process\b|\b(?:administrative|government(?:al)?|law enforcement|agency) (?:requests?|demands?)\b/i;
const REFUSED_BEFORE = /\b(?:not|never|no|nor|other than|rather than|instead of|insufficient|excluding)\b[^.;,]{0,30}$/i;

/** Whether a judicial-only match at `at` lists a non-judicial instrument in its own clause (up to ';' or '.'). */
function listsNonJudicial(v: string, at: number): boolean {
  const end = v.slice(at).search(/;|\.\s/);
  const clause = v.slice(at, end >= 0 ? at + end : v.length);
  const re = new RegExp(NON_JUDICIAL.source, 'gi');
  for (let m = re.exec(clause); m; m = re.exec(clause)) {
    if (!REFUSED_BEFORE.test(clause.slice(0, m.index))) return true;
  }
  return false;
}

// Notice to the customer before (or promptly on) a disclosure the law demands.
const NOTIFY = /\b(?:notify|notice to|inform|advise|alert|forward)\w*\b|\b(?:give|gives|giving|provide|provides|providing|send|sends|deliver|delivers)\s+(?:\w+\s+){0,2}?(?:(?:reasonable|prompt|prior|advance|written|timely)\s+)*(?:notice|notification)\b/i;
const NOTICE_TIMING = /\b(?:before|prior to|promptly|prompt|in advance|advance notice|prior (?:written )?notice|immediately|opportunity to (?:seek|object|oppose|contest)|protective order|so (?:that )?(?:the )?(?:customer|covered entity|you|client|practice)(?: can| may| is able to)?(?: \w+)? (?:seek|object|oppose|contest|challenge|intervene))\b/i;
const NOTICE_OBJECT = /\b(?:subpoena|warrant|court order|legal process|law enforcement|third party request|legal requirement|request for (?:disclosure|records|information|phi|data|protected health)|government\w* (?:request|demand|agency|authorit)|lawful request|legal demand|demand for|public authorit|legally binding request)\w*|\b(?:the|such|that|any such) (?:legal |governmental? )?demands?\b|\b(?:compelled|legally required|required by law)\b[^.;]{0,40}\b(?:disclos|produc|release|hand over|turn over)/i;
const NO_NOTICE = /\bwithout (?:prior |any |first )?(?:notice|notif|inform)|\bnot (?:be )?(?:required|obligated) to (?:notify|inform)|\bno obligation to (?:notify|inform)/i;

/**
 * `law_enforcement_disclosure`, the seed stories' question. judicial_process_only: disclosure only on a
 * court order, judicial warrant or judge-signed subpoena. legal_process_with_notice: the vendor will
 * notify the customer before (or promptly on) a legal demand. any_legal_request: it may disclose on legal
 * process or government request, or merely "as required by law" (corpus rule: an unqualified
 * required-by-law disclosure counts as any legal request). Precedence is judicial, notice, any.
 */
export function extractLawEnforcement(ctx: FactContext): Fact<'law_enforcement_disclosure'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const j = JUDICIAL_ONLY.exec(v);
    if (j && !listsNonJudicial(v, j.index)) {
      cands.push({ value: 'judicial_process_only', evidence: evidenceAt(ctx, s, j.index, j.index + j[0].length), confidence: 0.85 });
      continue;
    }
    const n = NOTIFY.exec(v);
    if (n && NOTICE_OBJECT.test(v) && NOTICE_TIMING.test(v) && !NO_NOTICE.test(v) && !/\bnotif\w* (?:you|customer)? ?of (?:any )?(?:changes|breach)/i.test(v)) {
      cands.push({ value: 'legal_process_with_notice', evidence: evidenceAt(ctx, s, n.index, n.index + n[0].length), confidence: 0.8 });
      continue;
    }
    const lp = LEGAL_PROCESS.exec(v);
    if (lp && !/\bdefin/i.test(v.slice(0, lp.index))) {
      cands.push({ value: 'any_legal_request', evidence: evidenceAt(ctx, s, lp.index, lp.index + lp[0].length), confidence: 0.75 });
      continue;
    }
    const r = REQUIRED_BY_LAW.exec(v);
    if (r && /\b(?:disclos|share|release|produce|provide|furnish)\w*/i.test(v) && DISCLOSE.test(v) && !/\bnotif|\breport/i.test(v.slice(0, r.index))) {
      cands.push({ value: 'any_legal_request', evidence: evidenceAt(ctx, s, r.index, r.index + r[0].length), confidence: 0.7 });
    }
  }
  return decide('law_enforcement_disclosure', cands, ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
}
