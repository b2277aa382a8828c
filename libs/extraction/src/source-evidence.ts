import type { Evidence, ExtractionResult } from '@custody/domain';
import { toSourceRange } from './loaders/source-map.js';
import type { LoadedDocument } from './types.js';

/**
 * Moves every evidence quote of a result from the normalised text to the source the user has (the file's
 * text for Markdown and plain text): offsets into the file and the file's own characters, markup included.
 * A no-op for formats whose source is the loaded text (HTML, DOCX, PDF).
 */
export function quoteFromSource(result: ExtractionResult, doc: LoadedDocument): void {
  if (doc.source === undefined || doc.sourceIndex === undefined) return;
  const { source, sourceIndex } = doc;
  // A quote can be one object cited twice (a clause that is the answer and also reads another way for review):
  // moved twice it would land on source text the first move already shifted to.
  const moved = new Set<Evidence>();
  const move = (e: Evidence): void => {
    if (e.start === undefined || e.end === undefined || moved.has(e)) return;
    moved.add(e);
    const r = balance(source, toSourceRange(sourceIndex, e.start, e.end));
    e.start = r.start;
    e.end = r.end;
    e.quote = source.slice(r.start, r.end);
  };
  for (const e of evidenceOf(result)) move(e);
}

/** Every quote a result gives: its facts', their review candidates' and the document's own (the expiry clause). */
function evidenceOf(result: ExtractionResult): Evidence[] {
  const all = Object.values(result.facts).flatMap((fact) => [...fact.evidence, ...(fact.review ?? []).flatMap((r) => r.evidence)]);
  return result.document.expiresEvidence ? [...all, result.document.expiresEvidence] : all;
}

const PAIRS: [string, string][] = [
  ['**', '**'],
  ['__', '__'],
  ['`', '`'],
];

/**
 * Widens a source range by a few characters so that Markdown markup cut in half is whole again ("**We**
 * share" rather than "We** share", "[Acme](https://acme.example)" rather than "[Acme"). The range only grows
 * over markup that sits right at its edges, so the quote stays a verbatim substring.
 */
function balance(source: string, r: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = r;
  for (const [open, close] of PAIRS) {
    const q = source.slice(start, end);
    const count = q.split(open).length - 1;
    if (count % 2 === 0) continue;
    if (source.startsWith(open, start - open.length) && !q.startsWith(open)) start -= open.length;
    else if (source.startsWith(close, end)) end += close.length;
  }
  // A link cut at its end ("[Acme" of "[Acme](https://acme.example)"): take the rest of it, target included.
  let q = source.slice(start, end);
  const lastOpen = q.lastIndexOf('[');
  if (lastOpen >= 0 && q.indexOf(']', lastOpen) < 0) {
    const m = /^[^\]\n]{0,200}\]\([^)\s]{0,300}\)/.exec(source.slice(end, end + 520));
    if (m) end += m[0].length;
  }
  // A link cut at its start ("Acme](https://acme.example)"): take its opening bracket.
  q = source.slice(start, end);
  const firstClose = q.indexOf(']');
  const firstOpen = q.indexOf('[');
  if (source[start - 1] === '[' && firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) start -= 1;
  return { start, end };
}
