import type { DataCategory, Evidence, ParseResult, Transport } from '@custody/domain';
import { transportOfUrl, type ParseContext } from '../builder.js';
import { hostOf } from '../catalogue/lookup.js';
import { categoriesFromText } from '../data/categories.js';
import { joinPath, parseJsonWithLines } from '../safe/json.js';
import { decodeXmlEntities, slug } from '../safe/text.js';
import { asArray, parseXml } from '../safe/xml.js';

type R = Record<string, any>;

/** FHIR XML (`<x value="…"/>`, repeated elements) to the JSON shape, so one reader serves both. */
function fhirXmlToJson(n: unknown): unknown {
  if (Array.isArray(n)) return n.map(fhirXmlToJson);
  if (!n || typeof n !== 'object') return typeof n === 'string' ? decodeXmlEntities(n) : n;
  const o = n as R;
  const keys = Object.keys(o).filter((k) => k !== '@_xmlns' && k !== '#text');
  if (keys.length === 1 && keys[0] === '@_value') return decodeXmlEntities(String(o['@_value']));
  const out: R = {};
  for (const k of keys) {
    if (k === '@_value') out.value = decodeXmlEntities(String(o[k]));
    else if (k.startsWith('@_')) out[k.slice(2)] = decodeXmlEntities(String(o[k]));
    else out[k] = fhirXmlToJson(o[k]);
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? str(v[0]) : v && typeof v === 'object' ? str((v as R).value ?? (v as R).display ?? (v as R).reference) : v == null ? '' : String(v));
const arr = (v: unknown): any[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

function refName(r: unknown): string {
  if (!r || typeof r !== 'object') return str(r);
  const o = r as R;
  return str(o.display) || str(o.identifier?.value) || str(o.reference) || str(o.name);
}

/** Parses FHIR resources (JSON or XML): Endpoint, Subscription, Consent, AuditEvent, Provenance, Bundles. */
export function parseFhir(ctx: ParseContext): ParseResult {
  let root: unknown;
  let lines = new Map<string, number>();
  if (ctx.text.trimStart().startsWith('<')) {
    const doc = parseXml(ctx.text);
    const [type] = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('@_'));
    root = { resourceType: type, ...(fhirXmlToJson(doc[type]) as R) };
  } else {
    ({ value: root, lines } = parseJsonWithLines(ctx.text));
  }
  const lineOf = (path: string, needle?: string) =>
    lines.get(path) ?? ctx.locate([needle, needle?.replace(/&/g, '&amp;'), `<${path.split('.').pop()?.replace(/\[\d+\]$/, '')} `]);
  const ev = (path: string, needle?: string): Evidence => ctx.ev(path, lineOf(path, needle));
  const visit = (res: R, path: string, bundle?: R) => {
    const type = String(res?.resourceType ?? '');
    const p = (k: string) => joinPath(path, k);
    switch (type) {
      case 'Bundle':
        arr(res.entry).forEach((e: R, i: number) => e?.resource && visit(e.resource, joinPath(joinPath(p('entry'), i), 'resource'), res));
        if (res.type === 'searchset' && arr(res.entry).length) {
          const self = arr(res.link).find((l: R) => str(l.relation) === 'self');
          const url = str(self?.url);
          if (url) {
            const server = ctx.endpointSystem(url, { evidence: ev(p('link')) });
            const types = [...new Set(arr(res.entry).map((e: R) => String(e?.resource?.resourceType ?? '')))].join(' ');
            const who = ctx.system({ id: `requester-${slug(url)}`, name: `Requester of ${url.replace(/\?.*/, '')} (search result recipient)`, role: 'other', evidence: [ev(p('link'), url)] });
            ctx.flow({ from: server, to: who, data: categoriesFromText(`${types} ${JSON.stringify(res.entry).slice(0, 20000)}`), transport: transportOfUrl(url), purpose: 'search result', endpoint: url, evidence: [ev(p('type'), 'searchset'), ev(p('link'), url)] });
          }
        }
        return;
      case 'Endpoint': {
        const address = str(res.address);
        if (!address) return ctx.skip('Endpoint without address', path);
        const name = str(res.name) || refName(res.managingOrganization);
        const aev = ev(p('address'), address);
        const to = ctx.endpointSystem(address, { name: name ? `${name} (${address})` : undefined, evidence: aev });
        const from = ctx.practice(aev);
        const hint = JSON.stringify([res.payloadType, res.extension, res.connectionType, res.payloadMimeType]);
        ctx.flow({ from, to, data: categoriesFromText(hint), transport: transportOfUrl(address), endpoint: address, purpose: 'endpoint registration', evidence: [aev] });
        return;
      }
      case 'Subscription': {
        const ch = res.channel ?? {};
        const chType = str(ch.type).toLowerCase();
        const criteria = str(res.criteria) || str(res.topic);
        const cev = ev(p('criteria'), criteria);
        const server = ctx.system({ id: 'fhir-server-subscriptions', name: 'FHIR server where the Subscription is registered', role: 'other', evidence: [cev] });
        const endpoint = str(ch.endpoint);
        const recipient = /recipient=([^&]+)/.exec(criteria)?.[1];
        const to = endpoint
          ? ctx.endpointSystem(endpoint, { evidence: ev(joinPath(p('channel'), 'endpoint'), endpoint) })
          : ctx.system({ id: `subscriber-${slug(recipient ?? criteria)}`, name: `Subscriber ${recipient ? `recipient=${recipient}` : `of ${criteria}`} (${chType || 'unknown'} channel)`, role: 'other', evidence: [cev] });
        const transport: Transport = chType === 'websocket' ? 'websocket' : chType === 'email' ? 'smtp' : chType === 'sms' ? 'sms' : endpoint ? transportOfUrl(endpoint) : 'unknown';
        ctx.flow({ from: server, to, data: categoriesFromText(criteria.split('?')[0]), transport, endpoint: endpoint || undefined, purpose: 'subscription notification', evidence: [cev, ev(joinPath(p('channel'), 'type'), chType)] });
        return;
      }
      case 'Consent': {
        const custodian = arr(res.organization)[0] ?? res.controller?.[0] ?? arr(res.performer)[0];
        const fromName = refName(custodian) || 'Consent custodian';
        const oev = ev(p('organization'), fromName);
        const from = ctx.system({ id: `org-${slug(fromName)}`, name: fromName, role: 'other', evidence: [oev] });
        const prov = res.provision ?? {};
        const actors = [...arr(prov.actor), ...arr(prov.provision).flatMap((x: R) => arr(x.actor))];
        const dataText = JSON.stringify([prov.class, prov.code, prov.data, arr(prov.provision).map((x: R) => [x.class, x.code, x.data]), res.category, res.scope]);
        const data: DataCategory[] = categoriesFromText(dataText);
        const expires = str(prov.period?.end) || undefined;
        const purpose = arr(prov.purpose).map((x: R) => str(x.code ?? x.display)).join(', ') || str(res.scope?.coding?.[0]?.code) || undefined;
        for (const [i, a] of actors.entries()) {
          const nm = refName(a.reference) || 'Consent recipient';
          const aev = ev(joinPath(joinPath(joinPath(p('provision'), 'actor'), i), 'reference'), nm);
          const to = ctx.system({ id: `org-${slug(nm)}`, name: nm, role: 'other', evidence: [aev] });
          ctx.consent({ to, data, purpose, expires, type: 'authorization', evidence: [aev] });
          ctx.flow({ from, to, data, transport: 'unknown', purpose: `consent (permitted)${purpose ? `: ${purpose}` : ''}`, evidence: [oev, aev] });
        }
        if (!actors.length) ctx.skip('Consent without provision.actor: no recipient to attach it to', path);
        return;
      }
      case 'AuditEvent': {
        const action = str(res.action).toUpperCase();
        const server = refName(res.source?.observer) || str(res.source?.site);
        const what = arr(res.entity).map((e: R) => str(e.what?.reference)).find((u: string) => hostOf(u));
        const sev = ev(p('source'), server);
        const srv = what ? ctx.endpointSystem(what, { name: server ? `${server} (${hostOf(what)})` : undefined, evidence: sev }) : ctx.system({ id: `server-${slug(server || 'audit-source')}`, name: server || 'Audited server', role: 'other', evidence: [sev] });
        const types = arr(res.entity).map((e: R) => `${str(e.what?.reference)} ${str(e.type?.code)}`).join(' ');
        const data = categoriesFromText(`${types} Patient`);
        for (const [i, a] of arr(res.agent).entries()) {
          const nm = str(a.name) || refName(a.who);
          if (!nm) continue;
          const aev = ev(joinPath(joinPath(p('agent'), i), 'name'), nm);
          const agent = ctx.system({ id: `agent-${slug(nm)}`, name: nm, role: 'other', evidence: [aev] });
          const t = what ? transportOfUrl(what) : 'unknown';
          const e = [ev(p('action'), action), aev];
          // create/update/execute push data to the server; read/query pull it from the server.
          if (action === 'R' || action === 'E' && /read|search/i.test(str(res.subtype))) ctx.flow({ from: srv, to: agent, data, transport: t, purpose: 'observed (audit: read)', endpoint: what, evidence: e });
          else if (action === 'D') continue;
          else ctx.flow({ from: agent, to: srv, data, transport: t, purpose: `observed (audit: ${action || 'action'})`, endpoint: what, evidence: e });
        }
        return;
      }
      case 'Provenance': {
        const targets = arr(res.target).map((t: R) => str(t.reference)).filter(Boolean);
        for (const [i, a] of arr(res.agent).entries()) {
          const nm = refName(a.who);
          if (!nm) continue;
          const aev = ev(joinPath(joinPath(p('agent'), i), 'who'), nm);
          const agent = ctx.system({ id: `agent-${slug(nm)}`, name: nm, role: 'other', evidence: [aev] });
          for (const t of targets) {
            const to = hostOf(t) ? ctx.endpointSystem(t, { evidence: aev }) : ctx.system({ id: 'fhir-server', name: 'FHIR server holding the target', role: 'other' });
            ctx.flow({ from: agent, to, data: categoriesFromText(t), transport: hostOf(t) ? transportOfUrl(t) : 'unknown', purpose: 'provenance (authored)', evidence: [aev] });
          }
        }
        return;
      }
      default:
        if (!type) ctx.skip('not a FHIR resource (no resourceType)', path || 'resourceType');
        else ctx.skip(`FHIR ${type} carries no flow information Custody reads`, path || 'resourceType');
    }
  };
  visit(root as R, '');
  return ctx.result();
}
