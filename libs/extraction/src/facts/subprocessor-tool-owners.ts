import { TRACKER_SENTENCE } from '../clauses/recipient-lists.js';
import { mayMatch } from '../text/keyword-gate.js';
import { NAME_AT } from './subprocessor-names.js';

/**
 * The organisation behind a tracking tool, named after it with a link to its own policy: "Google Analytics provided by
 * Google Inc. (https://policies.google.com/…)", "Matomo cookie by InnoCraft Ltd (https://matomo.org/privacy-policy/)",
 * "Twitter Ads by X Corp. (https://…)". The tool is the organisation's product; the organisation, whose policy the text
 * sends the reader to, is the one that gets the visitors' data. Read only in a sentence about cookies or tracking.
 */
export interface ToolOwner {
  name: string;
  at: number;
}

// A tool's name (capitalised words) or a tracker noun right before "(provided) by": "Google Analytics provided by",
// "Matomo cookie by", "CrazyEgg cookie provided" (the "by" left out). A lower-case verb before "by" ("powered by",
// "governed by", "operated by") is not a tool's name: those are other readings' business.
const TOOL_BY = /(?:\p{Lu}[\p{L}\p{N}.&-]*|\b(?:cookies?|tags?|pixels?|SDKs?|scripts?))\s+(?:provided\s+(?:by\s+)?|by\s+)(?=\p{Lu})/gu;
// A tool the user signs in with is a source of data, not a recipient (README conventions): "Facebook Login provided by …".
const SIGN_IN = /\b(?:sign(?:s|ed|ing)?[- ]?(?:in|on|up)|log(?:s|ged|ging)?[- ]?in|login)\b/i;
// The organisation's own page right after its name: a parenthesised address.
const LINK_AFTER = /^\.?\s*\(\s*(?:\[)?https?:\/\//;

// The capitalised words that end right before "by": the tool's whole name as written.
const NAME_RUN_BEFORE = /(?:\p{Lu}[\p{L}\p{N}.&-]*\s+)*$/u;

/**
 * `isLowerWord`: whether the document writes a word in lower case. A tool's name opened by such a word is a credit or
 * a kind, not a product ("Website by Pixelworks Ltd", "Icons by Icons8", "Web Fonts by Google", "Cookie Policy Generator
 * by TermsFeed"): only a brand opens a tool's name ("Google Analytics provided by", "Meta Pixel by").
 */
export function toolOwners(view: string, underTrackers: boolean, inLink: (at: number, end: number) => boolean, owner?: object, isLowerWord?: (w: string) => boolean): ToolOwner[] {
  const out: ToolOwner[] = [];
  if (!view.includes(' by ') && !view.includes('provided ')) return out;
  if (!underTrackers && !(mayMatch(TRACKER_SENTENCE, view, owner) && TRACKER_SENTENCE.test(view))) return out;
  TOOL_BY.lastIndex = 0;
  for (let m = TOOL_BY.exec(view); m; m = TOOL_BY.exec(view)) {
    const at = m.index + m[0].length;
    if (SIGN_IN.test(view.slice(Math.max(0, m.index - 120), at))) continue;
    if (isLowerWord && /^\p{Lu}/u.test(m[0])) {
      const run = NAME_RUN_BEFORE.exec(view.slice(Math.max(0, m.index - 80), m.index))![0];
      const first = (run || m[0]).split(/\s+/)[0].replace(/[^\p{L}\p{N}-]/gu, '');
      const w = first.toLowerCase();
      if (isLowerWord(w) || isLowerWord(w.endsWith('s') ? w.slice(0, -1) : `${w}s`)) continue;
    }
    const n = NAME_AT.exec(view.slice(at));
    if (!n) continue;
    const end = at + n[0].length;
    // The period of an abbreviated suffix is the name's ("X Corp."); cleanName drops any other.
    const name = n[1] + (view[end] === '.' ? '.' : '');
    // Only an organisation the text links to: without its page the words after "by" may be anything ("by Google Tag Manager").
    if (LINK_AFTER.test(view.slice(end, end + 16)) || inLink(at, at + name.length)) out.push({ name, at: at + n[0].indexOf(n[1]) });
  }
  return out;
}
