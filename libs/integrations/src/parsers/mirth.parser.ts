import type { DataCategory, ParseResult, Transport } from '@custody/domain';
import { type ParseContext } from '../builder.js';
import { categoriesFromText, mergeCategories } from '../data/categories.js';
import { decodeXmlEntities, slug } from '../safe/text.js';
import { asArray, parseXml, textOf } from '../safe/xml.js';
import { mshOf, readConnector, type MirthConnector } from './mirth-connector.js';
import { isStaticResource, isTriviaScript, onlyLogs, scanScript } from './script-scan.js';

type XmlNode = Record<string, unknown>;
const node = (v: unknown): XmlNode => (v && typeof v === 'object' ? (v as XmlNode) : {});

const FALLBACK: Record<string, DataCategory[]> = {
  X12: ['claims', 'diagnosis', 'insurance_ids'],
  NCPDP: ['treatment_plan', 'insurance_ids'],
  DICOM: ['diagnosis'],
};

/** Finds the line of a (decoded) needle in the raw XML, where quotes may be entity-encoded. */
function locate(ctx: ParseContext, needle: string | undefined, from: number): number | undefined {
  if (!needle) return undefined;
  const enc = needle.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const variants = [needle, enc, enc.replace(/"/g, '&quot;').replace(/'/g, '&apos;'), needle.slice(0, 24)];
  return ctx.locate(variants, from);
}

function jdbcSystem(ctx: ParseContext, url: string, ev: ReturnType<ParseContext['ev']>): string {
  const m = /jdbc:(?:[\w]+:)*?(mysql|postgresql|sqlserver|oracle|mariadb|db2|sqlite|h2|jtds:sqlserver)[:/]+(?:@)?([^/:;?'"\s]*)(?::(\d+))?(?:[/;:](?:databaseName=)?([^;?'"\s]*))?/i.exec(url);
  if (!m) return ctx.system({ id: `db-${slug(url)}`, name: `Database ${url}`, role: 'other', hosts: [url], evidence: [ev] });
  const [, kind, host, port, db] = m;
  const label = `${kind === 'postgresql' ? 'PostgreSQL' : kind === 'mysql' ? 'MySQL' : kind} database${db ? ` '${db}'` : ''} on ${host || 'localhost'}${port ? `:${port}` : ''}`;
  return ctx.system({ id: `db-${slug(`${host}-${port ?? ''}-${db ?? ''}`)}`, name: label, role: 'other', hosts: [`${host}${port ? `:${port}` : ''}`], evidence: [ev] });
}

function fileSystem(ctx: ParseContext, c: MirthConnector, ev: ReturnType<ParseContext['ev']>): { id: string; transport: Transport } {
  const scheme = (c.props.scheme || 'file').toLowerCase();
  const dir = c.props.host || c.props.directory || '(unset directory)';
  if (scheme === 'file' || scheme === 'smb') {
    return { id: ctx.system({ id: `dir-${slug(dir)}`, name: `File directory ${dir}`, role: 'other', hosts: [`file:${dir}`], evidence: [ev] }), transport: 'file' };
  }
  const transport: Transport = scheme === 'sftp' ? 'sftp' : scheme === 'ftp' ? (c.props.secure === 'true' ? 'sftp' : 'ftp') : scheme === 's3' ? 'https' : 'file';
  return { id: ctx.endpointSystem(`${scheme}://${dir}`, { evidence: ev }), transport };
}

/** Parses Mirth Connect / NextGen Connect channel exports (2.x, 3.x and 4.x schemas). */
export function parseMirth(ctx: ParseContext): ParseResult {
  const doc = parseXml(ctx.text);
  const channels = asArray<XmlNode>(doc.channel ?? node(doc.list).channel ?? node(doc.channels).channel);
  if (!channels.length) ctx.skip('no <channel> element found', 'channel');
  let searchFrom = 0;
  channels.forEach((raw, ci) => {
    const ch = node(raw);
    const name = decodeXmlEntities(textOf(ch.name)) || `channel ${ci + 1}`;
    const chId = textOf(ch.id);
    const chStart = Math.max(0, ctx.text.indexOf('<channel', searchFrom));
    searchFrom = chStart + 8;
    const base = `channel${channels.length > 1 ? `[${ci}]` : ''}`;
    const chEv = ctx.ev(`${base}.name`, locate(ctx, `<name>${textOf(ch.name)}`, chStart));
    const self = ctx.system({ id: `mirth-${slug(name)}`, name: `Mirth channel '${name}'`, role: 'other', hosts: chId ? [`mirth-channel:${chId}`] : undefined, settings: { engine: 'mirth', channelId: chId || undefined }, evidence: [chEv] });
    const src = readConnector(ch.sourceConnector);
    const srcStart = ctx.text.indexOf('<sourceConnector', chStart);
    const description = decodeXmlEntities(textOf(ch.description));
    const msh = mshOf(src.templates);
    const baseText = [name, description, src.inboundType, msh.type, ...src.templates, ...src.scripts, ...src.labels].join('\n');
    const fallback = FALLBACK[src.inboundType.toUpperCase()] ?? ['demographics'];
    const channelData = categoriesFromText(baseText, fallback);

    readSource(ctx, src, self, name, `${base}.sourceConnector`, srcStart, channelData, msh);
    // Scripts in the source filter/transformer can open their own connections (JDBC, HTTP).
    scriptFlows(ctx, src.scripts.filter((s) => s !== src.props.script).join('\n'), self, `${base}.sourceConnector`, srcStart, channelData, 'source');

    const destStart = ctx.text.indexOf('<destinationConnectors', chStart);
    const connRe = /<connector[\s>]/g;
    connRe.lastIndex = Math.max(0, destStart);
    asArray(node(ch.destinationConnectors).connector).forEach((rawDest, di) => {
      const at = connRe.exec(ctx.text)?.index ?? destStart;
      const d = readConnector(rawDest);
      const path = `${base}.destinationConnectors.connector[${di}]`;
      const ev = (field: string, needle?: string) => ctx.ev(`${path}.${field}`, locate(ctx, needle, at) ?? ctx.lines.lineAt(at));
      if (!d.enabled) {
        ctx.warn(`destination '${d.name}' of channel '${name}' is disabled: not a flow`);
        return;
      }
      const data = mergeCategories(channelData, categoriesFromText([d.outboundType, ...d.scripts, ...d.labels, ...d.templates].join('\n'), []));
      readDestination(ctx, d, self, name, path, at, data, ev);
    });
  });
  return ctx.result();
}

function readSource(ctx: ParseContext, c: MirthConnector, self: string, chName: string, path: string, at: number, data: DataCategory[], msh: ReturnType<typeof mshOf>): void {
  const t = c.transport.toLowerCase();
  const ev = (field: string, needle?: string) => ctx.ev(`${path}.${field}`, locate(ctx, needle, at) ?? ctx.lines.lineAt(at));
  const trEv = ev('transportName', `>${c.transport}<`);
  const p = c.props;
  if (t.includes('file reader')) {
    const { id, transport } = fileSystem(ctx, c, ev('properties.host', `>${p.host}<`));
    ctx.flow({ from: id, to: self, data, transport, endpoint: p.host, evidence: [trEv, ev('properties.host', `>${p.host}<`)] });
  } else if (/tcp listener|llp listener|mllp/.test(t)) {
    const port = p.port || '?';
    const mllp = /mllp/i.test(p.pluginPointName ?? '') || /llp/.test(t);
    const who = [msh.app, msh.facility].filter(Boolean).join(' / ');
    const id = ctx.system({ id: `hl7-sender-${slug(who || `port-${port}`)}`, name: who ? `HL7 sender ${who}` : `${mllp ? 'MLLP' : 'TCP'} clients of port ${port}`, role: 'other', evidence: [trEv] });
    ctx.flow({ from: id, to: self, data, transport: mllp ? 'mllp' : 'tcp', endpoint: `${p.host || '0.0.0.0'}:${port}`, evidence: [trEv, ev('properties.port', `<port>${port}<`)] });
  } else if (/http listener|web service listener/.test(t)) {
    const port = p.port || '?';
    const user = c.authUsers[0];
    const id = ctx.system({ id: `http-client-${slug(user ?? `port-${port}`)}`, name: `HTTP client${user ? ` (basic-auth user ${user})` : ` of port ${port}`}`, role: 'other', evidence: [trEv] });
    const tls = /true/.test(p.useSSL ?? p.sslEnabled ?? '');
    ctx.flow({ from: id, to: self, data, transport: tls ? 'https' : 'http', endpoint: `${p.host || '0.0.0.0'}:${port}${p.contextPath ? `/${p.contextPath.replace(/^\//, '')}` : ''}`, evidence: [trEv, ev('properties.port', `<port>${port}<`)] });
  } else if (t.includes('database reader')) {
    const dbEv = ev('properties.url', p.url);
    const db = jdbcSystem(ctx, p.url || p.URL || '', dbEv);
    ctx.flow({ from: db, to: self, data: mergeCategories(data, categoriesFromText(p.query ?? '', [])), transport: 'database', endpoint: p.url, evidence: [trEv, dbEv] });
  } else if (t.includes('channel reader')) {
    const chId = ctx.text.match(/<channel[^<>]*>\s*<id>([^<]+)<\/id>/)?.[1] ?? '';
    const id = ctx.system({ id: `mirth-writers-${slug(chId.slice(0, 8) || chName)}`, name: `Mirth channels writing to channel ${chId || chName}`, role: 'other', hosts: chId ? [`mirth-channel-writers:${chId}`] : undefined, evidence: [trEv] });
    ctx.flow({ from: id, to: self, data, transport: 'api', endpoint: chId ? `mirth-channel:${chId}` : undefined, evidence: [trEv] });
  } else if (t.includes('javascript reader')) {
    const script = p.script ?? '';
    if (isTriviaScript(script)) {
      ctx.warn(`source of channel '${chName}' is a JavaScript Reader that returns a constant: a poll trigger, not a data source`);
      return;
    }
    const found = scanScript(script);
    if (!found.length) ctx.warn(`source of channel '${chName}' is a JavaScript Reader whose data source cannot be read from the file`);
    for (const f of found.length ? found : [{ kind: 'custom', target: 'JavaScript Reader script', transport: 'unknown' as Transport, data, needle: script.split('\n')[0], outbound: false }]) {
      const sev = ev('properties.script', f.needle);
      const id = f.kind === 'database' ? jdbcSystem(ctx, f.target, sev) : f.kind === 'http' ? ctx.endpointSystem(f.target, { evidence: sev }) : ctx.system({ id: `custom-source-${slug(chName)}`, name: `Custom code feeding '${chName}' (${f.target})`, role: 'other', evidence: [sev] });
      ctx.flow({ from: id, to: self, data: mergeCategories(data, f.data), transport: f.transport, endpoint: f.kind === 'custom' ? undefined : f.target, evidence: [trEv, sev] });
    }
  } else if (t) {
    const id = ctx.system({ id: `source-${slug(`${chName}-${c.transport}`)}`, name: `${c.transport} feeding '${chName}'`, role: 'other', evidence: [trEv] });
    ctx.flow({ from: id, to: self, data, transport: 'unknown', evidence: [trEv] });
    ctx.warn(`source connector type '${c.transport}' of channel '${chName}' is read generically`);
  } else {
    ctx.skip(`source connector of channel '${chName}' has no transport type`, path);
  }
}

function readDestination(ctx: ParseContext, d: MirthConnector, self: string, chName: string, path: string, at: number, data: DataCategory[], ev: (f: string, n?: string) => ReturnType<ParseContext['ev']>): void {
  const t = d.transport.toLowerCase();
  const p = d.props;
  const trEv = ev('transportName', `>${d.transport}<`);
  if (/tcp sender|llp sender|mllp sender/.test(t)) {
    const addr = p.remoteAddress || p.host || '?';
    const port = p.remotePort || p.port || '';
    const endpoint = `${addr}${port ? `:${port}` : ''}`;
    const mllp = /mllp/i.test(p.pluginPointName ?? '') || /llp/.test(t);
    const aev = ev('properties.remoteAddress', `>${addr}<`);
    const to = ctx.endpointSystem(endpoint, { name: `${d.name} at ${endpoint}`, evidence: aev });
    ctx.flow({ from: self, to, data, transport: mllp ? 'mllp' : 'tcp', endpoint, evidence: [trEv, aev] });
  } else if (/http sender|web service sender|rest/.test(t)) {
    const url = p.host || p.locationURI || p.wsdlUrl || '';
    const uev = ev('properties.host', url);
    if (!url) return ctx.skip(`HTTP destination '${d.name}' of channel '${chName}' has no URL`, path);
    if (/\/(?:login|logout|auth|oauth2?|token|session)(?:[/?]|$)/i.test(url)) {
      ctx.warn(`destination '${d.name}' of channel '${chName}' exchanges credentials (${url.replace(/\?.*/, '')}), not PHI: not a flow`);
      return;
    }
    const to = ctx.endpointSystem(url, { evidence: uev });
    const method = (p.method || 'post').toLowerCase();
    const transport = url.startsWith('${') ? 'unknown' : /^https:/i.test(url) ? 'https' : /^http:/i.test(url) ? 'http' : 'unknown';
    // A GET pulls data into the engine: the PHI edge points from the remote server to the channel.
    if (method === 'get') ctx.flow({ from: to, to: self, data, transport, endpoint: url, purpose: 'pull (HTTP GET)', evidence: [trEv, uev] });
    else ctx.flow({ from: self, to, data, transport, endpoint: url, evidence: [trEv, uev] });
  } else if (/file writer|document writer/.test(t)) {
    const fev = ev('properties.host', `>${p.host}<`);
    const { id, transport } = fileSystem(ctx, d, fev);
    ctx.flow({ from: self, to: id, data, transport, endpoint: p.host, evidence: [trEv, fev] });
  } else if (t.includes('database writer')) {
    const url = p.url || scanScript(p.query ?? '').find((f) => f.kind === 'database')?.target || '';
    const dev = ev('properties.url', url);
    const to = jdbcSystem(ctx, url, dev);
    ctx.flow({ from: self, to, data: mergeCategories(data, categoriesFromText(p.query ?? '', [])), transport: 'database', endpoint: url, evidence: [trEv, dev] });
  } else if (t.includes('smtp')) {
    const host = p.smtpHost || '?';
    const to = p.to || '(recipient set at runtime)';
    const sev = ev('properties.smtpHost', `>${host}<`);
    const id = ctx.system({ id: `email-${slug(`${to}-${host}`)}`, name: `Email to ${to} via ${host}${p.smtpPort ? `:${p.smtpPort}` : ''}`, role: 'communications', hosts: [host], evidence: [sev] });
    const enc = (p.encryption || 'none').toLowerCase();
    ctx.flow({ from: self, to: id, data, transport: enc === 'none' ? 'smtp' : 'smtp_tls', endpoint: `${host}:${p.smtpPort ?? ''}`, evidence: [trEv, sev, ev('properties.to', `>${p.to}<`)] });
  } else if (t.includes('channel writer')) {
    const target = p.channelId || p.host || '';
    if (!target || target === 'none') {
      ctx.skip(`Channel Writer '${d.name}' of channel '${chName}' targets no channel (channelId '${target || 'empty'}'): dangling route`, path);
      return;
    }
    const cev = ev('properties.channelId', target);
    const to = ctx.system({ id: `mirth-channel-${slug(target)}`, name: `Mirth channel ${target}`, role: 'other', hosts: [`mirth-channel:${target}`], evidence: [cev] });
    ctx.flow({ from: self, to, data, transport: 'api', endpoint: `mirth-channel:${target}`, evidence: [trEv, cev] });
  } else if (t.includes('javascript writer')) {
    const script = p.script ?? '';
    if (scriptFlows(ctx, script, self, path, at, data, d.name)) return;
    if (onlyLogs(script)) ctx.warn(`destination '${d.name}' of channel '${chName}' only writes the message to the engine log: a side channel, not a flow`);
    else ctx.skip(`JavaScript Writer '${d.name}' of channel '${chName}': no endpoint can be read from its script`, path);
  } else {
    const id = ctx.system({ id: `dest-${slug(`${chName}-${d.name}`)}`, name: `${d.transport || 'Unknown'} destination '${d.name}'`, role: 'other', evidence: [trEv] });
    ctx.flow({ from: self, to: id, data, transport: /jms|kafka/i.test(t) ? 'queue' : 'unknown', evidence: [trEv] });
    ctx.warn(`destination type '${d.transport}' of channel '${chName}' is read generically`);
  }
}

/** Flows opened from script text; returns how many were added. */
function scriptFlows(ctx: ParseContext, script: string, self: string, path: string, at: number, data: DataCategory[], label: string): number {
  let n = 0;
  for (const f of scanScript(script)) {
    const sev = ctx.ev(`${path}.script`, locate(ctx, f.needle, at) ?? ctx.lines.lineAt(at));
    if (f.kind === 'http' && !f.outbound && isStaticResource(f.target)) {
      ctx.warn(`script in '${label}' fetches public reference data (${f.target}): no PHI flow`);
      continue;
    }
    const other =
      f.kind === 'database'
        ? jdbcSystem(ctx, f.target, sev)
        : f.kind === 'channel'
          ? ctx.system({ id: `mirth-${slug(f.target)}`, name: `Mirth channel '${f.target}'`, role: 'other', evidence: [sev] })
          : f.kind === 'http'
            ? ctx.endpointSystem(f.target, { name: f.target.startsWith('${') ? `Runtime endpoint ${f.target}` : undefined, evidence: sev })
            : ctx.system({ id: `custom-${slug(`${label}-${f.target}`)}`, name: `Custom code ${f.target} (from '${label}')`, role: 'other', evidence: [sev] });
    const d = mergeCategories(data, f.data);
    if (f.outbound) ctx.flow({ from: self, to: other, data: d, transport: f.transport, endpoint: f.kind === 'custom' ? undefined : f.target, evidence: [sev] });
    else ctx.flow({ from: other, to: self, data: d, transport: f.transport, endpoint: f.target, evidence: [sev] });
    n++;
  }
  return n;
}
