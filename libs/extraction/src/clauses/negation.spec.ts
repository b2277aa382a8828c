import type { Clause } from './clause.js';
import { clausesOf, negated, negatedParty, negationOf } from './clause.js';
import type { Hit } from './lexicon.js';
import { Lexicon } from './lexicon.js';
import { negatedBefore } from '../facts/fact-context.js';

/**
 * Negation and its scope (issue 7): one reader for every fact (clauses/negation.ts), on a clause's hits (`negated`) and
 * on a sentence's text (`negatedBefore`, used by the pattern readers). Each rule: the sentence it is for and a near miss
 * it must not fire on, both read by both entry points. Both entry points exist on main, where the new rules fail.
 */
const lexicon = new Lexicon();
function clauseOf(view: string): Clause {
  return clausesOf({ index: 0, start: 0, end: view.length, view, paragraph: 0, isHeading: false, isDefinition: false, isDraftingNote: false } as never, lexicon)[0];
}
/** Whether the word `word` (the action hit starting there) is negated, read both ways; they must agree. */
function neg(view: string, word: string, window = 100): boolean {
  const at = view.indexOf(word);
  expect(at).toBeGreaterThanOrEqual(0);
  const text = negatedBefore(view, at, window);
  const c = clauseOf(view);
  const h: Hit | undefined = c.hits.find((x) => x.cat === 'action' && x.start === at);
  if (h) expect(negated(c, h, 12)).toBe(text);
  return text;
}
/** The text reader only (the word is not a vocabulary action, or the sentence is cut into several clauses). */
const negText = (view: string, word: string, window = 100) => negatedBefore(view, view.indexOf(word), window);

describe('negation reaches to the end of its clause, not into a clause with a verb of its own', () => {
  it('"… and will share", "… and we share": the second act is stated', () => {
    expect(neg('We do not sell your data and will share it with our partners.', 'share')).toBe(false);
    expect(neg('We do not sell your data and we share it with our partners.', 'share')).toBe(false);
  });
  it('near miss: acts joined without a verb of their own stay refused ("do not sell, rent or share")', () => {
    expect(neg('We do not sell, rent or share your data.', 'share')).toBe(true);
    expect(neg('We do not sell your content or use it to train our models.', 'use')).toBe(true);
  });
});

describe('not out of an "if"/"unless" part, nor into one', () => {
  it('a negation in the opening condition does not reach the main clause', () => {
    expect(neg('If you do not opt out, we will share your data with advertisers.', 'share')).toBe(false);
    expect(neg('If you do not opt out we will share your data with advertisers.', 'share')).toBe(false);
  });
  it('a subordinate part after the negation is the condition\'s, not the refusal\'s', () => {
    expect(neg('We do not notify you when we disclose your data.', 'disclose')).toBe(false);
  });
  it('near misses: the refusal before its condition, and a condition closed by a comma before the act', () => {
    expect(neg('We will not share your data with advertisers if you opt out.', 'share')).toBe(true);
    expect(neg('We will not, if you object, share your data with advertisers.', 'share')).toBe(true);
  });
});

describe('parentheses: an aside neither carries a negation out nor ends one', () => {
  it('"may (but is not required to) delete" is an option, not a refusal', () => {
    expect(neg('Epic may (but is not required to) delete some or all of Your Content within 60 days after termination.', 'delete')).toBe(false);
  });
  it('near miss: a refusal with an aside between it and the act', () => {
    expect(neg('Epic will not (except as the law requires) delete Your Content.', 'delete')).toBe(true);
  });
});

describe('exceptions, "other than", "not … unless"', () => {
  it('the act of the exception is not refused', () => {
    expect(neg('We will not disclose your data except to comply with a subpoena.', 'comply')).toBe(false);
    expect(neg('We do not use your data other than to provide the services.', 'provide')).toBe(false);
    expect(neg('We will not share your data unless you consent.', 'consent')).toBe(false);
  });
  it('near miss: the rule before the exception is refused', () => {
    expect(neg('We will not disclose your data except to comply with a subpoena.', 'disclose')).toBe(true);
    expect(neg('We will not share your data unless you consent.', 'share')).toBe(true);
  });
  it('"however" is an aside, "save" a verb unless it opens an exception', () => {
    expect(neg('We will not, however, sell your data.', 'sell')).toBe(true);
    expect(neg('We do not save or share your data.', 'share')).toBe(true);
    expect(negText('We do not share your data save as required by law.', 'required')).toBe(false);
  });
});

describe('"not only … but also", "neither … nor", "never", "no … will", "without"', () => {
  it('"not only" adds, it refuses nothing', () => {
    expect(neg('We not only store your data in the United States but also transfer it to India.', 'transfer')).toBe(false);
  });
  it('near miss: "not" before the act refuses it', () => {
    expect(neg('We do not transfer your data to India.', 'transfer')).toBe(true);
  });
  it('"neither … nor", "never", "no third party will" refuse', () => {
    expect(neg('Neither we nor our service providers transfer data outside the EEA.', 'transfer')).toBe(true);
    expect(neg('We will never sell your personal information.', 'sell')).toBe(true);
    expect(negText('No third party will receive your health data.', 'receive')).toBe(true);
  });
  it('near misses: a bound ("no later than") and a new clause after "neither … nor"', () => {
    expect(neg('No later than 30 days after termination, we will delete your data.', 'delete')).toBe(false);
    expect(neg('Neither party is liable for delays and we may transfer data abroad.', 'transfer')).toBe(false);
  });
  it('a denied denial ("cannot be ruled out that …") is no refusal; "cannot" before the act still is', () => {
    expect(neg('It cannot be ruled out that your data may be transferred to servers in the USA.', 'transferred')).toBe(false);
    expect(neg('A transfer to third countries can not be excluded, so your data may be transferred to the USA.', 'transferred')).toBe(false);
    expect(neg('We cannot transfer your data to servers outside the EU.', 'transfer')).toBe(true);
  });
  it('"without" reaches the word after it, not a later main verb', () => {
    expect(neg('We share aggregated data without selling it.', 'selling')).toBe(true);
    expect(neg('We may, without notice, share your data with affiliates.', 'share')).toBe(false);
  });
});

describe('double negation: a negated prohibition permits', () => {
  it('"nothing … prevents us from disclosing", "not prohibited from sharing"', () => {
    expect(neg('Nothing in this Agreement prevents us from disclosing your data.', 'disclosing')).toBe(false);
    expect(neg('We are not prohibited from sharing your data.', 'sharing')).toBe(false);
  });
  it('near miss: the prohibition alone refuses', () => {
    expect(neg('We are prohibited from sharing your data.', 'sharing')).toBe(true);
    expect(neg('It is strictly prohibited to sell your data.', 'sell')).toBe(true);
  });
});

describe('what the negation describes, and how it is written', () => {
  it('"not identifiable" describes data (was only in the clause reader, now in the text reader too)', () => {
    expect(negText('Information that is not identifiable to you may be aggregated and shared with partners.', 'shared')).toBe(false);
  });
  it('near miss: "not" before the act, with identifiable data as its object', () => {
    expect(negText('We do not share identifiable information with partners.', 'share')).toBe(true);
  });
  it('a "no-" prefix negates the word it joins ("no-training terms")', () => {
    expect(negText('We only use AI providers operating under no-training terms.', 'training')).toBe(true);
  });
  it('near miss: a "no-" word elsewhere does not reach a later act', () => {
    expect(negText('We offer a no-cost plan and train models on your content.', 'train')).toBe(false);
  });
  it('a negated lead-in reaches the items of its list', () => {
    expect(negText('Acme does not sell, share, or use Customer Data for: targeted advertising; data brokerage; training AI models.', 'training')).toBe(true);
  });
  it('near misses: a lead-in without negation, or one whose negation a new clause ends', () => {
    expect(negText('Acme uses Customer Data for: analytics; billing; training AI models.', 'training')).toBe(false);
    expect(negText('We will not sell your data, but we may use it for: analytics; training AI models.', 'training')).toBe(false);
  });
});

describe('who is negated', () => {
  const party = (view: string, word: string) => {
    const c = clauseOf(view);
    const h = c.hits.find((x) => x.cat === 'action' && x.start === view.indexOf(word))!;
    const n = negationOf(c, h);
    const who = n ? negatedParty(c, n) : undefined;
    return who?.kind;
  };
  it('the actor after "no"/"neither", else the subject before the negation', () => {
    expect(party('No third party may access your health data.', 'access')).toBe('provider');
    expect(party('Customer will not disclose the records to anyone.', 'disclose')).toBe('customer');
  });
  it('near miss: an actor after a preposition is the recipient, not the one refused', () => {
    expect(party('We will not disclose your data to third parties.', 'disclose')).toBe('vendor');
  });
});
