import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Rejects DTDs and entity declarations before any XML parser sees the text: no external entities
 * (XXE) and no entity expansion (billion laughs). An HTML5 `<!DOCTYPE html>` is the only doctype allowed.
 */
export function assertNoDtd(text: string): void {
  if (/<!ENTITY/i.test(text)) {
    throw new InvalidInputError('XML entity declarations are not accepted (external entity / entity expansion risk)');
  }
  const dt = /<!DOCTYPE([^>[]*)(\[)?/i.exec(text);
  if (dt && (dt[2] || !/^\s*html\s*$/i.test(dt[1]))) {
    throw new InvalidInputError('XML DOCTYPE declarations are not accepted (external entity / entity expansion risk)');
  }
}

/**
 * Parses XML safely: DTDs rejected, entities left unexpanded (the five predefined ones and numeric
 * references are decoded by callers via `decodeXmlEntities`), attributes kept under `@_`.
 */
export function parseXml(text: string): Record<string, unknown> {
  assertNoDtd(text);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new InvalidInputError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`, { line: valid.err.line });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    allowBooleanAttributes: true,
  });
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    // fast-xml-parser's own nesting guard: a budget, not a bug.
    if (/nested tags exceeded/i.test((err as Error)?.message ?? '')) throw new BudgetExceededError('too_complex', 'XML nested too deeply');
    throw err;
  }
}

/** Normalises fast-xml-parser's "one child or array of children" into an array. */
export function asArray<T = unknown>(v: unknown): T[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

/** Text content of an element as parsed (string, or `#text` of an element with attributes). */
export function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && '#text' in (v as object)) return String((v as Record<string, unknown>)['#text']);
  return '';
}
