import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import type { Hit } from '../clauses/lexicon.js';
import { agentOf, hitsOf, inExceptionPart, negated, recipientsOf } from '../clauses/clause.js';
import type { Candidate, FactContext } from './fact-context.js';
import { clauseEvidence, decide, operative } from './fact-context.js';
import { escapeRegExp } from '../text/escape-regexp.js';

type V = Fact<'record_ownership'>['value'];

const PREFILTER = /\b(?:own(?:s|ed|ers?|ership)?|property|title|rights?\s+(?:in|to)|intellectual property|copyrights?|belongs?|proprietary|yours)\b/i;
// The sentences the statement patterns below are tried on (the clause reading also takes copyrights, "belongs", "yours").
const PATTERN_FILTER = /\b(?:own(?:s|ed|er|ership)?|property|title|rights?\s+(?:in|to)|intellectual property)\b/i;

// The records: customer or user data and what is made from it — not the vendor's site, software or brand.
const RECORDS = String.raw`(?:[\w'-]+\s+){0,3}?(?:data|content|phi|protected health information|records?|notes|information|materials|documentation|files|recordings|transcripts|inputs?|outputs?|prompts?|submissions|uploads|documents|summaries|reports?|audio)\b`;
const RECORDS_RE = new RegExp(RECORDS, 'i');
const SOLE = String.raw`(?:(?:sole|exclusive|absolute|confidential)(?:,?\s+and\s+|,\s+|\s+))*`;
const BE = String.raw`(?:is|are|shall be|will be|remains?|shall remain|will remain|(?:is|are) and (?:shall|will) remain|becomes?|shall become|will become)`;
const PARTY = String.raw`(?:(?:the\s+)?[\w&.'-]+(?:\s+[\w&.'-]+){0,3})`;
// "Customer owns all Customer Data", "you retain all right, title and interest in", "Acme owns all Site Data".
const OWNS = new RegExp(String.raw`^(${PARTY})\s+(?:shall\s+|will\s+|does\s+|do\s+)?(?:(?:retains?|keeps?|holds?|has|have)\s+(?:and\s+\w+\s+)?(?:all\s+|sole\s+|exclusive\s+|full\s+|complete\s+|any\s+|and\s+(?=all\b)|of\s+(?:your|its|their)\s+)*(?:right,?\s+title,?\s+and\s+interest|ownership|title|(?:intellectual property\s+)?rights?)(?:,[^.;]{0,80}?,)?\s+(?:in(?:\s+and\s+to)?|to|of|over)(?:,[^.;,]{0,60},)?\s+|(?:own|owns|retains? ownership of)\s+)((?:all\s+|any\s+|its\s+|their\s+|the\s+)*${RECORDS})`, 'i');
// "PHI shall remain the sole property of Covered Entity", "… are owned by Company".
const PROPERTY_OF = new RegExp(String.raw`\b(${RECORDS})[^.;]{0,80}?\s${BE}\s+(?:the\s+)?${SOLE}(?:property|owned by|under the ownership) (?:of\s+)?(${PARTY})`, 'i');
// What the vendor takes no rights in may be a list of kinds of things ("any text, files, images, …"): the records count
// when they are among its first items. Only with verbs of the vendor taking rights (claim, acquire, own): with the
// vendor giving them ("do not grant you any rights in any software, documents or materials") the list is the vendor's.
const RECORDS_LISTED = String.raw`(?:[\w'-]+,?\s+(?:or\s+|and\s+)?){0,3}?(?:data|content|records?|information|materials|files|recordings|documents|submissions|uploads)\b`;
// "a right to share your information" is a permission to act on the records, not a right in them.
const ACT_ON = String.raw`(?:share|use|sell|disclose|access|process|transfer|distribute|publish|copy|license|rent|market|retain|store|collect|modify|reproduce|display)\b`;
// The vendor taking no rights: "does not claim ownership of your Content", "acquires no rights in Customer Data",
// "We do not own, control, or make decisions about the submitted Personal Information".
const CLAIMS_NONE = new RegExp(String.raw`\b(?:acquires?|obtains?|has|have|receives?|takes?|claims?)\s+no\s+(?:rights?|title|ownership|interest)\b[^.;]{0,40}?\b(?:in|to|of|over)\s+(${RECORDS})|\b(?:does|do|shall|will|did)\s+not\s+(?:grant|give|transfer|convey)\b[^.;]{0,60}?\b(?:rights?|title|ownership|interest|intellectual property rights?)\s+(?:in|to|of|over)\s+(?!${ACT_ON})(?:any\s+(?:of\s+)?)?(${RECORDS})|\b(?:does|do|shall|will|did)\s+not\s+(?:acquire|obtain|receive|claim|have|own|take|assert)\b[^.;]{0,60}?\b(?:rights?|title|ownership|interest|intellectual property rights?)\s+(?:in|to|of|over)\s+(?:any\s+(?:of\s+)?)?(${RECORDS}|${RECORDS_LISTED})|\b(?:does|do|shall|will)\s+not\s+(?:own|claim (?:any )?ownership (?:of|in|over)|assert (?:any )?ownership (?:of|in|over))\s+(${RECORDS})|\b(?:does|do|shall|will)\s+not\s+own,(?:\s+(?:or\s+)?[\w-]+,?){1,5}?\s+(?:about|of|over|in|to)\s+(?:any\s+(?:of\s+)?)?(${RECORDS})`, 'i');
// The customer keeping its records, anywhere in a clause: "you retain ownership of", "Customer owns all …",
// "you remain the owner of", "… remains yours", "… belongs to you".
const CUSTOMER_WORD = String.raw`(?:the\s+)?(?:customer|covered entity|you|practice|clinician|client|controller|therapist|licensee|subscriber|user|member|publisher|data exporter)s?`;
// The customer keeping its records in so many words ("Customer owns all …", "you retain ownership of").
const CUSTOMER_KEEPS = String.raw`\b${CUSTOMER_WORD}\s+(?:shall\s+|will\s+|do(?:es)?\s+|also\s+|always\s+|continue to\s+)*(?:(?:retains?|keeps?|holds?|has|have|maintains?)\s+(?:and\s+\w+\s+)?(?:all\s+|sole\s+|exclusive\s+|full\s+|complete\s+|any\s+|and\s+(?=all\b)|of\s+(?:your|its|their)\s+)*(?:right,?\s+title,?\s+and\s+interest|ownership|title|(?:intellectual property\s+)?rights?)(?:,[^.;]{0,80}?,)?\s+(?:in(?:\s+and\s+to)?|to|of|over)(?:,[^.;,]{0,60},)?\s+|(?:own|owns|retains? ownership of|remains? the (?:sole\s+)?owners? of|(?:is|are) the (?:sole\s+)?owners? of)\s+)((?:all\s+|any\s+|its\s+|their\s+|the\s+|your\s+)*${RECORDS})`;
const CUSTOMER_OWNS = new RegExp(String.raw`${CUSTOMER_KEEPS}|\b(${RECORDS})[^.;]{0,60}?\b(?:remains?|is|are|stays?|will remain|shall remain)\s+(?:solely\s+)?(?:yours\b|your\s+(?:(?:sole|exclusive|own)\s+(?:and\s+exclusive\s+)?)?property\b)|\b(${RECORDS})[^.;]{0,60}?\bbelongs?\s+(?:solely\s+|exclusively\s+)?to\s+(?:you|the customer|customer)\b`, 'i');
// CUSTOMER_OWNS's other readings need "yours" or "belong" in the clause. Without either only the first can match, and on
// its own it finds the same match (same index and group 1; groups 2 and 3 are unset either way) without trying the
// records phrase at every word of the clause.
const CUSTOMER_OWNS_FIRST = new RegExp(CUSTOMER_KEEPS, 'i');
// "Your secure data is your property": the records the user's property, as "remains yours".
const YOURS_OR_BELONGS = /yours|belong|your\s+(?:(?:sole|exclusive|own)\s+(?:and\s+exclusive\s+)?)?property/i;
// PROPERTY_OF needs one of these words as written: a clause without them is not tried.
const PROPERTY_WORDS = /property|owned by|under the ownership/i;
const JOINT = /\b(?:jointly owned|joint ownership|co-?owned|shared ownership|own (?:them |it )?jointly)\b/i;
const ASSIGNS = /\b(?:you|customer|licensee|user)s?\s+(?:hereby\s+)?(?:assigns?|transfers?)\s+(?:to\s+[\w\s]{1,30}?\s+)?(?:all\s+)?(?:right,?\s+title,?\s+and\s+interest|ownership|(?:all\s+)?rights?)\b/i;
// The vendor's own site, software and brand: owning those is not owning the records. "Users of the Services" are people,
// not the site's content.
const SITE_CONTENT = /\b(?:displayed|available|included|contained|found|appearing)\s+(?:on|in|through|via)\b|(?<!\b(?:users?|visitors?|members?|customers?|subscribers?)\s)\b(?:on|of)\s+(?:the|our|this)\s+(?:site|website|services?|platform|app)\b|\b(?:software|trademarks?|logos?|trade dress|service marks|(?:[\w-]+\s+)?marks|brand|look and feel|source code|the services? and|site content|website content|our content)\b/i;
// What the vendor may not own without it being record ownership: the records must be the customer's or users'
// data or what is made of it ("your submissions", "Session Summaries", "Site Data", "data we collect about use").
const USER_RECORDS = /\b(?:your|user|users'?|member|customer|client|patient|practice|submitted|submissions?|you (?:post|provide|upload|submit|create|add)|uploaded|session|notes|recordings?|transcripts?|summaries|site data|usage data|collects?|phi|protected health|de-?identified data|personal data|personal information|outputs?|inputs?|prompts?|ai-generated)\b/i;
// Other parties' sites and links: what is on them is not the customer's records.
const THIRD_PARTY_SITES = /\b(?:third[- ]part(?:y|ies)['’]?\s+(?:web\s?)?(?:sites?|websites?|links?|pages?|platforms?|apps?|services?|resources?)|(?:linked|external|other|outside)\s+(?:web\s?)?(?:sites?|websites?|pages?)|sites?\s+(?:we|that we)\s+(?:link|do not (?:own|control|operate)))\b/i;
// Feedback and suggestions assigned to the vendor are not the records.
// A section for what users send the vendor to improve it: "Feedback", "Idea Submissions", "Unsolicited Ideas".
const IDEAS_HEADING = /\b(?:feedback|suggestions?|ideas?|unsolicited)\b/i;
// A heading that also names the users' content or data ("User Content and Feedback", "Your Content and Ideas") heads
// a section that states who owns the records too: it is read clause by clause (FEEDBACK still drops the ideas' clauses).
const RECORDS_HEADING = /\b(?:content|data|information|materials?|posts?|records|files)\b/i;
const FEEDBACK = /\b(?:feedback|suggestions?|ideas|enhancement requests?|recommendations)\b/i;
// Statements that are not about who owns the records. The user's representation reaches to the end of the clause:
// everything after "You represent and warrant that" is what the user vouches for ("… that your content is original
// and that you exclusively own the rights to it"), a warranty of title at submission, not the records staying theirs.
// Not past a clause of its own joined after it, a subject with no "that" ("…, and we agree that you own your records",
// "…, and you will continue to own your Content"): that is stated, not vouched for.
const OWN_CLAUSE = String.raw`,\s*(?:and|but)\s+(?:(?:we|you|they|the parties|as between)\b|(?:the\s+)?[\w-]+\s+(?:agrees?|acknowledges?|accepts?|confirms?|retains?)\b)`;
const NOT_OWNERSHIP = new RegExp(String.raw`\b(?:you|users?|customers?|licensees?|members?)\s+(?:hereby\s+)?(?:(?:affirm|represent|warrant|certify)s?,?\s+(?:and(?:\/or)?\s+|or\s+)?)+that\b(?:(?!${OWN_CLAUSE})[^.;])*\b(?:own|owners?|belongs?)\b|\b(?:represent|represents|warrant|warrants|must|need to|certif(?:y|ies)|confirms?|verify)\b[^.;]{0,40}\b(?:own|owners?|belongs?|have (?:all|the) (?:necessary )?rights?)\b|\bright to use\b|\bjointly owned by\b[^.;]{0,80}\b(?:bank|compan|group|shareholders?)`, 'i');
const CUSTOMER = /^(?:the\s+)?(?:customer|covered entity|you|practice|clinician|client|controller|therapist|licensee|subscriber|user|member|publisher|data exporter)s?$/i;
// What the vendor makes or gathers itself: AI output it generates, the usage data it collects ("All data Quora collects
// ("Usage Data") … is the property of Quora", "Acme owns all AI-generated content ("Outputs")"). Beside an explicit
// statement that the customer keeps its content, the vendor owning these is its own data, not the records (OTA labels:
// the HackerOne/Academia.edu output and Quora usage-data calls), so the answer stays the customer's, not shared.
// The collector must be the vendor ("we", "the company", its names: vendorMade below): what "you may collect" or
// "clinicians collect" is gathered by the customer's side, its records.
const VENDOR_MADE = String.raw`\b(?:outputs?|ai[- ]generated|machine[- ]generated|usage data|collected by (?:us|the company|VENDOR))\b|\b(?:we|it|the company|VENDOR)\s+(?:may\s+|will\s+|automatically\s+)?collects?\b`;
// …unless the clause also names what the customer puts in ("session notes you upload … are the property of Acme",
// "all Outputs and all Inputs") or clinical or health records ("Outputs, including transcripts and clinical notes
// generated from your recordings", "data … including your health information"): for a practice those outputs are its records.
const CUSTOMER_INPUT = /\b(?:you|users?|members?|customers?)\s+(?:post|provide|upload|submit|create|add|store|share)s?\b|\b(?:your|user|member|customer)\s+(?:[\w-]+\s+)?(?:content|data|information|submissions?|files|materials|records|recordings?)\b|\b(?:inputs?|prompts?|patients?|health|medical|clinical|phi|notes|transcripts?|recordings?|summaries)\b/i;
// Records named only as carved out of what the vendor owns: "(… but excluding Your Content) is the property of Quora".
const CARVED_OUT = /\b(?:excluding|except(?:\s+for)?|other than|not including|save for)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+$/i;

/**
 * `record_ownership`: who owns the records. `customer` only on an explicit statement that the customer's or
 * users' content stays theirs, or that the vendor claims no ownership of it; `vendor` when the vendor owns the
 * records, notes or content (or is assigned them); `shared` when stated jointly or when the document says both.
 * The vendor owning its own site, software or brand, representations ("you represent that you own …") and
 * "control" are not record ownership (README conventions).
 */
export function extractRecordOwnership(ctx: FactContext): Fact<'record_ownership'> {
  let cands: Candidate<V>[] = [];
  const made = new Set<Candidate<V>>();
  const names = ctx.vendorNames.map(escapeRegExp).filter((n) => n.length >= 2).join('|') || 'company';
  const vendor = new RegExp(String.raw`^(?:the\s+)?(?:we|us|our|company|vendor|business associate|the platform|platform|processor|service provider|provider|licensor|${names})$`, 'i');
  const vendorMade = new RegExp(VENDOR_MADE.replaceAll('VENDOR', `(?:${names})`), 'i');
  const owner = (party: string): 'customer' | 'vendor' | undefined => {
    const p = party.trim().replace(/^(?:as between (?:the parties|you and us),?\s*)/i, '').replace(/[.,;:]+$/, '');
    if (CUSTOMER.test(p)) return 'customer';
    if (vendor.test(p)) return 'vendor';
    return undefined;
  };
  for (const s of operative(ctx, PREFILTER)) {
    const patterns = PATTERN_FILTER.test(s.view);
    // Under a heading about feedback or ideas ("Terms of Idea Submission"), "your submissions … become the property of
    // Acme" are the ideas sent, as FEEDBACK in the clause itself: not the records.
    const ideasSection = s.heading !== undefined && IDEAS_HEADING.test(s.heading) && !RECORDS_HEADING.test(s.heading);
    for (const c of ideasSection ? [] : ctx.clauses(s)) {
      const cand = readClause(ctx, c, patterns, vendor, owner);
      if (!cand) continue;
      cands.push(cand);
      // The vendor owning what it makes or collects itself (VENDOR_MADE), for any reading of the clause.
      if (cand.value === 'vendor' && vendorMade.test(c.view) && !CUSTOMER_INPUT.test(c.view)) made.add(cand);
    }
  }
  let hasC = cands.some((c) => c.value === 'customer');
  // What the vendor makes or collects itself does not share the records the customer keeps (VENDOR_MADE).
  if (hasC && cands.every((c) => c.value !== 'vendor' || made.has(c))) cands = cands.filter((c) => !made.has(c));
  hasC = cands.some((c) => c.value === 'customer');
  const hasV = cands.some((c) => c.value === 'vendor');
  if (hasC && hasV) {
    for (const c of cands) if (c.value === 'customer' || c.value === 'vendor') c.value = 'shared';
  }
  return decide('record_ownership', cands, ['shared', 'vendor', 'customer']);
}

/** One clause's reading of who owns the records (the statement patterns, then the clause reading), or none. */
function readClause(ctx: FactContext, c: Clause, patterns: boolean, vendor: RegExp, owner: (party: string) => 'customer' | 'vendor' | undefined): Candidate<V> | undefined {
  if (!patterns) {
    const read = readOwnership(c);
    return read ? { value: read, evidence: clauseEvidence(ctx, c), confidence: read === 'customer' ? 0.8 : 0.75 } : undefined;
  }
  const v = c.view.replace(/^(?:[-*•]\s+|\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)*\s+)+/i, '');
  const lead = c.view.length - v.length;
  if (NOT_OWNERSHIP.test(v)) return undefined;
  const ev = clauseEvidence(ctx, c);
  if (JOINT.test(v) && RECORDS_RE.test(v)) return { value: 'shared', evidence: ev, confidence: 0.8 };
  const none = CLAIMS_NONE.exec(v);
  // The vendor disowning what others publish ("content on third-party websites") says nothing of the records.
  if (THIRD_PARTY_SITES.test(v)) return undefined;
  // What the vendor disowns must be the customer's or users' records, not any information it carries.
  if (none && isVendorSubject(c, lead + none.index, vendor) && USER_RECORDS.test(v)) return { value: 'customer', evidence: ev, confidence: 0.85 };
  const own = OWNS.exec(v.replace(/^(?:as between (?:the parties|you and us|[\w\s]{1,40}? and [\w\s]{1,40}?),?\s*)/i, (m) => ' '.repeat(m.length)).trimStart());
  let prop = PROPERTY_WORDS.test(v) ? PROPERTY_OF.exec(v) : null;
  // The records' words only inside an exclusion ("… but excluding Your Content) is the property of X"): not what X owns.
  if (prop && CARVED_OUT.test(v.slice(Math.max(0, prop.index - 25), prop.index + prop[1].length))) prop = null;
  // "any other data that belongs to you" describes the records; it does not state who holds them.
  let cust = own && owner(own[1]) ? null : /\b(?:that|which)\s+belongs?\s+to\b/i.test(v) ? null : (YOURS_OR_BELONGS.test(v) ? CUSTOMER_OWNS : CUSTOMER_OWNS_FIRST).exec(v);
  if (cust && IF_OWNER.test(v.slice(Math.max(0, cust.index - 40), cust.index))) cust = null;
  const who = own && owner(own[1]) ? owner(own[1]) : cust ? 'customer' : prop ? owner(prop[2]) : undefined;
  const records = own && owner(own[1]) ? own[2] : cust ? (cust[1] ?? cust[2] ?? cust[3] ?? '') : prop ? prop[1] : '';
  if (who && !negatedOwn(c)) {
    if (who === 'vendor' && (FEEDBACK.test(v) || DECLARED_NOT_RECORDS.test(v) || (!USER_RECORDS.test(records) && (SITE_CONTENT.test(v) || !USER_RECORDS.test(v))))) return undefined;
    if (who === 'customer' && /\b(?:tokens?|assets?|api|nfts?|funds?|accounts?)\b/i.test(records)) return undefined;
    return { value: who, evidence: ev, confidence: who === 'customer' ? 0.85 : 0.8 };
  }
  if (ASSIGNS.test(v) && USER_RECORDS.test(v) && !SITE_CONTENT.test(v) && !FEEDBACK.test(v)) return { value: 'vendor', evidence: ev, confidence: 0.75 };
  const read = readOwnership(c);
  return read ? { value: read, evidence: ev, confidence: read === 'customer' ? 0.8 : 0.75 } : undefined;
}

/**
 * Who holds the records by the clause's words (the vocabulary's `own` action): the subject of "own" with the records
 * after it ("Customer will own all right, title and interest in the User Submissions"); the party right after
 * "belongs to" / "property of" with the records before it ("Copyrights in the Submitted Contents belong to you");
 * "remains yours"; the subject of "retain" before an ownership noun ("you retain all ownership rights in …"). A
 * holding the vendor denies right before it ("We don't own your content", "does not grant Acme any ownership over
 * Customer Files") leaves the records the customer's. Not feedback, not the vendor's site, software or brand.
 */
function readOwnership(c: Clause): 'customer' | 'vendor' | undefined {
  if (FEEDBACK.test(c.view)) return undefined;
  const recordsIn = (from: number, to: number): boolean => c.hits.some((x) => x.cat === 'object' && x.start >= from && x.end <= to) || POSTED.test(c.view.slice(from, to));
  for (const o of hitsOf(c, 'action', 'own')) {
    if (inExceptionPart(c, o) || IF_OWNER.test(c.view.slice(Math.max(0, o.start - 40), o.start))) continue;
    // "maintain all copyright and other notices": a notice of someone's rights kept on a copy, not ownership.
    if (/^\s+(?:(?:and|or)\s+(?:other\s+)?(?:\w+\s+)?)?(?:notices?|legends?|statements?|symbols?|markings?)\b/i.test(c.view.slice(o.end, o.end + 40))) continue;
    // "liable for copyright infringement", "copyright law", "ownership provisions survive": the word qualifies another noun
    // (a wrong, a law, a clause), it says nobody holds anything.
    if (MODIFIER_OF.test(c.view.slice(o.end, o.end + 40))) continue;
    // "text to which you hold the copyright", "If you are the owner of content that …": the holding describes which
    // content is meant, or is the condition of what follows; it states no owner.
    if (DESCRIBED_OWNER.test(c.view.slice(Math.max(0, o.start - 50), o.start))) continue;
    const word = c.view.slice(o.start, o.end).toLowerCase();
    if (negated(c, o, 4)) {
      const who = agentOf(c, o);
      // "You do not own …", "… does not grant you any ownership": no statement that the records are the customer's.
      if (who?.kind === 'customer' || c.hits.some((x) => x.cat === 'actor' && x.kind === 'customer' && x.t0 < o.t0 && x.t0 > (who?.t0 ?? -1) && c.tokens[x.t0].lower !== 'your')) continue;
      // What users post stays theirs even when posted "on our Website"; otherwise the site's own content is no record.
      // What is not held must be the records, right after ("We don't own your content"), not "sites we do not own".
      // "Your license confers no title or ownership in the Content": what the customer's licence leaves out is the
      // vendor's product withheld from the customer, not the vendor disclaiming the customer's records.
      if (CUSTOMER_GETS_NONE.test(c.view.slice(0, o.start))) continue;
      if ((SITE_CONTENT.test(c.view) && !POSTED.test(c.view)) || !recordsAfter(c, o) || THIRD_PARTY_SITES.test(c.view) || !(USER_RECORDS.test(c.view) || POSTED.test(c.view))) continue;
      return 'customer';
    }
    let holder: Hit | undefined;
    if (/yours$/.test(word)) {
      if (recordsIn(0, o.start)) return 'customer';
      continue;
    }
    // "data that belongs to you", "a device you own": a description of the records, not a statement of who holds them.
    if (/^(?:that|which|who|you|we)$/.test(c.tokens[o.t0 - 1]?.lower ?? '') && !/yours$/.test(word)) continue;
    // "the owner of" says who holds only as a predicate ("you remain the owner of"), not in "the owners of recorded video".
    if (/^owners?$/.test(word) && !/\b(?:is|are|be|remains?|stays?|becomes?)\s+(?:the\s+)?(?:sole\s+|exclusive\s+|only\s+)?$/i.test(c.view.slice(Math.max(0, o.start - 40), o.start))) continue;
    // "any website, product or other content owned or controlled by Acme": a participle with no verb before it describes
    // the things named (a reduced relative, as "data that belongs to you"); it states an owner only as a predicate
    // ("User Content is and remains owned by you"), or as what the vendor disclaims ("We do not claim ownership of any
    // data owned by you": README, the vendor claiming no ownership).
    if (/^owned/.test(word) && !/\b(?:is|are|be|been|was|were|remains?|stays?|becomes?)\s+(?:[\w-]+\s+){0,3}$/i.test(c.view.slice(Math.max(0, o.start - 50), o.start)) && !DISCLAIMED.test(c.view.slice(Math.max(0, o.start - 120), o.start))) continue;
    // "This Content may be owned by us, by third parties …, or by users": owners named as alternatives say what the
    // content of the site may be, not who holds the records.
    // The vendor must be one of them: "belongs to you or to the third party who sent it" keeps the records on the
    // person's side.
    if (/^(?:belong|property|owned)/.test(word) && ALTERNATIVE_OWNERS.test(c.view.slice(o.end, o.end + 200)) && VENDOR_OWNER.test(c.view.slice(o.end, o.end + 200))) continue;
    if (/^(?:belong|property|owned)/.test(word)) {
      // The records must be what belongs: the noun right before ("the Submitted Contents belong to you", "PHI will
      // remain the property of"), not "servers owned by Acme" or "the rights and property of Acme".
      if (recordsRightBefore(c, o) || ownershipOfRecords(c, o) || RECORDS_SUBJECT.test(c.view.slice(0, o.start))) holder = recipientsOf(c, o).find((x) => x.t0 - o.t1 <= 3);
    } else if (/^owns?$|^owners?$/.test(word)) {
      if (recordsAfter(c, o)) holder = agentOf(c, o);
    } else if (possessedByCustomer(c, o) && recordsAfter(c, o) && !TAKEN.test(c.view)) {
      // "your ownership in User Submissions is not affected", "does not affect your ownership of your Content": the
      // customer's ownership of the records, named as theirs and left in place.
      return 'customer';
    } else {
      // An ownership noun is held by the subject of a "retain" right before it.
      const keep = hitsOf(c, 'action', 'retain').find((r) => r.t1 <= o.t0 && o.t0 - r.t1 <= 4);
      if (keep && recordsIn(o.end, c.view.length)) holder = agentOf(c, keep);
    }
    if (!holder) continue;
    if (holder.kind === 'customer') return 'customer';
    if (holder.kind === 'vendor' && !SITE_CONTENT.test(c.view) && !VENDOR_OFFERED.test(c.view) && USER_RECORDS.test(c.view)) return 'vendor';
  }
  return undefined;
}

// The head noun an ownership word may only qualify: "copyright infringement", "copyright law(s)", "ownership provisions".
const MODIFIER_OF = /^\s+(?:infring\w*|laws?|act|liability|safe[- ]harbou?rs?|claims?|complaints?|agents?|polic(?:y|ies)|office|provisions?|disputes?|violations?|registrations?|protection)\b/i;
// The owner as a relative clause on the thing ("to which you hold", "that you own") or a condition with a copula
// ("if you are the owner of", "whether you hold the"): IF_OWNER reads only two words back.
const DESCRIBED_OWNER = /\b(?:(?:to|in|of|for)\s+)?(?:which|whom)\s+(?:you|they|the user|users|we)\s+(?:\w+\s+){0,2}$|\b(?:if|unless|whether|where|when)\s+(?:you|they|the user|a user|users|someone|anyone)\s+(?:are|is|were|be|hold|holds)\s+(?:not\s+)?(?:the\s+|an?\s+)?(?:sole\s+|rightful\s+|legal\s+)?$/i;

// A list of owners joined by "or" after "owned by" / "belongs to" / "property of" ("by us, by third parties …, or by users").
const VENDOR_OWNER = /^[^.;]{0,160}?\b(?:us|we|our\s+company|the\s+company)\b/i;
const ALTERNATIVE_OWNERS = /^[^.;]{0,160}?,?\s+or\s+(?:by\s+|to\s+|of\s+)?(?:(?:the|other|our|its|their|any)\s+)?(?:users?|you|third[- ]part(?:y|ies)|licensors?|others?|members?|partners?)\b/i;

// Data the clause declares not to be the records ("Such data is not PHI and is owned by ClaimBridge": the de-identified
// data of the sentence before): the vendor owning it is not the vendor owning the records.
const DECLARED_NOT_RECORDS = /\b(?:is|are)\s+not\s+(?:considered\s+)?(?:phi|protected health information|personal (?:data|information)|customer data)\b/i;

// The vendor disclaiming a claim to what follows ("we do not claim ownership of any …", "Acme claims no rights in …").
const DISCLAIMED = /(?:\bclaims?\s+no|(?:\bnot|\bnever|n't)\s+claim)\s+(?:any\s+)?(?:[\w-]+\s+){0,3}?(?:ownership|rights?|title|interest)\s+(?:in|of|to|over)\s+(?:[\w-]+\s+){0,4}$/i;

const CUSTOMER_GETS_NONE = /\byour\s+(?:[\w-]+\s+){0,2}?(?:licen[cs]e|subscription|purchase|use|access|account|rights?)\s+(?:\w+\s+){0,2}?(?:confers?|grants?|gives?|transfers?|conveys?|includes?)\s+(?:you\s+)?no\b/i;
// Ownership as a condition ("If you own the copyright for the content you upload, …") states no owner.
const IF_OWNER = /\b(?:if|unless|whether|to the extent|in case|insofar as)\s+(?:[\w'’]+\s+){0,2}$/i;

// The customer's ownership being taken or given up ("you assign your ownership of …", "transfer your title to …").
const TAKEN = /\b(?:assign\w*|transfer\w*|waive\w*|relinquish\w*|surrender\w*|terminat\w*|los(?:e|es|ing)|forfeit\w*|revok\w*|convey\w*)\b/i;

/** Whether an ownership noun is the customer's by a possessive right before it ("your ownership", "Customer's title"). */
function possessedByCustomer(c: Clause, o: Hit): boolean {
  if (!/^(?:ownership|title|proprietary|right)/i.test(c.view.slice(o.start, o.end))) return false;
  return /^(?:your|(?:customer|client|user|licensee|subscriber|member)s?['’]s?)$/.test(c.tokens[o.t0 - 1]?.lower ?? '');
}

// Words between the records and "belongs to" / "property of" / "owned by": auxiliaries and "the sole and exclusive".
const BRIDGE = new Set(['is', 'are', 'be', 'been', 'will', 'shall', 'remain', 'remains', 'continue', 'continues', 'to', 'the', 'sole', 'exclusive', 'and', 'absolute', 'always', 'may', 'solely', 'exclusively', 'at', 'all', 'times', 'entirely', 'wholly']);
const RECORD_NOUN = /^(?:submissions?|comments|contents?|posts|uploads|materials|phi|data|records|information|files)$/;

/** Whether the words right before an ownership hit (past auxiliaries) end a records phrase. */
function recordsRightBefore(c: Clause, o: Hit): boolean {
  let i = o.t0 - 1;
  while (i >= 0 && BRIDGE.has(c.tokens[i].lower)) i--;
  if (i < 0) return false;
  return RECORD_NOUN.test(c.tokens[i].lower) || c.hits.some((x) => x.cat === 'object' && x.t1 - 1 === i);
}

// The records as the clause's subject, with a participle saying where they come from before the verb ("All information
// collected from visitors of the Site or users of the Services belongs to us"): the noun right before the verb is the
// participle's, not the subject. Records come to the vendor ("submitted to us"): information "provided to users of the
// Services" goes out to people, the vendor's own content.
const RECORDS_SUBJECT = /^\W*(?:(?:all|any|the)\s+)?(?:[\w-]+\s+){0,2}?(?:information|data|content|records)\s+(?:collected|provided|submitted|gathered|obtained|received|uploaded|posted)\s+(?:from|by|through|via|on|to\s+us)\b[^,;]{0,120}$/i;

/** Whether the records follow an ownership word closely (past "of", "all right, title and interest in and to", determiners). */
function recordsAfter(c: Clause, o: Hit): boolean {
  const limit = Math.min(c.tokens.length, o.t1 + 12);
  for (let i = o.t1; i < limit; i++) {
    if (RECORD_NOUN.test(c.tokens[i].lower) || POSTED.test(c.tokens[i].lower) || c.hits.some((x) => x.cat === 'object' && x.t0 === i)) return true;
    // The owned thing ends at the first clause word: "this social media account and that you are entitled …".
    if (/^(?:and|or|that|which|who|but|because|if|when)$/.test(c.tokens[i].lower) && i > o.t1 + 1 && !/^(?:right|title|interest|to|in)$/.test(c.tokens[i + 1]?.lower ?? '')) return false;
  }
  return false;
}

/** "The ownership of "User Data" … belongs to Acme": the subject is the ownership of records, named before the verb. */
function ownershipOfRecords(c: Clause, o: Hit): boolean {
  return c.hits.some((x) => x.cat === 'action' && x.kind === 'own' && x.t1 <= o.t0 && /^ownership$/i.test(c.view.slice(x.start, x.end)) && c.tokens[x.t1]?.lower === 'of' && c.hits.some((y) => y.cat === 'object' && y.t0 > x.t1 && y.t0 - x.t1 <= 3));
}

// What users post: records even where the clause names no data word ("the comments that you post").
const POSTED = /\byou (?:post|provide|upload|submit|create|add|share|store)\b|\bsubmissions?\b|\bsubmitted\b|\bcomments\b/i;
// The vendor's own offering: "the Contents offered to Users by us".
const VENDOR_OFFERED = /\b(?:offered|provided|supplied|made available|published)\s+(?:to (?:you|users?)\s+)?by us\b/i;

/** Whether the "takes no rights" statement is the vendor's (or impersonal: "this Agreement does not grant Acme …"). */
function isVendorSubject(c: Clause, at: number, vendor: RegExp): boolean {
  const before = c.view.slice(0, at).trim();
  const words = before.split(/\s+/).slice(-4).join(' ');
  if (/\b(?:you|customer|licensee|user|member)s?\s*$/i.test(before)) return false;
  if (/\b(?:this|these|the) (?:agreement|addendum|dpa|baa|terms|policy|privacy policy|contract)\b|\bnothing\b/i.test(before)) return true;
  return vendor.test(words.split(/\s+/).slice(-1)[0] ?? '') || /\b(?:we|company|vendor|provider|processor)\s*$/i.test(before) || hitsOf(c, 'actor', 'vendor').some((h) => h.end <= at);
}

/** "You do not own …", "no ownership is transferred": an own word negated in the clause. */
function negatedOwn(c: Clause): boolean {
  return hitsOf(c, 'action', 'own').some((h) => negated(c, h));
}
