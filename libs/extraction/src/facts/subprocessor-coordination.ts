import type { Sentence } from '../text/sentences.js';
import { NAME_LIST_AT, splitNames } from './subprocessor-names.js';
import { WrittenNames } from '../calibration/mentions.js';

/**
 * Names coordinated with a recipient already read: "we share it with Piano, Zephyr, Stripe and HH&S", "namely, Acme,
 * Bolt Ltd and Crane Ltd". In a coordination the conjuncts share one predicate, so a reader who takes one of them as
 * receiving the data takes the others too; the readings before this one often reach only one conjunct (the one with a
 * legal suffix, the one the tracker vocabulary knows, the one after the trigger word). Each mate still passes every
 * filter of the collector (sign-in providers, stores, authorities, ordinary words), read as a weak name.
 */

/** A name coordinated with another in the same list: its text and its offset in the sentence's view. */
export interface Mate {
  name: string;
  at: number;
}

// Where a list may start: a capital (or a lower-case brand with an inner capital) after a boundary.
const START = /(?<![\p{L}\p{N}&'’.+-])(?:[\p{Lu}0-9]|[\p{Ll}]+-?[\p{Lu}])/gu;
// The words of a document's title.
const DOCUMENT_WORD = /\b(?:Terms|Polic(?:y|ies)|Notice|Agreement|Conditions|Statement)\b/;
// What follows names of platforms the user holds an account with.
const HELD_AFTER = /^\s*(?:accounts?|IDs?|credentials|log-?ins?|profiles?|usernames?|wallets?)\b/i;
// How far back a list holding the name may start.
const REACH = 400;

/**
 * The other members of the coordinated list of names that holds the name written at `at` in `v` (none when the name
 * stands alone or is only part of a longer name). The earliest start whose list reaches the name is taken: the whole
 * list, not a tail of it.
 */
export function coordinatedMates(v: string, at: number, name: string): Mate[] {
  if (v.slice(at, at + name.length) !== name) return [];
  const from = Math.max(0, at - REACH);
  START.lastIndex = from;
  for (let m = START.exec(v); m && m.index <= at; m = START.exec(v)) {
    const p = m.index;
    const list = NAME_LIST_AT.exec(v.slice(p));
    if (!list) continue;
    const bodyAt = p + list[0].length - list[1].length;
    if (bodyAt > at || bodyAt + list[1].length < at + name.length) continue;
    const members: Mate[] = [];
    splitNames(list[1], bodyAt, (n, nat) => members.push({ name: n, at: nat }));
    // The name must be a member itself, not a word inside a longer one ("Google" in "Google Cloud Platform").
    if (!members.some((x) => x.at === at && x.name === name)) continue;
    // A document's title ("the Maps/Earth Additional Terms of Service") or accounts the user holds ("your Stripe or PayPal
    // account") coordinate names that receive nothing.
    if (members.some((x) => DOCUMENT_WORD.test(x.name)) || HELD_AFTER.test(v.slice(bodyAt + list[1].length, bodyAt + list[1].length + 20))) return [];
    // "Acme and Acme Ads": a mate that is the kept name with more words is that brand's own product, no other party.
    return members.filter((x) => !(x.at === at && x.name === name) && !x.name.startsWith(`${name} `));
  }
  return [];
}

/**
 * The mates of every name kept so far, wherever the document writes it in prose or a list item (a heading or table cell
 * holds no coordination): a name is often kept where it is first read ("Our partner, Piano, …") and coordinated with
 * others further on ("Piano, Zephyr and Stripe collect … on our behalf"). A clause that denies passing data ("we do not
 * share it with A or B") gives no mates. One array per list, the kept name first: the caller takes a list's mates all or none.
 */
export function matesOfKept(
  sentences: readonly Sentence[],
  kept: readonly string[],
  skip: (s: Sentence) => boolean,
  denied: (clause: string) => boolean,
): { name: string; s: Sentence; at: number }[][] {
  const out: { name: string; s: Sentence; at: number }[][] = [];
  const names = kept.filter((n) => n.length >= 2);
  if (names.length === 0) return out;
  const written = new WrittenNames(names);
  for (const s of sentences) {
    if (s.isHeading || s.isDefinition || s.isDraftingNote) continue;
    const v = s.view;
    const here = written.in(v);
    if (here.length === 0 || skip(s)) continue;
    for (const n of here) {
      for (let at = v.indexOf(n); at >= 0; at = v.indexOf(n, at + 1)) {
        const mates = coordinatedMates(v, at, n);
        if (mates.length === 0 || denied(v.slice(Math.max(0, v.lastIndexOf(';', at) + 1), at))) continue;
        out.push([{ name: n, s, at }, ...mates.map((m) => ({ name: m.name, s, at: m.at }))]);
      }
    }
  }
  return out;
}
