import type { ParseResult, Transport } from '@custody/domain';
import { transportOfUrl, type ParseContext } from '../builder.js';
import { categoriesFromText } from '../data/categories.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { slug } from '../safe/text.js';

type R = Record<string, any>;

const READ_COMMANDS = /^(?:get|hget|hgetall|hmget|hkeys|hvals|hexists|exists|keys|mget|lrange|smembers|scan|find|findone|select|query-select)$/i;
/** Config nodes hold connection details and are referenced by id (`server`, `broker`, …). */
const REF_FIELDS = ['server', 'broker', 'mydb', 'db', 'database', 'connection', 'client', 'redis', 'mongodb'];
/** Nodes that only transform inside the flow, or carry no PHI off the flow. */
const INTERNAL = /^(?:tab|subflow|function|change|switch|template|json|xml|yaml|csv|html|split|join|sort|batch|delay|trigger|rbe|range|debug|comment|inject|catch|status|complete|link in|link out|link call|junction|group|ui_\w+)$/;

/** Node-RED flow exports: endpoints from node types and config nodes, grouped per tab. */
export function parseNodeRed(ctx: ParseContext): ParseResult {
  const { value, lines } = parseJsonWithLines(ctx.text);
  const nodes: R[] = Array.isArray(value) ? (value as R[]) : Array.isArray((value as R)?.flows) ? (value as R).flows : [];
  const byId = new Map(nodes.map((n, i) => [String(n.id), { n, i }]));
  const tabs = new Map(nodes.filter((n) => n.type === 'tab').map((n) => [String(n.id), String(n.label ?? n.id)]));
  const ev = (i: number, key = 'type') => ctx.ev(joinPath(joinPath('', i), key), lines.get(joinPath(joinPath('', i), key)) ?? lines.get(joinPath('', i)));
  const tabSystem = (n: R, i: number) => {
    const label = tabs.get(String(n.z)) ?? 'flow';
    return ctx.system({ id: `node-red-${slug(label)}`, name: `Node-RED flow '${label}'`, role: 'other', settings: { engine: 'node-red' }, evidence: [ev(i, 'z')] });
  };
  const configEndpoint = (n: R): { endpoint: string; node: R; idx: number } | undefined => {
    for (const f of REF_FIELDS) {
      const ref = byId.get(String(n[f] ?? ''));
      if (!ref) continue;
      const c = ref.n;
      const host = c.host ?? c.broker ?? c.hostname ?? c.server ?? c.url ?? c.hostField;
      if (host) return { endpoint: `${host}${c.port ? `:${c.port}` : ''}`, node: c, idx: ref.i };
    }
    return undefined;
  };
  nodes.forEach((n, i) => {
    const type = String(n.type ?? '');
    if (n.d === true || n.disabled === true) return ctx.warn(`node ${n.id} is disabled: not a flow`);
    if (INTERNAL.test(type) || !n.z) return;
    const self = () => tabSystem(n, i);
    const data = categoriesFromText(`${n.url ?? ''} ${n.name ?? ''} ${n.command ?? ''} ${n.topic ?? ''} ${tabs.get(String(n.z)) ?? ''}`);
    if (type === 'http in') {
      const from = ctx.system({ id: 'http-api-clients', name: 'HTTP API clients', role: 'other', evidence: [ev(i)] });
      ctx.mergeFlow({ from, to: self(), data, transport: 'http', endpoint: n.url, evidence: [ev(i, 'url')] });
    } else if (type === 'http response') {
      const to = ctx.system({ id: 'http-api-clients', name: 'HTTP API clients', role: 'other', evidence: [ev(i)] });
      ctx.mergeFlow({ from: self(), to, data, transport: 'http', purpose: 'HTTP response', evidence: [ev(i)] });
    } else if (type === 'http request') {
      const url = String(n.url ?? '');
      const m = /^(https?:\/\/[^/]+)/.exec(url);
      const target = m ? m[1] : url || '(URL set at runtime by msg.url)';
      const to = m ? ctx.endpointSystem(target, { evidence: ev(i, 'url') }) : ctx.system({ id: `runtime-url-${slug(tabs.get(String(n.z)) ?? 'flow')}`, name: `HTTP endpoint chosen at runtime (msg.url, flow '${tabs.get(String(n.z)) ?? ''}')`, role: 'other', evidence: [ev(i)] });
      ctx.mergeFlow({ from: self(), to, data, transport: m ? transportOfUrl(url) : 'unknown', endpoint: url || undefined, evidence: [ev(i, url ? 'url' : 'type')] });
    } else if (/^http-auth0|auth0|oauth/i.test(type)) {
      ctx.warn(`node ${n.id} (${type}) validates tokens: not a PHI flow`);
    } else {
      const ce = configEndpoint(n);
      const ownHost = n.host ?? n.server ?? n.broker;
      const endpoint = ce?.endpoint ?? (typeof ownHost === 'string' && ownHost ? `${ownHost}${n.port ? `:${n.port}` : ''}` : undefined);
      if (!endpoint) {
        if (/ in$| out$|request|mqtt|tcp|udp|email|mongo|sql|redis|websocket/.test(type)) ctx.skip(`node ${n.id} (${type}) has no endpoint in the export`, joinPath('', i));
        return;
      }
      const transport: Transport = /redis|mongo|sql|postgres|influx/i.test(type) ? 'database' : /mqtt|amqp|kafka/i.test(type) ? 'queue' : /email|e-mail/i.test(type) ? 'smtp' : /websocket/i.test(type) ? 'websocket' : 'tcp';
      const kind = /redis/i.test(type) ? 'Redis' : /mongo/i.test(type) ? 'MongoDB' : /mqtt/i.test(type) ? 'MQTT broker' : type;
      const e = ce ? [ev(i), ev(ce.idx, 'host')] : [ev(i)];
      const other = ctx.endpointSystem(endpoint, { name: `${kind} at ${endpoint}`, evidence: e[e.length - 1] });
      const reads = / in$/.test(type) || READ_COMMANDS.test(String(n.command ?? n.operation ?? ''));
      if (reads) ctx.mergeFlow({ from: other, to: self(), data, transport, endpoint, evidence: e });
      else ctx.mergeFlow({ from: self(), to: other, data, transport, endpoint, evidence: e });
    }
  });
  if (!nodes.length) ctx.skip('no nodes in the export');
  return ctx.result();
}
