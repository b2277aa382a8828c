import { decodeInput } from './safe/text.js';

/** Every format `detectFormat` can return. */
export const FORMATS = [
  'mirth-channel', 'fhir', 'openhim', 'properties', 'n8n', 'node-red', 'terraform', 'gtm', 'html-tracking',
  'fleet-csv', 'fleet-json', 'generic-json', 'generic-yaml', 'generic-ini', 'generic-xml', 'generic-csv', 'unknown',
] as const;
export type ConfigFormat = (typeof FORMATS)[number];

const FLEET_COLUMNS = ['install_id', 'vendor'];

/** Quick look at a JSON document's shape without a full parse (parsing happens later, safely). */
function classifyJson(head: string, text: string): ConfigFormat {
  if (/"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(head)) return 'fhir';
  if (/"containerVersion"\s*:/.test(text) && /"tag"s?"?\s*:|"tags"\s*:/.test(text)) return 'gtm';
  if (/"nodes"\s*:\s*\[/.test(text) && /"connections"\s*:\s*\{/.test(text) && /"type"\s*:\s*"(?:n8n-nodes-|@n8n\/)/.test(text)) return 'n8n';
  if (/^\s*\[/.test(head) && /"wires"\s*:\s*\[/.test(text) && /"type"\s*:\s*"(?:tab|http in|inject|function|debug|subflow)"/.test(text)) return 'node-red';
  if (/"Channels"\s*:\s*\[/.test(text) && /"urlPattern"\s*:/.test(text)) return 'openhim';
  if (/"urn"\s*:\s*"urn:mediator:/.test(text) || (/"mediator"\s*:\s*\{/.test(text) && /"apiURL"\s*:/.test(text))) return 'openhim';
  if (/"install_id"\s*:/.test(head) && /"vendor"\s*:/.test(head)) return 'fleet-json';
  return 'generic-json';
}

/**
 * Detects a config's format from its content (never from the file name, which may lie or be absent).
 * Returns one of `FORMATS`; `unknown` for binary or unrecognisable content.
 */
export function detectFormat(bytes: Uint8Array, _fileName?: string): ConfigFormat {
  const { text, binary } = decodeInput(bytes, Number.MAX_SAFE_INTEGER);
  if (binary) return 'unknown';
  return detectFormatText(text);
}

/**
 * How much of a text the line statistics look at. Detection is a guess from the head of a file; reading a
 * bounded sample keeps every pattern below bounded whatever the upload size (see redos.spec.ts).
 */
const SAMPLE_CHARS = 64 * 1024;
/** Longest line the line statistics read; longer lines are cut (a config key never needs more). */
const SAMPLE_LINE = 1024;
const HTML_ROOT = /<(?:!doctype html|html|head|body|script|meta|div)\b/iy;
const TRACKER_WORDS = /gtag|fbq|googletagmanager|_paq|analytics/i;

/** `detectFormat` on already decoded text. */
export function detectFormatText(text: string): ConfigFormat {
  const t = text.trimStart();
  if (!t) return 'unknown';
  const head = t.slice(0, 4096);
  const sample = t.slice(0, SAMPLE_CHARS);
  if (t.startsWith('<')) {
    if (/<sourceConnector\b|<destinationConnectors\b/.test(t) && /^(?:<\?xml[^>]{0,1024}>\s{0,1024})?<(?:channel|list|channels)\b/.test(sample)) return 'mirth-channel';
    if (/xmlns\s*=\s*"http:\/\/hl7\.org\/fhir"/.test(head)) return 'fhir';
    HTML_ROOT.lastIndex = skipPrologAndComments(sample);
    if (HTML_ROOT.test(sample)) return 'html-tracking';
    return 'generic-xml';
  }
  // `[section]` on its own line is INI, not a JSON array.
  if (t.startsWith('{') || (t.startsWith('[') && !/^\[[^\]"'{[\r\n]{1,1024}\][ \t]{0,1024}\r?\n/.test(sample))) return classifyJson(head, t);
  const lines = sample.split(/\r?\n/).map((l) => l.slice(0, SAMPLE_LINE));
  if (lines.some((l) => /^[ \t]*(?:resource|data|module|provider|terraform|variable|output|locals)\b(?:[ \t]+"[^"\n]*")*[ \t]*\{/.test(l))) return 'terraform';
  const firstLine = lines[0].toLowerCase();
  if (FLEET_COLUMNS.every((c) => new RegExp(`(^|[,;\\t"])\\s*${c}\\s*("|[,;\\t]|$)`).test(firstLine))) return 'fleet-csv';
  const script = head.search(/<script\b/i);
  if (script >= 0 && TRACKER_WORDS.test(head.slice(script))) return 'html-tracking';
  const content = lines.filter((l) => l.trim() && !/^\s*[#;!]/.test(l));
  if (!content.length) return 'unknown';
  const sections = content.filter((l) => /^\s*\[[^\]]+\]\s*$/.test(l)).length;
  const kv = content.filter((l) => /^\s*[\w.$-]+(?:\[[^\]]*\])?\s*=/.test(l)).length;
  const colon = content.filter((l) => /^[ \t]*(?:-[ \t]+)?[\w.$"'-][\w.$"' -]*:(?:\s|$)/.test(l) || /^\s*-\s/.test(l)).length;
  if (sections && kv + sections >= content.length * 0.8) return 'generic-ini';
  if (kv >= content.length * 0.8) return 'properties';
  if (/^---\s*$/m.test(sample) || colon >= content.length * 0.6) return 'generic-yaml';
  if (content.length >= 2 && /,/.test(content[0]) && content.slice(0, 5).every((l) => l.split(',').length === content[0].split(',').length)) return 'generic-csv';
  return 'unknown';
}

/**
 * Offset after an XML declaration and any comments and white space before the root element. A loop with
 * indexOf, not a regex: `(?:<!--[\s\S]*?-->\s*)*` backtracks exponentially on `<!---->` repeated.
 */
function skipPrologAndComments(t: string): number {
  let i = 0;
  const skipSpace = () => {
    while (i < t.length && /\s/.test(t[i])) i++;
  };
  if (t.startsWith('<?xml')) {
    const end = t.indexOf('>', i);
    if (end < 0) return t.length;
    i = end + 1;
  }
  skipSpace();
  while (t.startsWith('<!--', i)) {
    const end = t.indexOf('-->', i + 4);
    if (end < 0) return t.length;
    i = end + 3;
    skipSpace();
  }
  return i;
}
