/**
 * The law's duty in the words policies use beside "required by law" (issue 7): an obligation word, "do so" or nothing
 * between, then "by law" ("where we are obliged to do so by law", "if we have to by law", "when legally bound to").
 * Merged into VOCABULARY's `exact` entries (vocabulary.ts) under the same categories and kinds, like the French words.
 * Data, reviewed as data: each phrase names the law compelling the vendor, never a party's request.
 */
export const LAW_DUTY: Record<string, Record<string, string[]>> = {
  instrument: {
    by_law: [
      'obliged to do so by law', 'obligated to do so by law', 'bound to do so by law', 'compelled to do so by law',
      'obliged to by law', 'obligated to by law', 'required to by law', 'have to by law', 'has to by law', 'have to do so by law', 'has to do so by law',
      'obliged to do so under law', 'required to do so under law', 'obligated to do so under law', 'obliged under law', 'obligated under law',
      'bound by law', 'legally obliged to do so', 'legally required to do so', 'legally obligated to do so',
      'the law obliges us', 'law obliges us', 'the law requires us', 'where the law requires', 'if the law requires',
    ],
  },
};
