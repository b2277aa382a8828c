/**
 * How a labelled set's files are picked from the OTA index by its selection rule: reproducible from the committed rule
 * and the index alone, so check-labels can verify a set's files and a later set excludes an earlier set's picks before
 * their labels exist. Importers of extraction-corpora.ts still find it there.
 */
import { createHash } from 'node:crypto';
import type { RuleKind } from './fresh-rules.js';
import { FRESH_RULE } from './fresh-rules.js';
import type { FreshSet } from './fresh-sets.js';

/** The files a set's rule picks, given every file labelled before it. */
export function pickOf(rule: FreshSet['rule'], index: IndexDoc[], labelled: string[]): string[] {
  return rule === 'fresh' ? freshSelection(index, labelled) : saltedSelection(index, labelled, rule);
}

export type IndexDoc = { path: string; sha256: string; chars?: number };
const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');
const serviceOf = (file: string) => file.split('/')[0];
/** The OTA document type of a path: its file name under the service folder ("Privacy Policy.md"). */
const typeOf = (file: string) => file.slice(file.indexOf('/') + 1);

/** The documents {@link FRESH_RULE} selects from the OTA index, given the files labels.json already labels. */
export function freshSelection(index: IndexDoc[], labelled: string[]): string[] {
  const labelledServices = new Set(labelled.map(serviceOf));
  const out: string[] = [];
  for (const rule of FRESH_RULE) {
    const seenTexts = new Set<string>();
    const candidates = index
      .filter((d) => rule.types.includes(d.path.slice(d.path.indexOf('/') + 1)) && !labelledServices.has(serviceOf(d.path)))
      .sort((a, b) => (sha256hex(a.path) < sha256hex(b.path) ? -1 : 1));
    for (const d of candidates) {
      if (seenTexts.has(d.sha256)) continue;
      seenTexts.add(d.sha256);
      out.push(d.path);
      if (seenTexts.size === rule.count) break;
    }
  }
  return out;
}

/**
 * The documents a salted rule ({@link FRESH2_RULE} … {@link FRESH25_RULE}) selects, given every file already
 * labelled: their services are excluded (for a kind with `excludes: 'same kind'`, only the services with a labelled
 * document of the kind), and so is any text equal to a labelled one. Throws when a kind has
 * fewer candidates than its count, so a changed index cannot silently shrink the set.
 */
export function saltedSelection(index: IndexDoc[], labelled: string[], rule: { salt: string; maxChars: number; kinds: RuleKind[] }): string[] {
  const labelledFiles = new Set(labelled);
  const labelledServices = new Set(labelled.map(serviceOf));
  const seenTexts = new Set(index.filter((d) => labelledFiles.has(d.path)).map((d) => d.sha256));
  const out: string[] = [];
  for (const kind of rule.kinds) {
    const excluded = kind.excludes === 'same kind' ? new Set(labelled.filter((f) => kind.types.includes(typeOf(f))).map(serviceOf)) : labelledServices;
    const candidates = index
      .filter((d) => kind.types.includes(typeOf(d.path)) && !excluded.has(serviceOf(d.path)) && (d.chars ?? 0) <= rule.maxChars)
      .map((d) => ({ d, key: sha256hex(rule.salt + d.path) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    let taken = 0;
    for (const { d } of candidates) {
      if (taken === kind.count) break;
      if (seenTexts.has(d.sha256)) continue;
      seenTexts.add(d.sha256);
      out.push(d.path);
      taken++;
    }
    if (taken < kind.count) throw new Error(`${rule.salt} rule: only ${taken} of ${kind.count} ${kind.kind} documents available`);
  }
  return out;
}
