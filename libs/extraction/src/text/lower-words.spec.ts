import { allLowerWords, LOWER_WORD, lowerWordIndex } from './lower-words.js';

describe('lowerWordIndex', () => {
  // The regex over the whole text is the definition; the index must give the same answer for every word asked.
  const samples = [
    'We run a campaign with Campaign Monitor; see https://computop.com or www.computop.com and mail@acme.io.',
    "Don't share e-mail addresses; the data-sharing partner's terms (re-use) apply to user-generated content.",
    'Payments via Stripe/PayPal, hosted on aws.amazon.com, stored in eu-west-1 by Amazon; analytics by mixpanel.',
    'ÉTAT général: données traitées par Société Générale; l’équipe reçoit les données.',
    'Refunds: write to stripe-payments@brave.com or support.team+billing@acme.io; the stripe pattern is ours.',
  ];
  it.each(samples)('answers as the full-text regex does: %s', (text) => {
    const truth = new Set([...text.matchAll(LOWER_WORD)].map((m) => m[0]));
    const has = lowerWordIndex(text);
    const asked = new Set([...text.toLowerCase().matchAll(/[\p{L}'-]+/gu)].map((m) => m[0]));
    for (const w of [...asked, 'campaign', 'computop', 'mail', 'stripe', 'paypal', 'mixpanel', 't', 'use', 'sharing']) {
      expect([w, has(w)]).toEqual([w, truth.has(w)]);
    }
  });

  it.each(samples)('reads the same words as the regex when it scans the whole text: %s', (text) => {
    expect([...allLowerWords(text)].sort()).toEqual([...new Set([...text.matchAll(LOWER_WORD)].map((m) => m[0]))].sort());
  });

  it('reads an ordinary word and rejects one that only occurs capitalised or in an address', () => {
    const has = lowerWordIndex('Our campaign uses Acme. See acme.com.');
    expect(has('campaign')).toBe(true);
    expect(has('acme')).toBe(false);
  });

  it('reads no word of an e-mail address\'s local part, whatever joins its words', () => {
    const has = lowerWordIndex('Request a refund by contacting [stripe-payments@brave.com](mailto:stripe-payments@brave.com) or billing.team@acme.io.');
    expect(has('stripe')).toBe(false);
    expect(has('billing')).toBe(false);
    expect(has('refund')).toBe(true);
  });

  it('gives the same answers past the point where it reads the whole text at once', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const text = words.map((w, i) => (i % 3 === 0 ? w.toUpperCase() : i % 3 === 1 ? `${w}.com` : w)).join(' ');
    const truth = new Set([...text.matchAll(LOWER_WORD)].map((m) => m[0]));
    const has = lowerWordIndex(text);
    expect(words.map((w) => has(w))).toEqual(words.map((w) => truth.has(w)));
    expect(words.filter((w) => has(w))).toHaveLength(40);
  });
});
