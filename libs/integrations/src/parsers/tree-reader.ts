import type { DataCategory, Evidence, Transport } from '@custody/domain';
import { transportOfUrl, type ParseContext } from '../builder.js';
import { categoriesFromText } from '../data/categories.js';
import { DEIDENTIFIED_CLAIM, safeHarborIdentifier } from '../data/safe-harbor.js';
import { joinPath } from '../safe/json.js';
import { slug } from '../safe/text.js';

type Obj = Record<string, unknown>;

/** Keys whose value names an endpoint. */
const ENDPOINT_KEY = /(?:url|uri|endpoint|baseurl|href|webhook|dsn|connection(?:string)?|address|server)$/i;
/** URLs that name an identifier namespace or reference data rather than a place data goes. */
const NAMESPACE = /(?:system(?:url)?|namespace|schema|xmlns|homepage|website|docs?|documentation|logo|icon|image|repo(?:sitory)?|license|profile)$/i;
const NAMESPACE_URL = /\/ext\/|hl7\.org\/fhir|\/sid\/|terminology\.|\/ValueSet\/|\/CodeSystem\//i;
/** Paths (and comments) for control-plane traffic that carries no PHI. */
const CONTROL = /registration|\bregister\b|heartbeat|mediator\.api|core\.api|terminolog|\bocl(?:url)?\b|conceptlab|metric|monitor|health.?check|oauth|\btoken\b|jwks|auth0|\blogging\b|\blogs\b|logger|sentry|telemetry|swagger/i;
/** Paths that mean data comes in from there. */
const INBOUND = /source|(?:^|[._-])from|input|inbound|reader|consumer|subscri|pull|fetch|datasource|origin|upstream|ingest/i;
const HOST_KEY = /^(?:host|hostname|server|address|ip|targetip|target(?:host)?|remotehost|remoteaddress|bindaddress)$/i;
const PORT_KEY = /port$/i;
const FIELD_LIST_KEY = /fields|columns|attributes|select|include|export|elements|variables|properties|keys/i;
const LISTEN_PATH = /^(?:app|server|http|listen|listener|mediator|api|service)$/i;

export interface TreeOptions {
  lineOf: (path: string, needle?: string) => number | undefined;
  /** Extra hint text per path (e.g. the comment above a properties key). */
  hints?: Map<string, string>;
  /** Display name of the application the config belongs to. */
  selfName?: string;
}

function label(path: string): string {
  return path.replace(/\[\d+\]/g, '').replace(/^"|"$/g, '') || 'root';
}

/** Reads any config tree: endpoints, listeners, brokers, field lists; reports what it could not use. */
export function readTree(ctx: ParseContext, root: unknown, opts: TreeOptions): void {
  const selfName = opts.selfName ?? findSelfName(root) ?? 'Configured application';
  const self = ctx.system({ id: `app-${slug(selfName)}`, name: selfName, role: 'other', evidence: [ctx.ev('', 1)] });
  const claimsDeid = DEIDENTIFIED_CLAIM.test(ctx.text);
  const used = new Set<string>();
  const ev = (path: string, needle?: string): Evidence => ctx.ev(path, opts.lineOf(path, needle));
  const hint = (path: string) => {
    let h = '';
    for (const [p, c] of opts.hints ?? []) if (path === p || p.startsWith(`${path}.`)) h += ` ${c}`;
    return h;
  };
  const top = (path: string) => path.split(/[.[]/)[0];
  const seen = new Set<string>();

  const addEndpoint = (path: string, endpoint: string, transport: Transport, data: DataCategory[], needle: string, listener = false) => {
    const key = `${listener}|${endpoint}|${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    used.add(top(path));
    const text = `${path} ${hint(path)} ${endpoint}`;
    if (CONTROL.test(text)) {
      ctx.warn(`${label(path)} (${endpoint}) is control-plane traffic (registration, terminology, auth or logs): not a PHI flow`);
      return;
    }
    const e = ev(path, needle);
    if (listener) {
      const from = ctx.system({ id: `clients-${slug(label(path))}`, name: `Clients of ${label(path)} ${endpoint}`, role: 'other', evidence: [e] });
      ctx.flow({ from, to: self, data, transport, endpoint, evidence: [e] });
      return;
    }
    const other = ctx.endpointSystem(endpoint, { name: `${label(path)} (${endpoint})`, evidence: e });
    if (INBOUND.test(path)) ctx.flow({ from: other, to: self, data, transport, endpoint, evidence: [e] });
    else ctx.flow({ from: self, to: other, data, transport, endpoint, evidence: [e] });
  };

  const visit = (v: unknown, path: string, depth: number) => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const strs = v.filter((x): x is string => typeof x === 'string');
      const lastKey = label(path).split('.').pop() ?? '';
      if (strs.length && /broker|bootstrap|servers|nodes|hosts/i.test(lastKey) && strs.every((s) => /^[\w.-]+:\d{2,5}$/.test(s))) {
        for (const s of strs) addEndpoint(path, s, /broker|bootstrap|kafka/i.test(path) ? 'queue' : 'tcp', categoriesFromText(`${path} ${hint(path)}`), s);
        return;
      }
      if (strs.length && strs.length === v.length && strs.every((s) => /^[\w$@.-]{1,64}$/.test(s)) && (FIELD_LIST_KEY.test(lastKey) || strs.length >= 3)) fieldList(path, strs);
      v.forEach((x, i) => visit(x, joinPath(path, i), depth + 1));
      return;
    }
    const o = v as Obj;
    const keys = Object.keys(o);
    const siblingsText = `${path} ${keys.join(' ')} ${keys.map((k) => (typeof o[k] === 'string' && (o[k] as string).length < 80 ? o[k] : '')).join(' ')} ${hint(path)}`;
    const data = categoriesFromText(siblingsText);
    for (const k of keys) {
      const val = o[k];
      const p = joinPath(path, k);
      if (typeof val !== 'string' || !val.trim()) continue;
      const sv = val.trim();
      const isUrl = /^[a-z][a-z0-9+.-]*:\/\/\S|^jdbc:/i.test(sv);
      const symbolic = ENDPOINT_KEY.test(k) && /^\$\{[^}]+\}/.test(sv);
      if ((isUrl || symbolic) && !NAMESPACE.test(k) && !NAMESPACE_URL.test(sv)) {
        addEndpoint(p, sv, sv.startsWith('jdbc:') ? 'database' : transportOfUrl(sv), data, val);
      }
    }
    const hostKey = keys.find((k) => HOST_KEY.test(k) && typeof o[k] === 'string');
    let portKeys = keys.filter((k) => PORT_KEY.test(k) && (typeof o[k] === 'number' || /^\d{2,5}$|^\$\{/.test(String(o[k]))));
    const child = (name: string) => keys.map((k) => o[k]).find((c) => c && typeof c === 'object' && !Array.isArray(c) && (c as Obj)[name] !== undefined) as Obj | undefined;
    const portHolder = !portKeys.length && hostKey ? keys.find((k) => o[k] && typeof o[k] === 'object' && Object.keys(o[k] as Obj).some((c) => PORT_KEY.test(c))) : undefined;
    if (portHolder) portKeys = Object.keys(o[portHolder] as Obj).filter((c) => PORT_KEY.test(c)).map((c) => `${portHolder}.${c}`);
    const get = (k: string): unknown => k.split('.').reduce<unknown>((acc, part) => (acc as Obj)?.[part], o);
    const secure = String(o.secure ?? o.tls ?? o.ssl ?? '').toLowerCase() === 'true';
    if (portKeys.some((k) => /secure/i.test(k))) portKeys = portKeys.filter((k) => (secure ? /secure/i.test(k) : !/secure/i.test(k)));
    if (String(o.useTcp ?? '') === 'true') portKeys = portKeys.filter((k) => !/udp/i.test(k));
    if (portKeys.length) {
      const host = hostKey ? String(o[hostKey]) : '';
      const pathVal = String(o.path ?? child('path')?.path ?? '');
      for (const pk of portKeys) {
        const port = String(get(pk));
        const where = `${path}.${pk}`;
        const t: Transport = /mllp/i.test(where) ? 'mllp' : /database|\bdb\b|sql|postgres|mongo|redis/i.test(where) ? 'database' : secure ? 'https' : pathVal || /http|fhir|api|rest/i.test(where) ? 'http' : 'tcp';
        const endpoint = `${host || '0.0.0.0'}:${port}${pathVal ? `/${pathVal.replace(/^\//, '')}` : ''}`;
        const listen = !host || /^(?:0\.0\.0\.0|::|\*)$/.test(host) || (LISTEN_PATH.test(label(path).split('.').pop() ?? '') && !hostKey);
        // An application's own listener (app.port, server.port, mediator.port) serves HTTP unless named otherwise.
        const lt: Transport = listen && t === 'tcp' && LISTEN_PATH.test(label(path).split('.').pop() ?? '') ? 'http' : t;
        addEndpoint(path ? `${path}.${pk}` : pk, endpoint, lt, data, String(get(pk)), listen);
      }
    }
    for (const k of keys) visit(o[k], joinPath(path, k), depth + 1);
  };

  const fieldList = (path: string, fields: string[]) => {
    let any = false;
    fields.forEach((f, idx) => {
      const id = safeHarborIdentifier(f);
      if (!id) return;
      any = true;
      if (claimsDeid) ctx.identifier(f, id, ev(joinPath(path, idx), f));
    });
    if (any) used.add(top(path));
    if (any && !claimsDeid) ctx.warn(`field list ${label(path)} holds Safe Harbor identifiers (not claimed to be de-identified)`);
  };

  visit(root, '', 0);
  if (root && typeof root === 'object' && !Array.isArray(root)) {
    for (const k of Object.keys(root as Obj)) {
      if (!used.has(k) && !ctx.redactions.some((r) => r.path?.startsWith(k))) ctx.skip('no endpoint, listener or declared field list found here', k);
    }
  }
}

/** The application's own name, from the usual keys (`name`, `app.name`, `mediator.urn`, …). */
export function findSelfName(root: unknown): string | undefined {
  if (!root || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const o = root as Obj;
  const pick = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const clean = (s: string) => placeholderDefault(s.replace(/^urn:[\w-]+:/, '')) || undefined;
  for (const path of [['name'], ['app', 'name'], ['application', 'name'], ['mediator', 'name'], ['spring', 'application', 'name'], ['eip', 'application', 'name'], ['mediator', 'api', 'urn'], ['urn'], ['service', 'name']]) {
    const v = pick(path.reduce<unknown>((acc, k) => (acc as Obj)?.[k], o));
    if (v) return clean(v);
  }
  return undefined;
}


/**
 * `${NAME:default}` → `default` (and `${NAME}` → ''); anything else unchanged. Without a regex: the pattern
 * `^\$\{[^:}]*:?([^}]*)\}$` is quadratic on a long `${…` with no closing brace.
 */
function placeholderDefault(s: string): string {
  if (!s.startsWith('${') || !s.endsWith('}') || s.indexOf('}') !== s.length - 1) return s;
  const inner = s.slice(2, -1);
  const colon = inner.indexOf(':');
  return colon < 0 ? '' : inner.slice(colon + 1);
}
