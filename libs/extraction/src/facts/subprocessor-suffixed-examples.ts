import { HAS_SUFFIX, SUFFIX_NAME } from './subprocessor-names.js';

// Examples opened in a parenthesis: "(e.g., ", "(such as ", "(for example, ", "(including ".
export const EXAMPLES_IN_PARENTHESIS = /\(\s*(?:e\.g\.|such\s+as|for\s+example|including|includes?)[,\s]*$/i;

/**
 * The names with a legal suffix from `from` to the end of its clause (the next semicolon or the sentence's end), or, when
 * the examples opened a parenthesis ("(e.g., …"), to where it closes: what follows it is the clause's own words
 * ("(e.g., Paystride (USA)), all certified to the standards of PCI Security Standards Council, LLC").
 */
export function suffixedNamesIn(v: string, from: number, inParenthesis: boolean, add: (name: string, at: number) => void): void {
  const semi = v.indexOf(';', from);
  let end = semi < 0 ? v.length : semi;
  if (inParenthesis) {
    for (let i = from, depth = 0; i < end; i++) {
      if (v[i] === '(') depth++;
      else if (v[i] === ')' && --depth < 0) end = i;
    }
  }
  const rest = v.slice(from, end);
  if (!HAS_SUFFIX.test(rest)) return;
  SUFFIX_NAME.lastIndex = 0;
  for (let m = SUFFIX_NAME.exec(rest); m; m = SUFFIX_NAME.exec(rest)) add(m[0], from + m.index);
}
