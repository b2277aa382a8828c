import { Lexicon, tokenize } from './lexicon.js';

const lexicon = new Lexicon();
/** The hits of one category in a sentence, as "kind:word". */
function hits(text: string, cat: string): string[] {
  return lexicon.find(tokenize(text)).filter((h) => h.cat === cat).map((h) => `${h.kind}:${text.slice(h.start, h.end)}`);
}

describe('separable verbs', () => {
  it('reads "make … available" and "hand … over" with the object between verb and particle', () => {
    expect(hits('We do not make your personal data available to third parties.', 'action')).toContain('disclose:make');
    expect(hits('The vendor handed the records over to the police.', 'action')).toContain('disclose:handed');
  });
  it('keeps the object between them as a hit of its own, in token order', () => {
    const all = lexicon.find(tokenize('We make your personal data available.'));
    expect(all.map((h) => h.cat)).toEqual(['actor', 'action', 'actor', 'object']);
  });
  it('does not join a verb to a particle far away or across a clause boundary', () => {
    expect(hits('We make improvements to the service for users; records are available on request.', 'action')).not.toContain('disclose:make');
    expect(hits('We make one two three four five six available.', 'action')).not.toContain('disclose:make');
  });
});

describe('instruments', () => {
  it('reads what the law obliges as the law, not as a demand', () => {
    expect(hits('We disclose data where a legal obligation applies.', 'instrument')).toEqual(['by_law:legal obligation']);
    expect(hits('to comply with court orders or laws and regulations that require us to disclose', 'instrument')).toEqual(['judicial:court orders', 'by_law:laws and regulations that require']);
  });
});
