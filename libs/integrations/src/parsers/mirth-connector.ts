import { decodeXmlEntities } from '../safe/text.js';
import { asArray, textOf } from '../safe/xml.js';

/** A Mirth connector normalised across the 2.x (`<property name=…>`) and 3.x/4.x (typed elements) schemas. */
export interface MirthConnector {
  name: string;
  transport: string;
  enabled: boolean;
  /** Leaf properties by element / property name; shallower elements win. */
  props: Record<string, string>;
  /** Transformer steps, filter rules, response transformer and connector scripts. */
  scripts: string[];
  /** Filter rule and step names (they often state the message type). */
  labels: string[];
  inboundType: string;
  outboundType: string;
  /** Decoded inbound/outbound templates (sample messages). */
  templates: string[];
  /** Basic-auth user names (never passwords: those are redacted before parsing). */
  authUsers: string[];
}

type XmlNode = Record<string, unknown>;

const node = (v: unknown): XmlNode => (v && typeof v === 'object' ? (v as XmlNode) : {});
const txt = (v: unknown): string => decodeXmlEntities(textOf(v));

function flattenProps(root: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  let level: XmlNode[] = [root];
  for (let depth = 0; depth < 8 && level.length; depth++) {
    const next: XmlNode[] = [];
    for (const n of level) {
      for (const [k, v] of Object.entries(n)) {
        if (k.startsWith('@_')) continue;
        if (k === 'property') {
          for (const p of asArray<XmlNode>(v)) {
            const name = String(node(p)['@_name'] ?? '');
            if (name && !(name in out)) out[name] = txt(p);
          }
          continue;
        }
        for (const item of asArray(v)) {
          if (item && typeof item === 'object' && Object.keys(item).some((x) => x !== '#text' && !x.startsWith('@_'))) next.push(item as XmlNode);
          else if (!(k in out)) out[k] = txt(item);
        }
      }
    }
    level = next;
  }
  return out;
}

function decodeTemplate(v: unknown): string {
  const t = textOf(v).trim();
  if (!t) return '';
  const enc = node(v)['@_encoding'];
  if (enc === 'base64' || /^[A-Za-z0-9+/=\s]{16,}$/.test(t)) {
    try {
      const s = Buffer.from(t, 'base64').toString('utf8');
      if (!/[\u0000-\u0008\uFFFD]/.test(s)) return s;
    } catch {
      /* not base64 after all: keep the text as is */
    }
  }
  return decodeXmlEntities(t);
}

function collectScripts(section: unknown, scripts: string[], labels: string[]): void {
  const s = node(section);
  for (const holder of [node(s.steps).step, node(s.rules).rule, s.elements && Object.values(node(s.elements)).flat()]) {
    for (const item of asArray<XmlNode>(holder)) {
      const it = node(item);
      const sc = txt(it.script);
      if (sc) scripts.push(sc);
      const nm = txt(it.name);
      if (nm) labels.push(nm);
      for (const extra of ['mapping', 'variable', 'field']) {
        const e = txt(it[extra]);
        if (e) labels.push(e);
      }
    }
  }
}

/** Reads one `<sourceConnector>` or `<connector>` element. */
export function readConnector(raw: unknown): MirthConnector {
  const c = node(raw);
  const propsNode = node(c.properties);
  const props = flattenProps(propsNode);
  const transformer = node(c.transformer);
  const scripts: string[] = [];
  const labels: string[] = [];
  collectScripts(c.transformer, scripts, labels);
  collectScripts(c.filter, scripts, labels);
  collectScripts(c.responseTransformer, scripts, labels);
  for (const k of ['script', 'query', 'body', 'template', 'content']) if (props[k]) scripts.push(props[k]);
  const authUsers: string[] = [];
  const findCreds = (n: XmlNode, depth: number) => {
    if (depth > 6) return;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'credentials') {
        for (const e of asArray<XmlNode>(node(v).entry)) {
          const user = txt(asArray(node(e).string)[0]);
          if (user) authUsers.push(user);
        }
      } else if (v && typeof v === 'object') for (const it of asArray<XmlNode>(v)) findCreds(node(it), depth + 1);
    }
  };
  findCreds(propsNode, 0);
  return {
    name: txt(c.name) || 'connector',
    transport: txt(c.transportName) || props.DataType || '',
    enabled: txt(c.enabled) !== 'false',
    props,
    scripts,
    labels,
    inboundType: txt(transformer.inboundDataType) || txt(transformer.inboundProtocol),
    outboundType: txt(transformer.outboundDataType) || txt(transformer.outboundProtocol),
    templates: [decodeTemplate(transformer.inboundTemplate), decodeTemplate(transformer.outboundTemplate)].filter(Boolean),
    authUsers,
  };
}

/** Sending application / facility (MSH-3 / MSH-4) and message type (MSH-9) of an HL7 v2 sample message. */
export function mshOf(templates: string[]): { app?: string; facility?: string; type?: string } {
  for (const t of templates) {
    const m = /MSH\|\^~\\&\|([^|\r\n]*)\|([^|\r\n]*)\|(?:[^|\r\n]*\|){4}([^|\r\n]*)/.exec(t);
    if (m) return { app: m[1] || undefined, facility: m[2] || undefined, type: m[3] || undefined };
  }
  return {};
}
