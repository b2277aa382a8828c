import { jest } from '@jest/globals';
import { extractFacts } from '../extract-facts.js';

// The sub-processor reader keeps per-document state (vendor names, heading answers, run-in title blocks, a memo per
// sentence index): none of it may carry into the next document. Sentence indexes repeat across documents, so a memo
// keyed by index that outlived its document would answer the next document's sentences with the previous one's
// (a module-level `nounMemo` reads names in the second and third cases below that they do not give on their own).
const NOUNS = ['Privacy Policy', ...Array.from({ length: 8 }, (_, i) => `Our service providers process data for purpose number ${i + 1}.`)].join('\n\n');
const CASES = [
  'Privacy Policy\n\nWe share your email address with Acme Mail, Inc. to send newsletters.',
  'Privacy Policy\n\nNewsletters are sent monthly.\n\nWe share your email address with Acme Mail, Inc. and Zeta Post LLC, which process it to send newsletters.',
  'Privacy Policy\n\nWe send newsletters.\n\nAcme Mail, Inc. processes your email address to deliver them.',
  'Privacy Policy\n\nService Providers\n\nWe share personal information with service providers who host our servers, such as Amazon Web Services and Mailgun.',
];
const names = (read: typeof extractFacts, text: string) => read(text, { uncalibrated: true }).facts.subprocessors_named;

/** Each case read by a fresh copy of the extraction modules, so nothing was read before it. */
async function alone(text: string) {
  let out: ReturnType<typeof names> | undefined;
  await jest.isolateModulesAsync(async () => {
    const m = await import('../extract-facts.js');
    out = names(m.extractFacts, text);
  });
  return out!;
}

describe('sub-processor reading across documents', () => {
  it('reads a document the same whatever was read before it', async () => {
    const expected = [];
    for (const c of CASES) expected.push(await alone(c));
    names(extractFacts, NOUNS);
    expect(CASES.map((c) => names(extractFacts, c))).toEqual(expected);
  });
});
