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

/** `detectFormat` on already decoded text. */
export function detectFormatText(text: string): ConfigFormat {
  const t = text.trimStart();
  if (!t) return 'unknown';
  const head = t.slice(0, 4096);
  if (t.startsWith('<')) {
    if (/<sourceConnector\b|<destinationConnectors\b/.test(t) && /^(?:<\?xml[^>]*>\s*)?<(?:channel|list|channels)\b/.test(t)) return 'mirth-channel';
    if (/xmlns\s*=\s*"http:\/\/hl7\.org\/fhir"/.test(head)) return 'fhir';
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype html|html|head|body|script|meta|div)\b/i.test(t)) return 'html-tracking';
    return 'generic-xml';
  }
  // `[section]` on its own line is INI, not a JSON array.
  if (t.startsWith('{') || (t.startsWith('[') && !/^\[[^\]"'{[\r\n]+\]\s*\r?\n/.test(t))) return classifyJson(head, t);
  if (/^\s*(?:resource|data|module|provider|terraform|variable|output|locals)\b(?:\s+"[^"\n]*")*\s*\{/m.test(t)) return 'terraform';
  const firstLine = t.split(/\r?\n/, 1)[0].toLowerCase();
  if (FLEET_COLUMNS.every((c) => new RegExp(`(^|[,;\\t"])\\s*${c}\\s*("|[,;\\t]|$)`).test(firstLine))) return 'fleet-csv';
  if (/<script\b[\s\S]*?(?:gtag|fbq|googletagmanager|_paq|analytics)/i.test(head)) return 'html-tracking';
  const lines = t.split(/\r?\n/).filter((l) => l.trim() && !/^\s*[#;!]/.test(l));
  if (!lines.length) return 'unknown';
  const sections = lines.filter((l) => /^\s*\[[^\]]+\]\s*$/.test(l)).length;
  const kv = lines.filter((l) => /^\s*[\w.$-]+(?:\[[^\]]*\])?\s*=/.test(l)).length;
  const colon = lines.filter((l) => /^\s*(?:-\s+)?[\w.$"' -]+:(?:\s|$)/.test(l) || /^\s*-\s/.test(l)).length;
  if (sections && kv + sections >= lines.length * 0.8) return 'generic-ini';
  if (kv >= lines.length * 0.8) return 'properties';
  if (/^---\s*$/m.test(t) || colon >= lines.length * 0.6) return 'generic-yaml';
  if (lines.length >= 2 && /,/.test(lines[0]) && lines.slice(0, 5).every((l) => l.split(',').length === lines[0].split(',').length)) return 'generic-csv';
  return 'unknown';
}
