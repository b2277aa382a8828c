import type { Sentence } from '../text/sentences.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { NAME_AT } from './subprocessor-names.js';
import { deniedUse } from './subprocessor-triggers.js';
import { weDefinitionSentences } from './subprocessor-we.js';

/**
 * Companies of the vendor's corporate family that stand outside the document's "we" and get its users' data, named in
 * a sentence about who the vendor is rather than in a clause passing data (README, subprocessors_named: "Includes
 * affiliates outside the document's own definition of 'we'"):
 * - the vendor's parent or group, where the document says whose group the vendor belongs to ("Deliveroo is now part of
 *   the DoorDash, Inc. group of companies", "Acme owns this site and is a subsidiary of Acme Holdings, Inc.", "we are part
 *   of the Match Group family of businesses"), when the document passes data to its affiliates, group or parent at all;
 * - another company that is "also" a controller of the user's data ("DoorDash, Inc. is also a controller relating to your
 *   personal information", "Acme (UK) Limited … is also the data controller of your personal information"): "also" sets
 *   it beside the vendor, and a controller of the user's data has received it.
 * The collector still drops the vendor itself and every entity the document's "we" names (a parent named there is "us").
 */

// "is now part of the", "are a wholly-owned subsidiary of", "is a member of the": the vendor's place in a group.
const MEMBER_OF = /\b(?:is|are|'re|’re)\s+(?:now\s+)?(?:(?:a|an)\s+)?(?:(?:(?:wholly|majority|fully|indirect(?:ly)?|direct(?:ly)?)[- ]owned\s+|indirect\s+|direct\s+)?(subsidiary)|part|(?:a\s+)?member)\s+of\s+(?:the\s+)?\[?/gi;
// "We" defined with the vendor's affiliates ('Goodreads LLC (together with its affiliates, "we")'): its parent is one of them.
const WE_WITH_AFFILIATES = /\b(?:its|our|their)\s+(?:[\w-]+\s+)?affiliat/;
// "is also a controller", "is also the data controller", "also acts as an independent controller", of the user's data.
const ALSO_CONTROLLER = /\s+(?:is|are|will\s+be)\s+also\s+(?:a|an|the)\s+(?:(?:independent|separate|joint)\s+)?(?:data\s+)?controllers?\s+(?:of|for|in\s+relation\s+to|relating\s+to|with\s+respect\s+to|in\s+respect\s+of)\s+(?:the\s+|your\s+)?(?:personal|member|user)/i;
// A relative clause set off by commas (", which we use to host videos,"), and a clause opening the sentence ("When we …,").
const RELATIVE_ASIDE = /,\s*(?:which|who|whom|whose|that)\b[^,]*,/gi;
const OPENING_CLAUSE = /^\s*(?:when|whenever|if|where|as|because|while|since|although|after|before|once)\b[^,]*,/i;
// A sentence that passes data to the vendor's own family of companies.
const FAMILY = /\b(?:affiliat\w*|parent\s+compan\w*|group\s+compan\w*|(?:family|group)\s+of\s+(?:companies|businesses|brands)|companies\s+(?:in|of|within)\s+(?:our|the)\s+(?:[\w-]+\s+)?group|subsidiar\w*|sister\s+compan\w*|related\s+compan\w*)\b/i;
const PASS = /\b(?:shar(?:e|es|ed|ing)|disclos\w*|transfer\w*|provid(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|mak(?:e|es|ing)\s+available|combin\w*)\b/i;

export interface FamilyName {
  name: string;
  s: Sentence;
  at: number;
}

/**
 * The vendor's parent or group named where the vendor says whose group it is, and other companies "also" controlling the
 * user's data. `ownNames` are the vendor's names (its brand, its parties) and `isSelf` tells the entity the document gives
 * as the vendor's: the subject of the group sentence must be the vendor, "we", or a clause holding the vendor ("Acme owns
 * and operates this site and is a subsidiary of …", "Acme News Ltd. is part of the Acme Trust plc Group").
 */
export function familyRecipients(sentences: Sentence[], ownNames: string[], isSelf: (name: string) => boolean): FamilyName[] {
  const out: FamilyName[] = [];
  const own = ownNames.filter((n) => n.length >= 3).map(escapeRegExp);
  // Built when a first group sentence asks (most documents have none): a Unicode pattern under `i` costs about a
  // millisecond to compile.
  let oursMemo: RegExp | undefined;
  const ours = (): RegExp => (oursMemo ??= new RegExp(String.raw`(?:^|[^\p{L}])(?:we|our\s+company${own.length ? '|' + own.join('|') : ''})(?![\p{L}])`, 'iu'));
  let shares: boolean | undefined;
  // Some sentence other than the definitions of "we" passes data to the family, and "we" does not take the affiliates in.
  const passesToFamily = () => {
    if (shares === undefined) {
      const weDefs = weDefinitionSentences(sentences);
      shares = !weDefs.some((d) => WE_WITH_AFFILIATES.test(d)) && sentences.some((s) => FAMILY.test(s.view) && PASS.test(s.view) && !deniedUse(s.view) && !weDefs.includes(s.view.toLowerCase()));
    }
    return shares;
  };
  for (const s of sentences) {
    if (s.isHeading) continue;
    const v = s.view;
    if (v.includes(' also ')) {
      const m = ALSO_CONTROLLER.exec(v);
      if (m) {
        // The name right before the verb, the clause's subject ("… to you, DoorDash, Inc. is also a controller"), past an
        // aside about it ("Acme (UK) Limited, which is located in the United Kingdom, is also the data controller").
        const clause = v.slice(0, m.index).replace(/,\s*(?:which|who)\b[^,]*,?\s*$/, '');
        for (const start of [0, ...[...clause.matchAll(/[,;:]\s*/g)].map((c) => c.index + c[0].length)]) {
          const n = NAME_AT.exec(clause.slice(start));
          if (!n || n[0].trim() !== clause.slice(start).trim()) continue;
          out.push({ name: n[1], s, at: start + clause.slice(start).indexOf(n[1]) });
          break;
        }
      }
    }
    MEMBER_OF.lastIndex = 0;
    for (let m = MEMBER_OF.exec(v); m; m = MEMBER_OF.exec(v)) {
      // The clause's subject: from the clause's start (the sentence's, or after a "that") to the verb.
      // Past asides and an opening clause, where "we" is not the subject ("Vimeo, which we use to host videos, is a
      // subsidiary of …", "When we take payments, Stripe Payments Europe Ltd is a subsidiary of …").
      const subject = (v.slice(0, m.index).replace(RELATIVE_ASIDE, ' ').split(/[;:]|\bthat\b/).pop() ?? '').replace(OPENING_CLAUSE, '');
      const lead = NAME_AT.exec(subject.replace(/^[\s*_#"“(]+/, ''));
      if (!ours().test(subject) && !(lead && isSelf(lead[1]))) continue;
      const at = m.index + m[0].length;
      const n = NAME_AT.exec(v.slice(at));
      if (!n) continue;
      // A subsidiary names its parent as it is. A part or member names a company whose group it is by the group or family
      // word after the company's name ("the DoorDash, Inc. group of companies", "the Match Group family of businesses",
      // "the Acme Trust plc Group"); without one the object is a document, a programme or a plan ("part of the
      // Agreement", "a member of the NAI"). A name that ends in the word is the group itself ("part of Ingka Group"): a set
      // of companies, not one organisation, and the labels name its companies instead.
      if (!m[1] && !/^\]?\s*(?:group|family)\b/i.test(v.slice(at + n[0].length))) continue;
      const name = n[1];
      if (passesToFamily()) out.push({ name, s, at: at + n[0].indexOf(n[1]) });
    }
  }
  return out;
}
