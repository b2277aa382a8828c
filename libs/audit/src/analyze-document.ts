import { CustodyError, safeErrorText, type DocumentStatus, type DocumentType, type ExtractionResult, type ParseResult, type Redaction } from '@custody/domain';
import { extractDocument, LlmExtractor } from '@custody/extraction';
import { parseManifest, type Manifest } from '@custody/graph';
import { detectFormat, parseConfig, parseFleet, type VendorEntry } from '@custody/integrations';

/** What one document turned into: the only shapes the projection reads. */
export type DocumentAnalysis =
  | { type: 'contract'; extraction: ExtractionResult }
  | { type: 'setting_change'; change: SettingChange }
  | { type: 'manifest'; manifest: Manifest }
  | { type: 'integration_config' | 'fleet_export'; parse: ParseResult };

/** A settings change pushed by webhook, stored as a small JSON document so it is evidence like any other. */
export interface SettingChange {
  system: string;
  settings: Record<string, unknown>;
  at: string;
  source?: string;
}

/** The top-level key that marks a stored webhook setting change. */
export const SETTING_CHANGE_KEY = 'custody_setting_change';

export interface AnalysisResult {
  type: DocumentType;
  status: Extract<DocumentStatus, 'processed' | 'unparsed' | 'failed'>;
  reason?: string;
  format?: string;
  analysis?: DocumentAnalysis;
}

export interface AnalyzeOptions {
  maxBytes?: number;
  /** Largest manifest read (default the graph library's MAX_MANIFEST_BYTES, which uploads keep). */
  maxManifestBytes?: number;
  /** Optional OpenAI-compatible model for contract facts (config `llm`); answers need verbatim quotes. */
  llm?: { baseUrl: string; model: string; apiKey?: string };
  /**
   * Secrets already removed from `bytes` before they were stored (prepareForStorage). The parser cannot see
   * them in the redacted text, so they are added to the parse result and still reported as findings.
   */
  redactions?: Redaction[];
  /** Extra known vendors (config `vendorsFile`), consulted before the built-in catalogue. */
  vendors?: VendorEntry[];
  /** Most bytes a DOCX may inflate to (counted while inflating) and most pages of a PDF. */
  maxInflatedBytes?: number;
  maxPages?: number;
  /**
   * Most systems, flows and consents a config or fleet export may declare (default 50,000): each is part of
   * the workspace's graph, projected and audited again after every later document. Over it: too_complex.
   */
  maxDeclarations?: number;
}

export const DEFAULT_MAX_DECLARATIONS = 50_000;

/** Documentation that sits beside a practice's files, never an agreement. */
const NOT_CONTRACT_NAME = /(^|\/)(readme|notes?|changelog|todo|contributing|license)(\.(md|markdown|txt|rst))?$/i;
const MANIFEST_HINT = /^(practice|systems)\s*:/m;
const FLEET_FORMATS = new Set(['fleet-csv', 'fleet-json']);
/** Formats the integrations library reads as configs; anything else is tried as a contract. */
const TEXT_FORMATS = new Set(['unknown', 'text', 'markdown', 'html', 'pdf', 'docx']);

/**
 * Classifies a document by content and analyses it. Never throws for bad input: every outcome has a
 * status, and `unparsed`/`failed` always carry a reason that names what was wrong.
 */
export async function analyzeDocument(bytes: Uint8Array, fileName: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  if (bytes.length === 0) return { type: 'unknown', status: 'failed', reason: `${fileName}: empty file` };
  if (bytes.length > maxBytes) {
    return { type: 'unknown', status: 'failed', reason: `${fileName}: too_large: ${bytes.length} bytes is over the ${maxBytes}-byte limit` };
  }
  try {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
    if (/\.ya?ml$/i.test(fileName) && MANIFEST_HINT.test(head) || /(^|\/)custody\.ya?ml$/i.test(fileName)) {
      // A manifest that does not load stays a manifest (failed, with every problem): callers refuse to audit without it.
      try {
        // Decoded from a view of the bytes, not a copy: an agency's manifest is tens of megabytes.
        const manifest = parseManifest(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), fileName, { maxBytes: opts.maxManifestBytes });
        return { type: 'manifest', status: 'processed', format: 'custody-manifest', analysis: { type: 'manifest', manifest } };
      } catch (err) {
        if (err instanceof CustodyError) return { type: 'manifest', status: 'failed', format: 'custody-manifest', reason: err.message };
        throw err;
      }
    }
    if (head.startsWith(`{"${SETTING_CHANGE_KEY}"`)) {
      const change = (JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, SettingChange>)[SETTING_CHANGE_KEY];
      return { type: 'setting_change', status: 'processed', format: 'setting-change', analysis: { type: 'setting_change', change } };
    }
    // A folder's README or notes file is documentation, not evidence: read as a contract its loose wording
    // ("BAAs with flow-down") would become some vendor's terms, read as a config its prose would become flows.
    if (NOT_CONTRACT_NAME.test(fileName)) return { type: 'unknown', status: 'unparsed', reason: `${fileName}: documentation (README or notes), not a contract or config; not read` };
    const format = detectFormat(bytes, fileName);
    if (FLEET_FORMATS.has(format)) {
      const parse = parseFleet(bytes, fileName, { vendors: opts.vendors });
      return overDeclarations('fleet_export', parse, fileName, opts) ?? { type: 'fleet_export', status: 'processed', format, analysis: { type: 'fleet_export', parse: withRedactions(parse, opts.redactions) } };
    }
    if (!TEXT_FORMATS.has(format)) {
      const parse = withRedactions(parseConfig(bytes, fileName, { vendors: opts.vendors }), opts.redactions);
      const over = overDeclarations('integration_config', parse, fileName, opts);
      if (over) return over;
      const interpreted = parse.systems.length + parse.flows.length + (parse.consents?.length ?? 0) + parse.redactions.length > 0;
      return {
        type: 'integration_config',
        status: interpreted ? 'processed' : 'unparsed',
        reason: interpreted ? undefined : `${fileName}: ${format} file with no systems or flows Custody can interpret${parse.unparsed?.length ? ` (${parse.unparsed.map((u) => u.reason).join('; ')})` : ''}`,
        format: parse.format,
        analysis: { type: 'integration_config', parse },
      };
    }
    const budgets = { maxInflatedBytes: opts.maxInflatedBytes, maxPages: opts.maxPages };
    const extraction = await extractDocument(bytes, fileName, { maxBytes, ...budgets, ...(opts.llm ? { extractor: new LlmExtractor(opts.llm) } : {}) });
    // Prose that names no party and states no term is not a contract either.
    const doc = extraction.document;
    const says = Object.values(extraction.facts).some((f) => f.evidence.length > 0);
    if ((doc.kind === 'other' && !doc.vendor && doc.parties.length === 0 && !says)) {
      return { type: 'unknown', status: 'unparsed', format: doc.kind, reason: `${fileName}: not a contract (no parties and no agreement language); not read for facts` };
    }
    return { type: 'contract', status: 'processed', format: extraction.document.kind, analysis: { type: 'contract', extraction } };
  } catch (err) {
    if (err instanceof CustodyError) {
      const reason = err.message.includes(fileName) ? err.message : `${fileName}: ${err.message}`;
      return { type: 'unknown', status: err.code === 'unsupported_format' ? 'unparsed' : 'failed', reason };
    }
    // Recursion past the stack (a parser walking absurdly nested input) is input over budget, not a bug.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      return { type: 'unknown', status: 'failed', reason: `${fileName}: too_complex: nested too deeply to read` };
    }
    // An unexpected error is a bug, but the document is still kept and reported rather than lost.
    return { type: 'unknown', status: 'failed', reason: `${fileName}: internal error while reading (${safeErrorText(err)})` };
  }
}

/**
 * A failed outcome when a parse declares more than the budget allows (counted, never truncated). The reason names the
 * setting that raises it: an agency's 100,000-install export is refused at the default, and the user must learn how.
 */
function overDeclarations(type: 'fleet_export' | 'integration_config', parse: ParseResult, fileName: string, opts: AnalyzeOptions): AnalysisResult | undefined {
  const max = opts.maxDeclarations ?? DEFAULT_MAX_DECLARATIONS;
  const n = parse.systems.length + parse.flows.length + (parse.consents?.length ?? 0);
  if (n <= max) return undefined;
  return { type, status: 'failed', format: parse.format, reason: `${fileName}: too_complex: declares ${n} systems, flows and consents (more than ${max}; CUSTODY_PARSE_MAX_DECLARATIONS raises the limit)` };
}

/** The parse result with earlier redactions added (each once: same kind, path and line). */
function withRedactions(parse: ParseResult, earlier: Redaction[] | undefined): ParseResult {
  if (!earlier?.length) return parse;
  const key = (r: Redaction) => `${r.kind}\u0000${r.path ?? ''}\u0000${r.line ?? ''}`;
  const seen = new Set(parse.redactions.map(key));
  const added = earlier.filter((r) => !seen.has(key(r)));
  return added.length ? { ...parse, redactions: [...added, ...parse.redactions] } : parse;
}
