import { FACT_NAMES, InvalidInputError, isValidFactValue } from '@custody/domain';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MIN_CONFIDENCE, extractDocument, extractFacts } from './index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/contracts');

describe('extractFacts', () => {
  it('returns all 12 facts with valid values, rules@1, and verbatim evidence', () => {
    const text = readFileSync(join(fixtures, 'quillnote-baa.md'), 'utf8');
    const r = extractFacts(text);
    expect(Object.keys(r.facts).sort()).toEqual([...FACT_NAMES].sort());
    for (const name of FACT_NAMES) {
      const f = r.facts[name];
      expect(isValidFactValue(name, f.value)).toBe(true);
      expect(f.extractor).toBe('rules@1');
      for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(r.document).toMatchObject({ kind: 'baa', vendor: 'Quillnote Health, Inc.', effective: '2025-03-01', textLength: text.length });
  });
  it('says nothing about a silent document', () => {
    const r = extractFacts('Thank you for visiting our website. We hope you enjoy it.');
    for (const name of FACT_NAMES) expect(r.facts[name].evidence).toEqual([]);
    expect(r.facts.law_enforcement_disclosure.value).toBe('unspecified');
    expect(r.document.kind).toBe('other');
  });
  // Throughput is measured by `npm run bench:extraction` (MB/s per core over the 740 OTA documents), not here.
  it('reads a 40-page BAA (the same BAA repeated) to the same facts as one copy', () => {
    const one = readFileSync(join(fixtures, 'harborline-ehr-baa.txt'), 'utf8');
    const values = (text: string) => Object.fromEntries(FACT_NAMES.map((n) => [n, extractFacts(text).facts[n].value]));
    expect(values(one.repeat(40))).toEqual(values(one));
  });
});

describe('extractDocument', () => {
  it('loads HTML, drops the cookie banner, records the file name', async () => {
    const r = await extractDocument(readFileSync(join(fixtures, 'pinecrest-sms-privacy.html')), 'pinecrest.html');
    expect(r.document.file).toBe('pinecrest.html');
    expect(r.document.kind).toBe('privacy_policy');
    expect(r.facts.data_sale_or_marketing.value).toBe('prohibited');
    expect(r.facts.law_enforcement_disclosure.value).toBe('legal_process_with_notice');
  });
  it('reports unreadable input as InvalidInputError', async () => {
    await expect(extractDocument(new Uint8Array(0), 'empty.pdf')).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('confidence threshold', () => {
  const text = 'We may disclose your personal information if required by law.';
  it('asserts at the default threshold and abstains above the fact\'s confidence, keeping the quote for review', () => {
    const firm = extractFacts(text).facts.law_enforcement_disclosure;
    expect(firm.value).toBe('any_legal_request');
    expect(firm.confidence).toBeGreaterThanOrEqual(DEFAULT_MIN_CONFIDENCE);
    const strict = extractFacts(text, { minConfidence: 0.99 }).facts.law_enforcement_disclosure;
    expect(strict.value).toBe('unspecified');
    expect(strict.evidence).toEqual([]);
    expect(strict.review?.[0]).toMatchObject({ value: 'any_legal_request', evidence: [firm.evidence[0]] });
  });
});
