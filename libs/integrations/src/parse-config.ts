import { BudgetExceededError, InvalidInputError, safeErrorText, type ParseResult } from '@custody/domain';
import { ParseContext } from './builder.js';
import { detectFormatText, type ConfigFormat } from './detect.js';
import { parseFhir } from './parsers/fhir.parser.js';
import { parseFleetText } from './parsers/fleet.parser.js';
import { parseGeneric } from './parsers/generic.parser.js';
import { parseGtm } from './parsers/gtm.parser.js';
import { parseHtmlTracking } from './parsers/html-tracking.parser.js';
import { parseMirth } from './parsers/mirth.parser.js';
import { parseN8n } from './parsers/n8n.parser.js';
import { parseNodeRed } from './parsers/node-red.parser.js';
import { parseOpenHim } from './parsers/openhim.parser.js';
import { parseProperties } from './parsers/properties.parser.js';
import { parseTerraform } from './parsers/terraform.parser.js';
import { REDACTED, redactWithSpans, type SecretSpan } from './redact/redact.js';
import { assertNoDtd } from './safe/xml.js';
import { decodeInput } from './safe/text.js';
import { DEFAULT_MAX_BYTES, type FormatParser, type ParseOptions } from './types.js';

const PARSERS: Partial<Record<ConfigFormat, FormatParser>> = {
  'mirth-channel': parseMirth,
  fhir: parseFhir,
  openhim: parseOpenHim,
  properties: parseProperties,
  n8n: parseN8n,
  'node-red': parseNodeRed,
  terraform: parseTerraform,
  gtm: parseGtm,
  'html-tracking': parseHtmlTracking,
  'generic-json': parseGeneric,
  'generic-yaml': parseGeneric,
  'generic-ini': parseGeneric,
  'generic-xml': parseGeneric,
  'generic-csv': parseGeneric,
};

/**
 * Last line of defence: any secret value long enough to be recognisable is masked wherever it might
 * still appear in the result (a parser could have copied it from a structure the text scan missed).
 */
function scrub(result: ParseResult, original: string, spans: SecretSpan[]): void {
  const values = [...new Set(spans.map((s) => original.slice(s.start, s.end)).filter((v) => !v.includes('\n') && (v.length >= 10 || (v.length >= 6 && /[^A-Za-z]/.test(v)))))];
  if (!values.length) return;
  const fix = (s: string) => values.reduce((acc, v) => (acc.includes(v) ? acc.split(v).join(REDACTED) : acc), s);
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 64) return v;
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = walk((v as Record<string, unknown>)[k], depth + 1);
    }
    return v;
  };
  walk(result, 0);
}

/**
 * Parses one integration config into systems, PHI flows, consents and redactions.
 *
 * Secrets are redacted from the text before any parser reads it, so nothing returned (names,
 * endpoints, evidence quotes) can contain one. Throws `InvalidInputError` for hostile or malformed
 * input (over the size limit, XML DTD/entities, YAML alias bombs or custom tags, prototype-polluting
 * keys, syntax errors). Parts that cannot be interpreted are returned in `unparsed`.
 */
export function parseConfig(bytes: Uint8Array, fileName?: string, options: ParseOptions = {}): ParseResult {
  const { text, binary } = decodeInput(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  const nothing = (reason: string): ParseResult => ({ format: 'unknown', systems: [], flows: [], redactions: [], unparsed: [{ reason }] });
  if (binary) return nothing('binary content: not a text config');
  // Said as it is: "unrecognised format" sends the user looking for a format problem in a file with nothing in it.
  if (text.trim() === '') return nothing('empty file: nothing to read');
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) assertNoDtd(text);
  const format = detectFormatText(text);
  const { text: redacted, redactions, spans } = redactWithSpans(text);
  let result: ParseResult;
  if (format === 'fleet-csv' || format === 'fleet-json') {
    result = parseFleetText(redacted, format, { ...options, fileName: fileName ?? options.fileName });
    result.redactions = [...redactions, ...result.redactions];
  } else {
    const parser = PARSERS[format];
    const ctx = new ParseContext(redacted, format, redactions, fileName ?? options.fileName, options.vendors);
    if (!parser) {
      ctx.skip('unrecognised format: the file is kept and reported, no flows could be read from it');
      result = ctx.result();
    } else {
      try {
        result = parser(ctx);
      } catch (err) {
        // Hostile input and budgets (too_complex, too_large) are the document's outcome, not a parser bug.
        if (err instanceof InvalidInputError || err instanceof BudgetExceededError) throw err;
        if (err instanceof RangeError) throw new BudgetExceededError('too_complex', `input too deeply nested or too large to parse (${format})`);
        // A parser bug must not take the service down: the file is reported, with the reason.
        ctx.skip(`parser error (${format}): ${safeErrorText(err)}`);
        result = ctx.result();
      }
    }
  }
  scrub(result, text, spans);
  return result;
}
