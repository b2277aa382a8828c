import {
  PRACTICE_ID,
  type ConsentDecl,
  type DataCategory,
  type Evidence,
  type FlowDecl,
  type ParseResult,
  type Redaction,
  type SystemDecl,
  type SystemRole,
  type Transport,
} from '@custody/domain';
import { lookupVendor, hostOf } from './catalogue/lookup.js';
import { LineIndex, slug } from './safe/text.js';
import type { VendorEntry } from './types.js';

const MAX_QUOTE = 240;

/** Everything a format parser needs: the redacted text, its lines, and a result under construction. */
export class ParseContext {
  readonly lines: LineIndex;
  private readonly systems = new Map<string, SystemDecl>();
  private readonly flows: FlowDecl[] = [];
  private readonly consents: ConsentDecl[] = [];
  private readonly unparsed: { reason: string; path?: string }[] = [];
  private readonly warnings: string[] = [];
  private readonly identifiers: NonNullable<ParseResult['identifiers']> = [];

  constructor(
    /** Text with every secret already replaced by `[REDACTED]` (same lines as the original). */
    readonly text: string,
    readonly format: string,
    readonly redactions: Redaction[],
    readonly fileName?: string,
    readonly vendors: readonly VendorEntry[] = [],
  ) {
    this.lines = new LineIndex(text);
  }

  /** Evidence at a structural path and 1-based line; the quote is that line of the redacted text. */
  ev(path: string, line?: number, quote?: string): Evidence {
    const l = line && line >= 1 && line <= this.lines.lineCount ? line : undefined;
    let q = quote ?? (l ? this.lines.line(l).trim() : path);
    if (q.length > MAX_QUOTE) q = `${q.slice(0, MAX_QUOTE - 1)}…`;
    const e: Evidence = { quote: q, path };
    if (l) e.line = l;
    if (this.fileName) e.file = this.fileName;
    return e;
  }

  /** Line of the first needle found at or after offset `from`. */
  locate(needles: (string | undefined)[], from = 0): number | undefined {
    return this.lines.locate(needles, from);
  }

  /** Adds (or merges into) a system; returns its id. */
  system(decl: SystemDecl): string {
    const prev = this.systems.get(decl.id);
    if (!prev) {
      this.systems.set(decl.id, { ...decl, hosts: decl.hosts?.length ? [...new Set(decl.hosts)] : undefined });
      return decl.id;
    }
    if (decl.hosts?.length) prev.hosts = [...new Set([...(prev.hosts ?? []), ...decl.hosts])];
    if (decl.evidence?.length) prev.evidence = [...(prev.evidence ?? []), ...decl.evidence].slice(0, 20);
    if (decl.holds?.length) prev.holds = [...new Set([...(prev.holds ?? []), ...decl.holds])];
    if (decl.settings) prev.settings = { ...prev.settings, ...decl.settings };
    if (prev.role === 'other' && decl.role !== 'other') prev.role = decl.role;
    return prev.id;
  }

  /** The practice node (PRACTICE_ID), added on first use. */
  practice(evidence?: Evidence): string {
    return this.system({ id: PRACTICE_ID, name: 'Practice', role: 'practice', evidence: evidence ? [evidence] : undefined });
  }

  /**
   * A system for an endpoint (URL, host, host:port or a symbolic name), classified with the vendor
   * catalogue. Ids are slugs of the host (plus port when there is no vendor match), so the same
   * endpoint seen twice is one system.
   */
  endpointSystem(endpoint: string, opts: { name?: string; role?: SystemRole; evidence?: Evidence; idHint?: string } = {}): string {
    const host = hostOf(endpoint);
    const vendor = lookupVendor(endpoint, this.vendors) ?? (opts.name ? lookupVendor(opts.name, this.vendors) : undefined);
    const port = /:(\d{2,5})(?:[/?#]|$)/.exec(endpoint)?.[1];
    const base = opts.idHint ?? (vendor && host ? vendor.name : host ? `${host}${port ? `-${port}` : ''}` : endpoint);
    const id = slug(base);
    const name = vendor ? `${vendor.name}${opts.name ? `: ${opts.name}` : host ? ` (${host})` : ''}` : (opts.name ?? endpoint);
    return this.system({
      id,
      name,
      role: opts.role ?? vendor?.role ?? 'other',
      hosts: host ? [port ? `${host}:${port}` : host] : [endpoint],
      evidence: opts.evidence ? [opts.evidence] : undefined,
    });
  }

  flow(f: { from: string; to: string; data: DataCategory[]; transport: Transport; purpose?: string; endpoint?: string; evidence: Evidence[] }): void {
    if (f.from === f.to) return;
    this.flows.push({ ...f, data: [...new Set(f.data)] });
  }

  /** Adds a flow, or merges data and evidence into an existing one with the same endpoints and transport. */
  mergeFlow(f: Parameters<ParseContext['flow']>[0]): void {
    const prev = this.flows.find((x) => x.from === f.from && x.to === f.to && x.transport === f.transport);
    if (!prev) return this.flow(f);
    prev.data = [...new Set([...prev.data, ...f.data])];
    prev.evidence = [...prev.evidence, ...f.evidence].slice(0, 25);
  }

  consent(c: ConsentDecl): void {
    this.consents.push(c);
  }

  identifier(field: string, identifier: string, evidence: Evidence): void {
    if (!this.identifiers.some((i) => i.field === field && i.identifier === identifier)) this.identifiers.push({ field, identifier, evidence });
  }

  /** Something the parser could not interpret: always reported, never dropped. */
  skip(reason: string, path?: string): void {
    this.unparsed.push(path ? { reason, path } : { reason });
  }

  warn(msg: string): void {
    if (!this.warnings.includes(msg)) this.warnings.push(msg);
  }

  get flowCount(): number {
    return this.flows.length;
  }

  result(): ParseResult {
    const r: ParseResult = {
      format: this.format,
      systems: [...this.systems.values()],
      flows: this.flows,
      redactions: this.redactions,
    };
    if (this.consents.length) r.consents = this.consents;
    if (this.identifiers.length) r.identifiers = this.identifiers;
    if (this.unparsed.length) r.unparsed = this.unparsed;
    if (this.warnings.length) r.warnings = this.warnings;
    return r;
  }
}

/** Transport implied by a URL scheme. */
export function transportOfUrl(url: string): Transport {
  const s = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  switch (s) {
    case 'https':
      return 'https';
    case 'http':
      return 'http';
    case 'sftp':
    case 'scp':
      return 'sftp';
    case 'ftp':
      return 'ftp';
    case 'ftps':
      return 'sftp';
    case 'ws':
    case 'wss':
      return 'websocket';
    case 'mllp':
      return 'mllp';
    case 'smtp':
      return 'smtp';
    case 'smtps':
      return 'smtp_tls';
    case 'jdbc':
    case 'postgres':
    case 'postgresql':
    case 'mysql':
    case 'mongodb':
    case 'mongodb+srv':
    case 'redis':
    case 'rediss':
    case 'mssql':
    case 'sqlserver':
      return 'database';
    case 'amqp':
    case 'amqps':
    case 'kafka':
    case 'nats':
    case 'mqtt':
    case 'mqtts':
      return 'queue';
    case 'file':
      return 'file';
    case 'tcp':
      return 'tcp';
    default:
      return 'unknown';
  }
}
