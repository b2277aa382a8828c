/** How the vocabulary's verbs and nouns are inflected (vocabulary.ts lists base forms only). */

const IRREGULAR: Record<string, string[]> = {
  make: ['made', 'makes', 'making'],
  give: ['gave', 'given', 'gives', 'giving'],
  sell: ['sold', 'sells', 'selling'],
  hold: ['held', 'holds', 'holding'],
  keep: ['kept', 'keeps', 'keeping'],
  send: ['sent', 'sends', 'sending'],
  tell: ['told', 'tells', 'telling'],
  bind: ['bound', 'binds', 'binding'],
  hand: ['handed', 'hands', 'handing'],
  turn: ['turned', 'turns', 'turning'],
  pass: ['passed', 'passes', 'passing'],
  enter: ['entered', 'enters', 'entering'],
  allow: ['allowed', 'allows', 'allowing'],
  grant: ['granted', 'grants', 'granting'],
  dispose: ['disposed', 'disposes', 'disposing'],
  respond: ['responded', 'responds', 'responding'],
  comply: ['complied', 'complies', 'complying'],
  cooperate: ['cooperated', 'cooperates', 'cooperating'],
  flow: ['flowed', 'flows', 'flowing'],
  agree: ['agreed', 'agrees', 'agreeing'],
  // A stressed last syllable doubles its consonant ("transferred", "transmitting"); the one-consonant spellings are
  // common misspellings of the same verbs and read the same.
  transfer: ['transferred', 'transfers', 'transferring', 'transfered', 'transfering'],
  transmit: ['transmitted', 'transmits', 'transmitting', 'transmited', 'transmiting'],
  contractually: [],
  permanently: [],
};

/** -s, -ed and -ing forms of a verb (regular spelling rules and the irregular table). */
export function verbForms(lemma: string): string[] {
  if (IRREGULAR[lemma]) return [lemma, ...IRREGULAR[lemma]];
  const out = [lemma];
  if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else if (/e$/.test(lemma)) out.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/(?:s|x|z|ch|sh)$/.test(lemma)) out.push(lemma + 'es', lemma + 'ed', lemma + 'ing');
  else if (/^(?:[^aeiou]*[aeiou][bdgklmnprt])$/.test(lemma) && lemma.length <= 4) out.push(lemma + 's', lemma + lemma.slice(-1) + 'ed', lemma + lemma.slice(-1) + 'ing');
  else out.push(lemma + 's', lemma + 'ed', lemma + 'ing');
  return out;
}

/** A phrase's inflections: the first word of a verb phrase, the last word of a noun phrase. */
export function inflect(entry: string, how: 'verb' | 'noun'): string[] {
  const words = entry.split(' ');
  if (how === 'verb') return verbForms(words[0]).map((f) => [f, ...words.slice(1)].join(' '));
  const last = words[words.length - 1];
  const plural = /[^aeiou]y$/.test(last) ? last.slice(0, -1) + 'ies' : /(?:s|x|z|ch|sh)$/.test(last) ? last + 'es' : last + 's';
  return [entry, [...words.slice(0, -1), plural].join(' ')];
}
