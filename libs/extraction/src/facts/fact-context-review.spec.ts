import type { Evidence } from '@custody/domain';
import { extractDocument, extractFacts } from '../index.js';
import { decide, found, withReview } from './fact-context.js';

const at = (start: number): Evidence => ({ quote: `clause ${start}`, start, end: start + 8 });

describe('review candidates: kept when they say something new', () => {
  it('a review reading of another value on the answer\'s own quote is kept, with its reason', () => {
    const f = decide('law_enforcement_disclosure', [
      { value: 'any_legal_request', evidence: at(0), confidence: 0.8 },
      { value: 'legal_process_with_notice', evidence: at(0), confidence: 0.5, review: 'notice only where the law requires or allows it' },
    ], ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
    expect(f.value).toBe('any_legal_request');
    expect(f.review).toEqual([{ value: 'legal_process_with_notice', evidence: [at(0)], reason: 'notice only where the law requires or allows it' }]);
  });
  it('a firm reading of the answer\'s own clause that precedence settled is not put to review', () => {
    const f = decide('law_enforcement_disclosure', [
      { value: 'legal_process_with_notice', evidence: at(0), confidence: 0.8 },
      { value: 'any_legal_request', evidence: at(0), confidence: 0.8 },
      { value: 'any_legal_request', evidence: at(30), confidence: 0.8 },
    ], ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
    expect(f.review?.map((r) => r.evidence[0].start)).toEqual([30]);
  });
  it('a clause read two ways on one quote, with no answer, keeps both readings', () => {
    const f = decide('law_enforcement_disclosure', [
      { value: 'any_legal_request', evidence: at(5), confidence: 0.5, review: 'conditional' },
      { value: 'legal_process_with_notice', evidence: at(5), confidence: 0.5, review: 'discretionary' },
    ], ['judicial_process_only', 'legal_process_with_notice', 'any_legal_request']);
    expect(f.value).toBe('unspecified');
    expect(f.review?.map((r) => r.value)).toEqual(['any_legal_request', 'legal_process_with_notice']);
  });
  it('drops a candidate repeating the answer\'s value, or the value and quote of one already kept', () => {
    const f = withReview(found<'law_enforcement_disclosure'>('any_legal_request', [at(0)], 0.8), [
      { value: 'any_legal_request', evidence: at(9), reason: 'same value elsewhere' },
      { value: 'legal_process_with_notice', evidence: at(9), reason: 'first' },
      { value: 'legal_process_with_notice', evidence: at(9), reason: 'again' },
      { value: 'legal_process_with_notice', evidence: at(20), reason: 'another clause' },
    ]);
    expect(f.review?.map((r) => r.reason)).toEqual(['first', 'another clause']);
  });
  it('end to end: a notice "where the law requires" stays for review beside the any_legal_request answer', () => {
    const text = 'Acme may disclose personal data in response to a subpoena and will notify the Customer of the subpoena where the law requires.';
    const f = extractFacts(text).facts.law_enforcement_disclosure;
    expect(f.value).toBe('any_legal_request');
    expect(f.review).toEqual([{ value: 'legal_process_with_notice', evidence: f.evidence, reason: 'notice only where the law requires or allows it' }]);
  });
  it('a Markdown file: the quote the answer and its review candidate share stays verbatim in the file, moved once', async () => {
    const text = '# Terms\n\n**Acme** may disclose personal data in response to a [subpoena](https://acme.example/law) and will notify the Customer of the subpoena where the law requires.\n';
    const f = (await extractDocument(new TextEncoder().encode(text), 'terms.md')).facts.law_enforcement_disclosure;
    expect(f.value).toBe('any_legal_request');
    for (const e of [...f.evidence, ...(f.review ?? []).flatMap((r) => r.evidence)]) {
      expect(e.quote.startsWith('**Acme** may disclose personal data')).toBe(true);
      expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(f.review?.map((r) => r.value)).toEqual(['legal_process_with_notice']);
  });
});
