import { randomStrings } from '../testing/random-strings.js';
import { completeWords, KeywordGate, keywordBit, mayMatch, ownerBits, requiredPrefixes, startsAtWord } from './keyword-gate.js';

describe('requiredPrefixes', () => {
  it('reads the literal start of each alternative, stopping before an optional character', () => {
    expect(requiredPrefixes(/\b(?:sell|sale\b|rent(?:ing|s)\b|sub-?contract|agents?\b|u\.s\.)|\bdevelop (?:new )?models?/i)).toEqual(['sell', 'sale$', 'rent', 'sub', 'agent', 'u', 'develop ']);
    expect(requiredPrefixes(/^(?:each|All)\b|\b(?:(?:Not|never) r)/)).toEqual(['each$', 'all$', 'not', 'never']);
    // An optional group adds what follows it; whitespace before the words stands for a word start.
    expect(requiredPrefixes(/\b(?:(?:service\s+)?providers?|vendor)|\s(?:offers|is)\s/g)).toEqual(['service$', 'provider', 'vendor', 'offers$', 'is$']);
    // A separator that may take nothing does not end the word: "the\s*law" matches "thelaw".
    expect(requiredPrefixes(/\b(?:a|the)\s*law|\bfoo\s?bar|\bbaz\s{0,2}qux/i)).toEqual(['a', 'the', 'foo', 'baz']);
    expect(mayMatch(/\bthe\s*law/i, 'thelaw')).toBe(true);
  });

  it('reads the words after a lookaround where they would start (it takes no characters), not a lookaround made optional', () => {
    expect(requiredPrefixes(/\b(?<=\bare\s+)using|\b(?<!not )(?:law|legal)|\b(?=e)each|\b(?!x)vendor/i)).toEqual(['using', 'law', 'legal', 'each', 'vendor']);
    expect(mayMatch(/\b(?<=\bare\s+)using/i, 'they are using it')).toBe(true);
    expect(mayMatch(/\b(?<=\bare\s+)using/i, 'they are amusing')).toBe(false);
    // A lookaround with no word start before it, or one made optional: no gate.
    expect(requiredPrefixes(/(?<=\bwe\s)use/i)).toBeUndefined();
    expect(requiredPrefixes(new RegExp('\\b(?=a)?ab', 'i'))).toBeUndefined();
  });

  it('gives up on what it cannot read as a word start followed by literals', () => {
    for (const re of [/health|\bphi\b/i, /\b(?:service\s+)?/i, /\b(?:service\s+){2}x/i, /\s*use/i, /(?<=\bwe\s)use/i, /\buse/iu, /\buse/yi, /\b\d+ days/i, /\b(?:a|)b/i, /\b[ab]c/i, /^x/m]) {
      expect(requiredPrefixes(re)).toBeUndefined();
    }
  });
});

describe('mayMatch', () => {
  it('answers false only where the pattern cannot match, for several patterns of one text in turn', () => {
    const a = /\b(?:law|legal)/i;
    const b = /\bcookies?\b/i;
    for (const v of ['the LAW and cookies', 'outlaw cookie', 'no legal cookiejar', 'nothing', 'a cookie, by law']) {
      for (const re of [a, b, a]) expect({ v, re: re.source, may: mayMatch(re, v) || !re.test(v) }).toEqual({ v, re: re.source, may: true });
    }
    expect(mayMatch(a, 'outlaw cookie')).toBe(false);
    expect(mayMatch(b, 'outlaw cookie')).toBe(true);
  });
});

describe('completeWords', () => {
  it('takes the literal alternatives after \\b of a case-insensitive pattern, and nothing else', () => {
    expect(completeWords(/\b(?:breach|incident|unauthori[sz]ed|compromise)|\bthird party request/i)).toEqual(['breach', 'incident', 'compromise', 'third party request']);
    // Case-sensitive, other flags, an end condition, a quantified group, no leading \b: none.
    expect(completeWords(/\b(?:law|legal)/)).toEqual([]);
    expect(completeWords(/\b(?:law|legal)/iu)).toEqual([]);
    expect(completeWords(/\blaw\b|\b(?:a|b)?c|x\b(?:a|b)|health/i)).toEqual([]);
  });
});

describe('KeywordGate', () => {
  const patterns = [/\b(?:law|legal|order)/i, /\b(?:the uk|u\.s\.|eu\b)/i, /\bsub-?proc/i, /^(?:each|all)\b|\b(?:not|never) records?\b/i, /\s+(?:(?:the\s+)?uk|record)s?\b/, /\b(?:a|the)\s+law/i, /\bhealth|medical/i, /\b(?:a|the)\s*law/i, /\bnot\s?record/i];

  it('never hides a text its pattern matches, on random strings', () => {
    const gate = new KeywordGate();
    const bits = patterns.map((re) => gate.bitOf(re));
    expect(bits[6]).toBe(0);
    const alphabet = ['law', 'LEGAL', 'Order', 'the', ' ', 'UK', 'u.s.', 'EU', 'sub', '-', 'proc', 'each', 'all', 'not', 'never', 'record', 's', '_', '1', 'x', 'é', '.', 'K'];
    let matched = 0;
    for (const v of randomStrings(alphabet, 4000, 8, 7)) {
      const found = gate.scan(v);
      patterns.forEach((re, k) => {
        if (!re.test(v)) return;
        matched++;
        if (bits[k] !== 0) expect({ v, re: re.source, gated: (found & bits[k]) !== 0 }).toEqual({ v, re: re.source, gated: true });
      });
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('says a pattern matches only when it does (complete words), on random strings', () => {
    const gate = new KeywordGate();
    const sure = [/\b(?:law|legal|order)/i, /\b(?:never|not) record|\bsub-?proc/i, /\bthe uk|\b(?:eu|u\.s\.)\b/i];
    const bits = sure.map((re) => gate.bitOf(re));
    const alphabet = ['law', 'LEGAL', 'Order', 'the', ' ', 'UK', 'u.s.', 'EU', 'sub', '-', 'proc', 'not', 'never', 'record', 's', '_', '1', 'x', 'é', '.', 'K'];
    let certain = 0;
    for (const v of randomStrings(alphabet, 4000, 8, 11)) {
      const found = gate.scan(v);
      sure.forEach((re, k) => {
        if ((gate.sure & bits[k]) === 0) return;
        certain++;
        expect({ v, re: re.source, gated: (found & bits[k]) !== 0, matches: re.test(v) }).toEqual({ v, re: re.source, gated: true, matches: true });
      });
    }
    expect(certain).toBeGreaterThan(300);
    expect([gate.scan('under (LAW) only') & bits[0], gate.sure]).toEqual([bits[0], bits[0]]);
    gate.scan('a sub-processor and the U.S.');
    expect(gate.sure).toBe(0);
  });

  it('finds a global pattern\'s matches from the first word start holding one of its runs, as from its lastIndex', () => {
    const global = [/\b(?:law|legal|order)s?\b/gi, /\b(?:a|the)\s+law/gi, /\bnot\s?record|\bsub-?proc/gi, /\b(?:each|all)\b|\b(?<=\bnot\s+)records?/gi, /\s+(?:the\s+)?uk/gi];
    expect(global.map((re) => (keywordBit(re) !== 0 ? startsAtWord(re) : undefined))).toEqual([true, true, true, true, false]);
    const alphabet = ['law', 'LEGAL', 'Order', 'the', ' ', 'UK', 'a', 'sub', '-', 'proc', 'each', 'all', 'not', 'record', 's', '_', '1', 'x', 'é', '.', 'K'];
    let moved = 0;
    for (const v of randomStrings(alphabet, 3000, 10, 5)) {
      for (const re of global) {
        const all = (from: number) => {
          re.lastIndex = from;
          const out: number[] = [];
          for (let m = re.exec(v); m; m = re.exec(v)) out.push(m.index, m[0].length);
          return out;
        };
        // From the start and from a later position, as a caller resuming a scan would.
        for (const from of [0, Math.floor(v.length / 2)]) {
          const truth = all(from);
          re.lastIndex = from;
          const may = mayMatch(re, v);
          if (re.lastIndex > from) moved++;
          const gated = may ? all(re.lastIndex) : [];
          expect({ v, re: re.source, from, gated }).toEqual({ v, re: re.source, from, gated: truth });
        }
      }
    }
    expect(moved).toBeGreaterThan(500);
  });

  it('leaves out texts without the words at a word start', () => {
    const gate = new KeywordGate();
    const bit = gate.bitOf(/\b(?:law|legal)/i);
    expect(gate.scan('the outlaw and the paralegal')).toBe(0);
    expect(gate.scan('under_law or 2legal')).toBe(0);
    expect(gate.scan('under (LAW) only') & bit).toBe(bit);
    // A run the pattern follows with \s or \b must end a word.
    const article = gate.bitOf(/\b(?:a|the)\s+transfer/i);
    expect(gate.scan('another theme') & article).toBe(0);
    expect(gate.scan('an A') & article).toBe(article);
    expect(gate.scan('the_x or the') & article).toBe(article);
  });
});

describe('ownerBits', () => {
  it('scans each text of an owner: another text of the same owner is not answered from the first one\'s scan', () => {
    const re = /\bsubprocessors?\b/i;
    const bit = keywordBit(re);
    expect(bit).not.toBe(0);
    const owner = {};
    expect(ownerBits('we list nothing here', owner, bit).bits & bit).toBe(0);
    expect(ownerBits('we list our subprocessors here', owner, bit).bits & bit).toBe(bit);
    // And the same text again is the kept scan.
    const kept = ownerBits('we list our subprocessors here', owner, bit);
    expect(ownerBits('we list our subprocessors here', owner, bit)).toBe(kept);
  });
});

describe('KeywordGate bits of copies of one pattern', () => {
  // A reader that writes its prefilter as a literal inside a function hands the gate a new RegExp per call. Each copy took
  // a bit of its own on the old code, so after 31 calls every pattern seen later got none (and ran on every sentence).
  it('gives every copy of a pattern its one bit, leaving bits for the patterns that come later', () => {
    const gate = new KeywordGate();
    const copies = Array.from({ length: 40 }, () => new RegExp(String.raw`\b(?:object|opt)`, 'i'));
    const bits = copies.map((re) => gate.bitOf(re));
    expect(new Set(bits)).toEqual(new Set([bits[0]]));
    expect(bits[0]).not.toBe(0);
    const later = gate.bitOf(/\b(?:law|legal)/i);
    expect(later).not.toBe(0);
    expect(later).not.toBe(bits[0]);
  });

  it('keeps patterns with the same source but other flags apart (their words are read by flags too)', () => {
    const gate = new KeywordGate();
    const insensitive = gate.bitOf(/\blaw/i);
    // `u` is a flag the gate does not read: no bit, whatever the same source got.
    expect(gate.bitOf(/\blaw/iu)).toBe(0);
    expect(gate.bitOf(new RegExp(String.raw`\blaw`, 'i'))).toBe(insensitive);
  });
});
