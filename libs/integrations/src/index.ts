/**
 * @custody/integrations — reads integration configs and AI-notetaker fleet exports into systems and
 * PHI flows (`ParseResult` from @custody/domain), with every secret redacted before anything is returned.
 */
import { InvalidInputError, type ParseResult } from '@custody/domain';
import { detectFormatText } from './detect.js';
import { parseFleetText } from './parsers/fleet.parser.js';
import { redactWithSpans } from './redact/redact.js';
import { decodeInput } from './safe/text.js';
import { DEFAULT_MAX_BYTES, type ParseOptions } from './types.js';

export { detectFormat, FORMATS, type ConfigFormat } from './detect.js';
export { parseConfig } from './parse-config.js';
export { lookupVendor, hostOf, type VendorMatch } from './catalogue/lookup.js';
export { VENDORS } from './catalogue/vendors.js';
export { loadVendorCatalogue } from './catalogue/load-catalogue.js';
export { redactSecrets, REDACTED } from './redact/redact.js';
export { binaryContainer, decodeText, type DecodedText, type TextEncodingName } from './safe/decode.js';
export { SAFE_HARBOR, safeHarborIdentifier } from './data/safe-harbor.js';
export { categoriesFromText } from './data/categories.js';
export { DEFAULT_MAX_BYTES, type ParseOptions, type VendorEntry } from './types.js';
export { LineIndex } from './safe/text.js';

/**
 * Parses an AI-notetaker fleet export (CSV with a header row, or JSON array of installs) into one
 * `ai_notetaker` system per install (grouped by vendor and site, settings typed), a flow
 * practice → install of session recordings and transcripts, and flows install → each subprocessor.
 * Throws `InvalidInputError` when the content is not a fleet export or is malformed.
 */
export function parseFleet(bytes: Uint8Array, fileName?: string, options: ParseOptions = {}): ParseResult {
  const { text, binary } = decodeInput(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (binary) throw new InvalidInputError('fleet export is binary, expected CSV or JSON');
  const format = detectFormatText(text);
  if (format !== 'fleet-csv' && format !== 'fleet-json') {
    throw new InvalidInputError(`not a fleet export (detected ${format}): expected columns install_id, clinician, site, vendor, version and notetaker settings`);
  }
  const { text: redacted, redactions } = redactWithSpans(text);
  const result = parseFleetText(redacted, format, { ...options, fileName: fileName ?? options.fileName });
  result.redactions = redactions;
  return result;
}
