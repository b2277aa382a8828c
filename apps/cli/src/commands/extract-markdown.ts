import { basename } from 'node:path';
import { FACT_NAMES, type DocumentKind, type ExtractionResult } from '@custody/domain';
import { FACT_LABEL, factText, md } from '@custody/reports';

const KIND_WORDS: Record<DocumentKind, string> = {
  baa: 'Business Associate Agreement', privacy_policy: 'privacy policy', terms: 'terms of service',
  dpa: 'data processing agreement', contract: 'contract', other: 'document',
};

/**
 * `custody extract --format md`: the facts for a person, each asked as the report asks it and answered in words
 * (the same labels as the report's contract table). The fact's JSON name stays beside it in code type, so a
 * reader can find it in the `--format json` output and the API, whose names and values are the contract; the raw
 * value is not repeated, since the words say it.
 */
export function extractMarkdown(file: string, result: ExtractionResult): string {
  const { kind, vendor } = result.document;
  // Text read from the document (its name, vendor, values and quotes) escaped as the report escapes it: a quote with
  // `<b>` or `*` prints literally rather than as markup.
  const lines = [`# ${md(basename(file))} — ${KIND_WORDS[kind] ?? kind}${vendor ? ` (${md(vendor)})` : ''}`, ''];
  for (const name of FACT_NAMES) {
    const f = result.facts[name];
    lines.push(`- **${FACT_LABEL[name]}**: ${md(factText(f))} · confidence ${f.confidence.toFixed(2)} · \`${name}\``);
    // Two evidence entries can quote one sentence (it proves the value twice); a reader needs it once.
    const quotes = [...new Map(f.evidence.map((e) => [`${e.start}:${e.end}`, e])).values()];
    for (const e of quotes.slice(0, 2)) lines.push(`  > ${md(e.quote.replace(/\s+/g, ' '))} [${e.start}–${e.end}]`);
  }
  return lines.join('\n');
}
