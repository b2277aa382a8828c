/**
 * Evidence validity for the extraction bench: whether each quote the extractor gives (facts and review candidates)
 * is verbatim at its offsets in the source the user has. One rule for the labelled corpora (extraction-scoring.ts)
 * and the run over every OTA document (extraction-robustness.ts), so both count the same quotes the same way.
 */
import type { Evidence, ExtractionResult } from '@custody/domain';
import { FACT_NAMES } from '@custody/domain';

export interface EvidenceCheck {
  quotes: number;
  atOffsets: number;
  anywhere: number;
  validity: number;
  /** A few quotes that are not at their offsets (file and quote head), to find the loader at fault. */
  invalid: string[];
}

/** Quotes of a result (facts, their review candidates and the expiry clause) checked against the source. */
export function checkEvidence(result: ExtractionResult, source: string, file: string, into: EvidenceCheck): void {
  const quoted: [string, Evidence[]][] = FACT_NAMES.map((f) => {
    const fact = result.facts[f] as { evidence: Evidence[]; review?: { evidence: Evidence[] }[] };
    return [f, [...fact.evidence, ...(fact.review ?? []).flatMap((r) => r.evidence)]];
  });
  // The expiry clause an expired-BAA finding quotes is evidence like a fact's.
  const expiry = result.document?.expiresEvidence;
  if (expiry) quoted.push(['expires', [expiry]]);
  for (const [f, all] of quoted) {
    for (const e of all) {
      into.quotes++;
      const ok = e.start !== undefined && e.end !== undefined && source.slice(e.start, e.end) === e.quote;
      if (ok) into.atOffsets++;
      if (source.includes(e.quote)) into.anywhere++;
      if (!ok && into.invalid.length < 5) into.invalid.push(`${file} ${f}: ${JSON.stringify(e.quote.slice(0, 60))}`);
    }
  }
}

export const newEvidence = (): EvidenceCheck => ({ quotes: 0, atOffsets: 0, anywhere: 0, validity: 1, invalid: [] });
/** The counts with their validity (share of quotes at their offsets; 1 when there is no quote). */
export const finishEvidence = (e: EvidenceCheck): EvidenceCheck => ({ ...e, validity: e.quotes === 0 ? 1 : e.atOffsets / e.quotes });
