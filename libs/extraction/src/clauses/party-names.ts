import type { Sentence } from '../text/sentences.js';
import { DOCUMENT_TITLE, GENERIC, mayBeBrand, PROVIDER_ALIAS, QUOTED, WE } from './alias-words.js';
import { ACTORS } from './vocabulary-actors.js';

// Every party word of the vocabulary ("recipient", "sub-processor", "licensor", "supplier"): a role, not a name.
const PARTY_WORDS = new Set(Object.values(ACTORS).flatMap((e) => [...(e.exact ?? []), ...(e.plural ?? [])]));

// '"Contracting Party" means a User who applied …', '"Member" refers to you': a defined party that is a kind of user or
// customer (the vocabulary's customer words; not "any person", which third parties are too). The customer word ends the
// party's description or opens a relative clause: '"SCCs" means the Customer SCCs', '"Debut" means a User entrusting a
// publisher with …', '"Access Credentials" means any user name' define things, not parties.
const CUSTOMER_DEFINITION = /(?:^|[\s(])"([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,2})"\s*(?:shall\s+)?(?:means?|refers?\s+to|designates?)\s+(?:you\b|(?:a|an|any|each|the)\s+(?:registered\s+|individual\s+)?(?:[Uu]ser|[Cc]ustomer|[Mm]ember|[Ss]ubscriber|[Aa]ccount\s+[Hh]older|[Cc]lient)s?(?=\s*[,.;:()]|\s*$|\s+(?:who|whom|whose|that|which|of|under|in|with|using|registered)\b))/gu;

/**
 * The names the document gives its customer: aliases listed with "you" in one parenthesis ('you ("you" or
 * "Streamer")', '("Artist", "you")') and defined terms that mean a user or customer. A duty a clause puts on such a
 * party is the customer's ("the Streamer shall not retain copies of the Company Materials"), never the vendor's.
 */
export function customerNamesOf(head: string, sentences: Sentence[], vendorNames: string[]): string[] {
  const out = new Set<string>();
  const vendor = new Set(vendorNames.map((n) => n.toLowerCase()));
  const keep = (a: string) => {
    const n = a.trim().replace(/[,;.]+$/, '').replace(/^the\s+/i, '');
    if (n.length < 3 || WE.test(n) || /^(?:you|your|yours)$/i.test(n) || GENERIC.test(n) || vendor.has(n.toLowerCase()) || DOCUMENT_TITLE.test(n) || PROVIDER_ALIAS.test(n)) return;
    if (!/^[\p{Lu}]/u.test(n)) return;
    out.add(n);
  };
  for (let open = head.indexOf('('); open >= 0; open = head.indexOf('(', open + 1)) {
    const close = head.indexOf(')', open);
    if (close < 0 || close - open > 120) continue;
    const quote = head.indexOf('"', open + 1);
    if (quote < 0) break;
    if (quote > close) continue;
    const aliases = [...head.slice(open + 1, close).matchAll(QUOTED)].map((m) => m[1].trim().replace(/[,;.]+$/, ''));
    // Only a parenthesis that names "you" and not "we": '("Company", "we", "you")' would be no one's.
    if (!aliases.some((a) => /^(?:you|your)$/i.test(a)) || aliases.some((a) => WE.test(a))) continue;
    for (const a of aliases) keep(a);
  }
  // Definitions anywhere (a document's later part may define its own parties: "Contracting Party" in a product's terms).
  for (const st of sentences) if (st.isDefinition && st.view.includes('"')) for (const m of st.view.matchAll(CUSTOMER_DEFINITION)) keep(m[1]);
  return [...out];
}

// A name opening a sentence (or a "that" clause) as the subject of the acts and rights a terms document gives its
// author: "Acme may suspend …", "You agree that Acme may disclose …", "Acme reserves the right …".
const SUBJECT_ACT = /(?:^(?:[-*•]\s+|\(?[a-z0-9]{1,4}[.)]\s+)*|\bthat\s+)([\p{Lu}][\p{L}\p{N}.&'’-]*(?:\s+[\p{Lu}][\p{L}\p{N}&'’-]*){0,2})\s+(?:may|will|shall|reserves|can|cannot|retains|is\s+not|does\s+not|has\s+the\s+right)\b/gu;

/**
 * The author of a document written in the third person: the name that is the subject of "may", "will", "reserves"
 * more often than "we" is and at least five times, and more than twice as often as any other name ("Gofile may
 * delete …", eleven times, where the document names its legal entity once). A document that speaks as "we" names
 * third parties as subjects now and then ("Google may use cookies"): the first person outnumbers them there.
 */
export function selfSubject(sentences: Sentence[], definedTerms: Set<string>): string | undefined {
  const count = new Map<string, number>();
  // The sections each name acts in: a third party's own section ("Google Analytics", "Apple App Store terms") may
  // say "Google may …" six times in a policy that says "we" mostly with other verbs; the author acts across the document.
  const sections = new Map<string, Set<string>>();
  const headings = new Set(sentences.filter((st) => !st.isHeading).map((st) => st.heading ?? ''));
  let we = 0;
  for (const st of sentences) {
    if (!/\b(?:may|will|shall|reserves|can|cannot|retains|not|has)\b/.test(st.view)) continue;
    for (const m of st.view.matchAll(SUBJECT_ACT)) {
      const name = m[1].replace(/['’]s$/, '');
      if (/^(?:we|you|i)$/i.test(name)) {
        if (/^we$/i.test(name)) we++;
        continue;
      }
      count.set(name, (count.get(name) ?? 0) + 1);
      sections.set(name, (sections.get(name) ?? new Set()).add(st.heading ?? ''));
    }
  }
  let top: string | undefined;
  let n = 0;
  let second = 0;
  for (const [w, c] of count) {
    if (c > n) {
      second = n;
      top = w;
      n = c;
    } else if (c > second) second = c;
  }
  if (top === undefined || n < 5 || n <= we || n < 2 * second) return undefined;
  // (A name in the document's first sentences is its author wherever it acts: "These terms govern Acme's service".)
  const opening = sentences.slice(0, 12).map((st) => st.view).join(' ');
  if (headings.size > 1 && (sections.get(top)?.size ?? 0) < 2 && !opening.includes(top)) return undefined;
  if (PARTY_WORDS.has(top.toLowerCase()) || PARTY_WORDS.has(top.toLowerCase().replace(/s$/, ''))) return undefined;
  // A name, not a defined thing or a party word: "The Company", "The Licensor", "Content", "UGC", "The Kit".
  const first = top.split(/\s+/)[0];
  if (/^(?:The|This|These|That|It|They|Such|Each|Any|All|No|Neither|Either)$/.test(first) || definedTerms.has(top.toLowerCase())) return undefined;
  const allCaps = top === top.toUpperCase();
  if (allCaps ? first.length < 5 : !mayBeBrand(first)) return undefined;
  return top;
}
