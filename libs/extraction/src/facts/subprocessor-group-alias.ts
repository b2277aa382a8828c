import type { Sentence } from '../text/sentences.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { NAME_LIST_AT, splitNames } from './subprocessor-names.js';
import { deniedUse } from './subprocessor-triggers.js';

/**
 * Members of the vendor's corporate group named where the document gives the group a collective name, when the document
 * passes data to that name elsewhere: 'We are part of the Acme family of companies, which includes Nimbus, Orbit, and
 * others ("Our Related Businesses")' … 'We may disclose your personal information … to Our Related Businesses'. The OTA
 * labelling convention counts affiliates outside the document's own "we" as recipients (README, subprocessors_named:
 * "Includes affiliates outside the document's own definition of 'we'"); the members are named only in the definition,
 * the disclosure only by the alias, so neither sentence alone says a named company gets the data.
 */

// "family of companies, which includes", "group of companies that comprises".
const GROUP_MEMBERS = /\b(?:family|group)\s+of\s+(?:companies|businesses|brands|entities)\b,?\s+(?:which|that)\s+(?:includes?|comprises?)\s+/gi;
// After the members: ", and others" then the alias in quotes inside parentheses ('("Our Related Businesses")', "('Our
// Related Businesses')": double or single, straight or curly).
const ALIAS_AFTER = /^,?\s*(?:(?:and|or)\s+(?:others|more|other\s+companies))?\s*\(\s*(?:collectively,?\s+|together,?\s+)?["“‘']\s*\[?([^"“”‘’'\]]{3,50}?)\]?\s*["”’']/;
// A verb passing data to the alias, right before it ("disclose … to Our Related Businesses", "share … with").
const PASS_VERB = /\b(?:disclos\w*|shar(?:e|es|ed|ing)|transfer\w*|provid(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|mak(?:e|es|ing)\s+available)\b/gi;

export interface GroupMember {
  name: string;
  /** The sentence of the definition and the name's offset in its view. */
  s: Sentence;
  at: number;
}

/** The named members of collectively named groups that some sentence of the document passes data to. */
export function aliasedGroupMembers(sentences: Sentence[]): GroupMember[] {
  const groups: { alias: string; members: GroupMember[] }[] = [];
  for (const s of sentences) {
    const v = s.view;
    if (!v.includes('amily of') && !v.includes('roup of')) continue;
    GROUP_MEMBERS.lastIndex = 0;
    for (let m = GROUP_MEMBERS.exec(v); m; m = GROUP_MEMBERS.exec(v)) {
      const from = m.index + m[0].length;
      const list = NAME_LIST_AT.exec(v.slice(from));
      if (!list) continue;
      const alias = ALIAS_AFTER.exec(v.slice(from + list[0].length));
      if (!alias) continue;
      const members: GroupMember[] = [];
      splitNames(list[1], from + list[0].length - list[1].length, (name, at) => members.push({ name, s, at }));
      if (members.length > 0) groups.push({ alias: alias[1].trim(), members });
    }
  }
  if (groups.length === 0) return [];
  const out: GroupMember[] = [];
  for (const g of groups) {
    const to = new RegExp(String.raw`\b(?:to|with)\s+(?:the\s+)?\[?${escapeRegExp(g.alias)}\b`, 'i');
    if (sentences.some((x) => passesTo(x.view, to))) out.push(...g.members);
  }
  return out;
}

// What the verb hands over when it is data: the data, a pronoun standing for it, or nothing ("may be shared with",
// "share with"). "provide links to", "provide technology services to", "send you offers relating to" hand over no data.
const DATA_OBJECT = /^\s*$|\b(?:data|information|details|records?|it|them|this|such)\b/i;
// The user as the verb's subject ("If you provide information directly to …"): a party the user reaches (README).
const USER_SUBJECT = /\b(?:you|users?|visitors?)\s+(?:(?:may|can|could|also|choose\s+to|decide\s+to|directly)\s+)*$/i;

/**
 * Whether a clause of the sentence passes data to the alias (`to` matches "to <alias>"), not denied: the last verb of
 * passing before the alias governs it, its object is data and its subject is not the user.
 */
function passesTo(v: string, to: RegExp): boolean {
  const hit = to.exec(v);
  if (!hit) return false;
  const clause = v.slice(Math.max(0, v.lastIndexOf(';', hit.index) + 1), hit.index);
  PASS_VERB.lastIndex = 0;
  let verb: RegExpExecArray | null = null;
  for (let m = PASS_VERB.exec(clause); m; m = PASS_VERB.exec(clause)) verb = m;
  if (!verb) return false;
  const object = clause.slice(verb.index + verb[0].length);
  return DATA_OBJECT.test(object) && !/^\s*you\b/i.test(object) && !USER_SUBJECT.test(clause.slice(0, verb.index)) && !deniedUse(clause);
}
