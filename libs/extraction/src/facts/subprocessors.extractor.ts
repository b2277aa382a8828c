import type { Evidence, Fact } from '@custody/domain';
import type { Sentence } from '../text/sentences.js';
import type { FactContext } from './fact-context.js';
import { evidenceAt, found, silent } from './fact-context.js';

const TRIGGER = /\b(?:sub-?processors?|subcontractors?|sub-?contractors?|(?:third[- ]party )?service providers?|vendors?|(?:corporate )?affiliates?|processors?|(?:third[- ]party )?(?:ai|llm|hosting|cloud|transcription|speech|infrastructure|analytics|payment|email|sms|messaging) (?:providers?|vendors?|services?)|hosting providers?|cloud providers?|partners?)\b/i;
const SHARE = /\b(?:delivered through|through|share|shares|sharing|disclos\w*|provid\w*|engag\w*|uses?|using|rel(?:y|ies) on|receiv\w*|process\w*|host\w*|stor\w*|transmit\w*|send|sent|works? with|following|include|includes|including|such as|namely|access|assist|performs?|perform)\b/i;
const HEADING = /sub-?processors?|subcontractors?|service providers|third[- ]part(?:y|ies)|vendors|who (?:we|receives)|recipients|data sharing|processors/i;
const SUFFIX = String.raw`(?:Inc\.?|Incorporated|LLC|L\.L\.C\.|Ltd\.?|Limited|GmbH|SARL|S\.A\.R\.L\.|S\.A\.|S\.L\.|B\.V\.|N\.V\.|AG|SE|Corp\.?|Corporation|PBC|plc|PLC|LLP|L\.P\.|LP|Pty Ltd|Co\.)`;
const NAME_TOKEN = String.raw`(?:[A-Z][A-Za-z0-9&'’.+-]*|[0-9]+[A-Za-z][A-Za-z0-9]*)`;
const SUFFIX_NAME = new RegExp(String.raw`\b(${NAME_TOKEN}(?:\s+(?:of\s+|and\s+|&\s+)?${NAME_TOKEN}){0,5}),?\s+${SUFFIX}(?![A-Za-z])`, 'g');
const APPOSITIVE = new RegExp(String.raw`\b(?:sub-?processors?|subcontractors?|service providers?|vendors?|processors?|partners?|providers?|affiliates?),\s+(${NAME_TOKEN}(?:\s+${NAME_TOKEN}){0,3}),`, 'g');
const LIST_LEAD = /\b(?:following|these|our|current|approved)\b[^:]{0,60}\b(?:sub-?processors?|subcontractors?|service providers?|vendors?|providers?|processors?|third parties)\b[^:]{0,40}:\s*(.+)$/i;
const NOT_A_NAME = /^(?:the|a|an|our|we|you|your|this|these|such|any|all|each|customer|covered entity|business associate|company|vendor|services?|section|article|schedule|exhibit|appendix|agreement|hipaa|gdpr|phi|eu|eea|us|u\.s\.|united states|usa|california|data|personal|protected|note|none|n\/a|name|purpose|location|sub-?processors?|entity|country|service|function|description|category|sub-?contractors?|vendors?|providers?|(?:service|third[- ]party) providers?|recipients?|partners?|names?|purposes?|functions?|locations?|countr(?:y|ies)|regions?|roles?|services provided|processing|activity|activities|(?:company|vendor|provider|entity|sub-?processor|sub-?contractor|legal|supplier) names?|suppliers?|third[- ]part(?:y|ies)|hosting location)$/i;
// A markdown table's separator row ("|---|:--|"): the row above it is the header, not a name.
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/**
 * `subprocessors_named`: the names of third parties the document says receive or process the data, as
 * names (not sentences): corporate names ("Example Cloud, Inc.") in sentences about sub-processors,
 * vendors, affiliates or service providers; appositives ("our service provider, Acme, uses…"); items of
 * "the following sub-processors: A, B and C"; and list/table rows under a sub-processor heading. The
 * document's own parties are excluded.
 */
export function extractSubprocessors(ctx: FactContext): Fact<'subprocessors_named'> {
  const names = new Map<string, { name: string; ev: Evidence }>();
  const add = (raw: string, s: Sentence, at: number): void => {
    const name = cleanName(raw);
    if (!name || isParty(name, ctx.partyNames)) return;
    const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!names.has(key)) names.set(key, { name, ev: evidenceAt(ctx, s, at, at + raw.length) });
  };
  const headingCache = new Map<string, boolean>();
  for (const s of ctx.sentences) {
    if (s.isDefinition || s.isDraftingNote || s.isHeading) continue;
    const v = s.view;
    let underHeading = false;
    if (s.heading !== undefined) {
      let h = headingCache.get(s.heading);
      if (h === undefined) headingCache.set(s.heading, (h = HEADING.test(s.heading) && s.heading.length < 80));
      underHeading = h;
    }
    // Names start with a capital or a digit; a sentence with neither cannot hold one.
    if (!underHeading && !/[A-Z0-9]/.test(v.slice(1))) continue;
    const listItem = /^(?:[-*•|]\s*|\(?[a-z0-9]{1,3}[.)]\s+)/i.test(v) || / \| /.test(v);
    if (underHeading && listItem) {
      // The header row of a table (the row above its |---| rule) holds column names, not providers.
      const next = ctx.sentences[s.index + 1];
      if (/\|/.test(v) && next !== undefined && TABLE_RULE.test(next.view.trim())) continue;
      const item = v.replace(/^(?:[-*•|]\s*|\(?[a-z0-9]{1,3}[.)]\s+)/i, '');
      SUFFIX_NAME.lastIndex = 0;
      const corp = SUFFIX_NAME.exec(item);
      if (corp && corp.index === 0) {
        add(corp[0], s, v.indexOf(corp[0]));
        continue;
      }
      const lead = /^([A-Z][^,(;:|\u2013-]{1,60}?)(?:\s*(?:[,(;:|]|\s-\s|$))/.exec(item);
      if (lead && lead[1].split(/\s+/).length <= 6) add(lead[1], s, v.indexOf(lead[1]));
      continue;
    }
    if (!(TRIGGER.test(v) || underHeading) || !SHARE.test(v)) continue;
    SUFFIX_NAME.lastIndex = 0;
    for (let m = SUFFIX_NAME.exec(v); m; m = SUFFIX_NAME.exec(v)) {
      add(m[0], s, m.index);
    }
    APPOSITIVE.lastIndex = 0;
    for (let m = APPOSITIVE.exec(v); m; m = APPOSITIVE.exec(v)) {
      add(m[1], s, m.index + m[0].indexOf(m[1]));
    }
    const list = LIST_LEAD.exec(v);
    if (list) {
      const offset = v.length - list[1].length;
      // Corporate names were taken above: blank them (same length) so their commas do not split them.
      const body = list[1].replace(new RegExp(SUFFIX_NAME.source, 'g'), (m) => ' '.repeat(m.length));
      let at = 0;
      for (const part of body.split(/(;|,(?![^()]*\))|\s+and\s+)/)) {
        const partAt = at;
        at += part.length;
        // Parts with digits are addresses ("Main Str. 40", "L-1855 Luxembourg"), not names.
        if (/\d/.test(part)) continue;
        const lead = /^\s*([A-Z][A-Za-z0-9&'’.+-]*(?:\s+[A-Z][A-Za-z0-9&'’.+-]*){0,4})/.exec(part);
        if (lead) add(lead[1], s, offset + partAt + part.indexOf(lead[1]));
      }
    }
  }
  if (names.size === 0) return silent('subprocessors_named');
  const list = [...names.values()];
  return found<'subprocessors_named'>(list.map((n) => n.name), list.map((n) => n.ev), 0.75);
}

function cleanName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim().replace(/^(?:and|or|the)\s+/i, '').replace(/[\s,;:]+$/, '');
  // Keep the period of "Inc." or "Ltd.", drop a sentence's final period otherwise.
  if (name.endsWith('.') && !/(?:\b(?:Inc|Ltd|Corp|Co)|\.[A-Z])\.$/.test(name)) name = name.slice(0, -1);
  if (name.length < 2 || name.length > 80 || /\d{2,}/.test(name)) return undefined;
  const words = name.split(' ');
  if (NOT_A_NAME.test(name) || (words.length === 1 && NOT_A_NAME.test(words[0]))) return undefined;
  if (/^(?:The|Our|This|These|Such|Any|Each|All|If|When|We|You|Customer|Covered)\s/.test(name)) return undefined;
  return name;
}

function isParty(name: string, parties: string[]): boolean {
  const core = (x: string) => x.toLowerCase().replace(new RegExp(String.raw`,?\s+${SUFFIX}$`, 'i'), '').replace(/[^a-z0-9]/g, '');
  const n = core(name);
  return parties.some((p) => core(p) === n);
}
