import { firstRefusal, refusal } from './refusal.js';

/**
 * An act with words required before it (`after`, issue 7 speed): found forwards, then the words looked for behind it
 * only there. It must read every sentence as the lookbehind `(?<=after)act` did: the same refusal, at the same places.
 */
const AFTER = /\b(?:business associate (?:agreements?|addend(?:um|a)|contracts?)|baas?)\b[^.;]{0,40}/i;
const LOOKBEHIND = new RegExp(`(?<=${AFTER.source})\\bavailable\\b`, 'i');
const ACT = /\bavailable\b/i;
const SENTENCES = [
  'No Business Associate Agreement is available for this plan.',
  'BAAs are not available on the free tier.',
  // "available" before the words, and words too far (over 40 characters) or past a ';': not the act.
  'Support is not available, and no BAA is offered.',
  'No business associate agreement, whatever the customer may ask of us here, is available.',
  'We do not sign a BAA; nothing is available.',
  // The first "available" has no words before it; the second has: the refusal is the second's.
  'Nothing is available by phone and no BAA is available here.',
  // Words at the very start of the view, and "BAA" glued to a letter (no word boundary): the lookbehind's edges.
  'baa not available',
  'XBAA is not available.',
];

describe('refusal: an act after required words reads as the lookbehind did', () => {
  it.each(SENTENCES)('%s', (view) => {
    const want = refusal(view, LOOKBEHIND, 70);
    const got = refusal(view, ACT, 70, undefined, undefined, AFTER);
    expect(got && { index: got.index, at: got.act.index, byLead: got.byLead }).toEqual(want && { index: want.index, at: want.act.index, byLead: want.byLead });
  });

  it('the words are required: without them "available" after a negation is no refusal (fails if `after` is ignored)', () => {
    expect(refusal('Support is not available.', ACT, 70, undefined, undefined, AFTER)).toBeNull();
    expect(firstRefusal('Support is not available.', [{ act: ACT, after: AFTER, window: 70 }])).toBeNull();
    expect(firstRefusal('No BAA is available.', [{ act: ACT, after: AFTER, window: 70 }])?.act.index).toBe(10);
  });
});
