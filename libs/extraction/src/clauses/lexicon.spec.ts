import { randomStrings } from '../testing/random-strings.js';
import { Lexicon, TOKEN, tokenize } from './lexicon.js';

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

describe('agentOf', () => {
  it('skips the actors of an opening subordinate clause', async () => {
    const { clausesOf, agentOf, subjectOf } = await import('./clause.js');
    const view = 'If you cancel your account, the company will delete your data.';
    const [c] = clausesOf({ index: 0, start: 0, end: view.length, view, paragraph: 0, isHeading: false, isDefinition: false, isDraftingNote: false } as never, lexicon);
    const del = c.hits.find((h) => h.cat === 'action' && h.kind === 'delete')!;
    expect(subjectOf(c, del)?.kind).toBe('vendor');
    expect(agentOf(c, del)?.kind).toBe('vendor');
    const view2 = 'If you cancel your account, your data will be deleted.';
    const [c2] = clausesOf({ index: 0, start: 0, end: view2.length, view: view2, paragraph: 0, isHeading: false, isDefinition: false, isDraftingNote: false } as never, lexicon);
    const del2 = c2.hits.find((h) => h.cat === 'action' && h.kind === 'delete')!;
    expect(subjectOf(c2, del2)?.kind).toBe('customer');
    expect(agentOf(c2, del2)).toBeUndefined();
  });
});

describe('tokenize', () => {
  /** The tokens as the TOKEN pattern finds them (what the scan replaces). */
  const byPattern = (view: string) => [...view.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length]);
  const byScan = (view: string) => tokenize(view).map((t) => [t.start, t.end]);

  it('finds what the pattern finds: initialisms, joined words, punctuation, non-ASCII letters and astral characters', () => {
    const views = [
      'We share data with the U.S. government, e.g. on request; i.e. rarely.',
      "Don't opt-out -- a.b c.d.e. x. U.S.A.B e.g.x 'quoted' -lead trail- end-",
      'Ünïcödé Straße İstanbul ÉTAT — 東京 données; 𝐀𝐁𝐂 test 😀 emoji 𝟙𝟚 x\ud800y \udc00z',
      '(a) item | cell / "quote": 3.5% 10-20 O\'Neil A.',
      '15.1You must 2.10The Company 3.1ab 4.2AB x1.1Ab-cd a-1.1Ab 5.1-2.3Ab',
      '',
    ];
    for (const v of views) expect(byScan(v)).toEqual(byPattern(v));
  });

  it('agrees with the pattern on random strings of the characters that matter', () => {
    const alphabet = ['a', 'Z', '.', "'", '-', ' ', ';', '"', '1', 'é', 'İ', '𝐀', '\ud800', '\udc00', '—', '(', '|'];
    for (const v of randomStrings(alphabet, 1500, 24, 7)) expect(byScan(v)).toEqual(byPattern(v));
  });

  it('splits a clause number glued to the capitalised word after it ("15.1You must")', () => {
    expect(tokenize('15.1You must provide').map((t) => t.lower)).toEqual(['15', '1', 'you', 'must', 'provide']);
    expect(tokenize('Version 2.1a and 1Password').map((t) => t.lower)).toEqual(['version', '2', '1a', 'and', '1password']);
  });

  it('reads "US" in capitals as the country', () => {
    expect(tokenize('US law and us').map((t) => t.lower)).toEqual(['u.s.', 'law', 'and', 'us']);
  });
});

describe("a document's own terms", () => {
  it('are found whatever their first character or length, beside the shared vocabulary', () => {
    const long = 'Supercalifragilisticexpialidociousness';
    const own = new Lexicon({ add: [{ phrase: 'Ünïcorp Health', cat: 'actor', kind: 'vendor' }, { phrase: long, cat: 'actor', kind: 'vendor' }, { phrase: 'Session Notes', cat: 'object', kind: 'content' }] });
    const view = `Ünïcorp Health and ${long} may disclose Session Notes to law enforcement.`;
    const found = own.find(tokenize(view)).map((h) => `${h.cat}:${h.kind}:${view.slice(h.start, h.end)}`);
    expect(found).toEqual(expect.arrayContaining(['actor:vendor:Ünïcorp Health', `actor:vendor:${long}`, 'object:content:Session Notes', 'action:disclose:disclose']));
  });
});

describe('agentOf: the roles of actors that are not the subject', () => {
  const clause = async (view: string) => {
    const { clausesOf } = await import('./clause.js');
    return clausesOf({ index: 0, start: 0, end: view.length, view, paragraph: 0, isHeading: false, isDefinition: false, isDraftingNote: false } as never, lexicon)[0];
  };
  it('a passive verb after a coordinated clause has the data for its subject, not the first clause\'s actor', async () => {
    const { agentOf } = await import('./clause.js');
    const c = await clause('The customer can open one account and all information attached to it will be deleted at closure.');
    const del = c.hits.find((h) => h.cat === 'action' && h.kind === 'delete')!;
    expect(agentOf(c, del)).toBeUndefined();
    const active = await clause('The customer can open one account and will delete all information attached to it at closure.');
    expect(agentOf(active, active.hits.find((h) => h.cat === 'action' && h.kind === 'delete')!)?.kind).toBe('customer');
  });
  it('an actor word that modifies a noun, or acts in a reduced relative clause on the data, is not the subject', async () => {
    const { agentOf, subjectOf } = await import('./clause.js');
    const c = await clause('We use data you provide to study user behaviour and disclose aggregated reports.');
    const dis = c.hits.find((h) => h.cat === 'action' && h.kind === 'disclose')!;
    expect(subjectOf(c, dis)?.kind).toBe('vendor');
    expect(agentOf(c, dis)?.kind).toBe('vendor');
    const own = await clause('Users may disclose their reports to colleagues.');
    expect(subjectOf(own, own.hits.find((h) => h.cat === 'action' && h.kind === 'disclose')!)?.kind).toBe('customer');
  });
});

describe('a vendor word qualified as a third party\'s', () => {
  it('reads "a third party licensor" and "a third-party processor" as providers, not as the vendor', () => {
    expect(hits('You or a third party licensor, as appropriate, retain all copyrights.', 'actor')).toEqual(['customer:You', 'provider:third party licensor']);
    expect(hits('Data may be handled by a third-party processor.', 'actor')).toEqual(['provider:third-party processor']);
  });
  it('still reads the licensor or the processor alone, or named as such, as the vendor', () => {
    expect(hits('The licensor retains all right, title and interest in the Software.', 'actor')).toEqual(['vendor:licensor']);
    expect(hits('Acme, as the processor, processes data on instructions.', 'actor')).toContain('vendor:the processor');
    expect(hits('The licensor shares data with third parties.', 'actor')).toEqual(['vendor:licensor', 'provider:third parties']);
  });
});

describe('a phrase used in another sense contains nothing', () => {
  it('keeps the action inside a condition phrase the caller says is another sense', () => {
    const tokens = tokenize('We will delete your account profile.');
    expect(lexicon.find(tokens).filter((h) => h.cat === 'action')).toEqual([]);
    const found = lexicon.find(tokens, (h) => h.cat === 'condition');
    expect(found.filter((h) => h.cat === 'action').map((h) => h.kind)).toEqual(['delete']);
  });
});
