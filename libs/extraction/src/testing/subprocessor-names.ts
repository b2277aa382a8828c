import { expect } from '@jest/globals';
import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';

/**
 * Sub-processor names of a Markdown text as the readings give them, before calibration (shared by the sub-processor
 * specs; which names a short text would assert is calibration/calibrate.spec.ts's question), with every quote checked
 * verbatim at its offsets.
 */
export function subprocessorNames(md: string): string[] {
  const doc = loadMarkdown(md);
  const r = extractFacts(doc.text, { sections: doc.sections, links: doc.links, uncalibrated: true });
  const f = r.facts.subprocessors_named;
  for (const e of [...f.evidence, ...(f.review ?? []).flatMap((c) => c.evidence)]) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return f.value as string[];
}

/** subprocessorNames, sorted: the specs compare sets of names, not the order they were read in. */
export const sortedSubprocessorNames = (md: string): string[] => subprocessorNames(md).slice().sort();

/** A short privacy notice of the vendor Orbital around `lines` (the vendor named, so its own names are known). */
export const orbitalPage = (...lines: string[]): string => ['# Orbital privacy notice', '', 'Orbital runs orbital.example, a booking site.', '', ...lines, ''].join('\n');
