/**
 * How a prediction is scored against a hand label (scalars by value, sub-processors by normalised name), and the source
 * text that evidence is checked against. The bench's measure, kept apart from the loading of the corpora
 * (extraction-corpora.ts) so it reads on its own; importers of extraction-corpora.ts still find it there.
 */
import type { FactName } from '@custody/domain';
import { FACT_VALUES } from '@custody/domain';

/** Whether a value is the fact's "the text does not say" value. */
export function isUnspecified(name: FactName, v: unknown): boolean {
  const spec = FACT_VALUES[name];
  if (spec === 'number') return v === null || v === undefined;
  if (spec === 'list') return !Array.isArray(v) || v.length === 0;
  return v === 'unspecified' || v === undefined;
}

const LEGAL_SUFFIX = /[,\s]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|sarl|s\.a\.r\.l|s\.a|s\.l|s\.a\.s|sas|b\.v|bv|n\.v|nv|ag|se|corp|corporation|pbc|plc|llp|l\.p|lp|pty|co|company|ab|as|a\/s|oy|spa|s\.p\.a|srl|s\.r\.l|kk|k\.k)\.?$/i;

/**
 * A sub-processor name as the OTA README says to match it: case-insensitive, without ®, ™ or soft hyphens,
 * ignoring punctuation and legal suffixes (", Inc.", " Ltd").
 */
export function normaliseName(s: string): string {
  let n = s.replace(/[®™\u00ad]/g, '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) n = n.replace(LEGAL_SUFFIX, '').trim();
  return n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Scores one fact of one document. Scalars: a prediction equal to the label is a TP; a different prediction
 * is a FP (and a FN when the label is specified); a missing prediction for a specified label is a FN.
 * Lists: per-name set matching with {@link normaliseName}.
 */
export function scoreFact(name: FactName, label: unknown, pred: unknown): Counts {
  if (FACT_VALUES[name] === 'list') {
    const l = new Set(((label as string[]) ?? []).map(normaliseName));
    const p = new Set(((pred as string[]) ?? []).map(normaliseName));
    let tp = 0;
    for (const x of p) if (l.has(x)) tp++;
    return { tp, fp: p.size - tp, fn: l.size - tp };
  }
  const lu = isUnspecified(name, label);
  const pu = isUnspecified(name, pred);
  if (pu) return { tp: 0, fp: 0, fn: lu ? 0 : 1 };
  if (pred === label) return { tp: 1, fp: 0, fn: 0 };
  return { tp: 0, fp: 1, fn: lu ? 0 : 1 };
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/**
 * The source as the user has it, against which evidence is checked: the file's text for Markdown and plain
 * text (decoded as the loader decodes it), the visible text for HTML and DOCX, the page text for PDF (both
 * are the loader's text).
 */
export function sourceOf(bytes: Uint8Array, format: string, loadedText: string): string {
  if (format === 'markdown' || format === 'text') {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
  return loadedText;
}
