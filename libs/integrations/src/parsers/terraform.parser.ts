import type { DataCategory, Evidence, ParseResult } from '@custody/domain';
import type { ParseContext } from '../builder.js';
import { slug } from '../safe/text.js';
import { parseHcl, type HclBlock, type HclBody } from './hcl.js';

type Obj = Record<string, any>;
const STORE = /^google_healthcare_(hl7_v2|fhir|dicom|consent)_store$/;
const KIND: Record<string, string> = { hl7_v2: 'HL7v2', fhir: 'FHIR', dicom: 'DICOM', consent: 'Consent' };
const STORE_DATA: Record<string, DataCategory[]> = { hl7_v2: ['demographics', 'contact', 'diagnosis'], fhir: ['demographics', 'diagnosis'], dicom: ['diagnosis'], consent: ['demographics'] };

const attr = (b: HclBody, k: string): unknown => b.attrs[k]?.value;
const refOf = (v: unknown): string | undefined => /(?:\$\{)?(?<![\w.])((?:data\.)?[a-z][\w]*\.[\w-]+)(?:\.[\w]+)*\}?/.exec(String(v ?? ''))?.[1];

/** Every string inside an HCL value (for jsonencode policies and container args). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}
function statements(v: unknown): Obj[] {
  const doc = v && typeof v === 'object' && (v as Obj).$call === 'jsonencode' ? (v as Obj).args[0] : v;
  const st = doc?.Statement;
  return Array.isArray(st) ? st : st ? [st] : [];
}
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);

/** Terraform for health data stores: GCP Healthcare API (stores, Pub/Sub, MLLP adapter), AWS HealthLake and S3. */
export function parseTerraform(ctx: ParseContext): ParseResult {
  const root = parseHcl(ctx.text);
  const resources = new Map<string, HclBlock>();
  const all: HclBlock[] = [];
  const walk = (b: HclBody) => b.blocks.forEach((x) => (all.push(x), walk(x.body)));
  walk(root);
  for (const b of root.blocks) if ((b.type === 'resource' || b.type === 'data') && b.labels.length >= 2) resources.set(`${b.type === 'data' ? 'data.' : ''}${b.labels[0]}.${b.labels[1]}`, b);
  const ev = (b: HclBlock, what = ''): Evidence => ctx.ev(`${b.type}.${b.labels.join('.')}${what ? `.${what}` : ''}`, b.line);
  const handled = new Set<string>();
  const sys = (ref: string, refEv?: Evidence): string => {
    const b = resources.get(ref);
    const [type, name] = ref.split('.');
    const nm = b ? String(attr(b.body, 'name') ?? attr(b.body, 'bucket') ?? attr(b.body, 'datastore_name') ?? name) : name;
    // Resources defined in sibling files are kept symbolic, with the reference as their evidence.
    const e = b ? [ev(b)] : refEv ? [refEv] : undefined;
    const st = STORE.exec(type);
    if (st) return ctx.system({ id: `gcp-${slug(KIND[st[1]])}-store-${slug(name)}`, name: `Cloud Healthcare API ${KIND[st[1]]} store '${nm}'`, role: 'cloud_storage', hosts: ['healthcare.googleapis.com'], evidence: e });
    if (type === 'google_pubsub_topic') return ctx.system({ id: `pubsub-${slug(name)}`, name: `Pub/Sub topic ${ref}${b ? ` ('${nm}')` : ''}`, role: 'cloud_storage', hosts: ['pubsub.googleapis.com'], evidence: e });
    if (/healthlake/.test(type)) return ctx.system({ id: `healthlake-${slug(name)}`, name: `AWS HealthLake FHIR datastore ${ref}`, role: 'cloud_storage', hosts: ['healthlake.amazonaws.com'], evidence: e });
    if (type === 'aws_s3_bucket') return ctx.system({ id: `s3-${slug(name)}`, name: `S3 bucket ${ref}${b && nm !== name ? ` ('${nm}')` : ''}`, role: 'cloud_storage', hosts: ['s3.amazonaws.com'], evidence: e });
    return ctx.system({ id: slug(ref), name: ref, role: 'other', evidence: e });
  };

  for (const [ref, b] of resources) {
    const [type] = ref.split('.');
    const st = STORE.exec(type);
    if (!st) continue;
    handled.add(type);
    const store = sys(ref);
    const data = STORE_DATA[st[1]];
    for (const nb of b.body.blocks.filter((x) => /^notification_configs?$/.test(x.type))) {
      const topic = refOf(attr(nb.body, 'pubsub_topic'));
      if (!topic) continue;
      ctx.flow({ from: store, to: sys(topic, ev(b, 'notification_configs.pubsub_topic')), data, transport: 'queue', purpose: 'store notifications', endpoint: topic, evidence: [ev(b, 'notification_configs.pubsub_topic')] });
    }
    for (const sc of b.body.blocks.filter((x) => x.type === 'stream_configs')) {
      const bq = sc.body.blocks.find((x) => x.type === 'bigquery_destination');
      const uri = String((bq && attr(bq.body, 'dataset_uri')) ?? '');
      if (!uri) continue;
      const to = ctx.system({ id: `bigquery-${slug(uri)}`, name: `BigQuery ${uri}`, role: 'cloud_storage', hosts: ['bigquery.googleapis.com'], evidence: [ev(b, 'stream_configs')] });
      ctx.flow({ from: store, to, data, transport: 'api', purpose: 'streaming export', endpoint: uri, evidence: [ev(b, 'stream_configs')] });
    }
  }

  // MLLP adapters: a container whose args name an HL7v2 store (module input, instance metadata, k8s).
  for (const b of all) {
    const args = strings(b.body.attrs.container?.value ?? b.body.attrs.args?.value ?? Object.fromEntries(Object.entries(b.body.attrs).map(([k, v]) => [k, v.value])));
    const storeArg = args.find((a) => a.startsWith('--hl7_v2_store_id='));
    if (!storeArg || b.type === 'variable') continue;
    handled.add(b.labels[0] ?? b.type);
    const arg = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.split('=').slice(1).join('=');
    const port = arg('port') ?? '2575';
    const name = b.labels[b.labels.length - 1] ?? 'mllp_adapter';
    const line = ctx.locate(['--hl7_v2_store_id='], ctx.lines.offsetOfLine(b.line)) ?? b.line;
    const e = ctx.ev(`${b.type}.${b.labels.join('.')}.container.args`, line);
    const adapter = ctx.system({ id: `mllp-adapter-${slug(name)}`, name: `MLLP adapter ${name} (port ${port}, receiver ${arg('receiver_ip') ?? '?'})`, role: 'other', evidence: [e] });
    const senders = ctx.system({ id: `hl7-senders-${slug(name)}`, name: `HL7v2 senders reaching MLLP adapter ${name} on port ${port}`, role: 'other', evidence: [e] });
    ctx.flow({ from: senders, to: adapter, data: STORE_DATA.hl7_v2, transport: 'mllp', endpoint: `${arg('receiver_ip') ?? '0.0.0.0'}:${port}`, evidence: [e] });
    const storeId = arg('hl7_v2_store_id') ?? '';
    const path = `${arg('hl7_v2_project_id') ?? ''}/${arg('hl7_v2_location_id') ?? ''}/${arg('hl7_v2_dataset_id') ?? ''}/${storeId}`;
    const store = ctx.system({ id: `gcp-hl7v2-store-${slug(storeId)}`, name: `Cloud Healthcare API HL7v2 store ${path}`, role: 'cloud_storage', hosts: ['healthcare.googleapis.com'], evidence: [e] });
    ctx.flow({ from: adapter, to: store, data: STORE_DATA.hl7_v2, transport: 'https', endpoint: `healthcare.googleapis.com/${path}`, evidence: [e] });
  }

  // IAM: who may read or write which bucket implies the data path (HealthLake import/export to S3).
  const principals = new Map<string, { ref?: string; services: string[] }>();
  for (const [ref, b] of resources) {
    if (!ref.startsWith('aws_iam_role.')) continue;
    handled.add('aws_iam_role');
    const sts = statements(attr(b.body, 'assume_role_policy'));
    const services = sts.flatMap((s) => list(s.Principal?.Service));
    const source = sts.flatMap((s) => strings(s.Condition)).map(refOf).find((r) => r && !r.startsWith('data.') && !r.startsWith('var.') && !r.startsWith('local.'));
    principals.set(ref, { ref: source, services });
  }
  const bucketFlows = (principal: string, sts: Obj[], e: Evidence) => {
    for (const s of sts) {
      if (String(s.Effect ?? 'Allow') !== 'Allow') continue;
      const actions = list(s.Action);
      const buckets = [...new Set(list(s.Resource).map(refOf).filter((r): r is string => !!r && r.startsWith('aws_s3_bucket.')))];
      for (const bucket of buckets) {
        const bs = sys(bucket, e);
        if (actions.some((a) => /^s3:(?:GetObject|\*)$|^s3:\*$/.test(a))) ctx.flow({ from: bs, to: principal, data: ['demographics', 'diagnosis'], transport: 'api', purpose: 'IAM grant s3:GetObject', evidence: [e] });
        if (actions.some((a) => /^s3:(?:PutObject|\*)$/.test(a))) ctx.flow({ from: principal, to: bs, data: ['demographics', 'diagnosis'], transport: 'api', purpose: 'IAM grant s3:PutObject', evidence: [e] });
      }
    }
  };
  for (const [ref, b] of resources) {
    if (ref.startsWith('aws_iam_role_policy_attachment.') || ref.startsWith('aws_iam_role_policy.')) {
      handled.add(ref.split('.')[0]);
      const role = refOf(attr(b.body, 'role'));
      const pr = role ? principals.get(role) : undefined;
      const policy = ref.startsWith('aws_iam_role_policy.') ? b : resources.get(refOf(attr(b.body, 'policy_arn')) ?? '');
      if (!pr || !policy) continue;
      handled.add('aws_iam_policy');
      const who = pr.ref ? sys(pr.ref, ev(b)) : pr.services[0] ? ctx.endpointSystem(pr.services[0], { evidence: ev(b) }) : undefined;
      if (who) bucketFlows(who, statements(attr(policy.body, 'policy')), ev(policy, 'policy'));
    }
    if (ref.startsWith('aws_s3_bucket_policy.')) {
      handled.add('aws_s3_bucket_policy');
      for (const s of statements(attr(b.body, 'policy'))) {
        for (const svc of list(s.Principal?.Service)) {
          if (/^logging\.|^delivery\.logs|cloudtrail/.test(svc)) {
            ctx.warn(`${ref}: ${svc} writes access logs (metadata), not PHI: not a flow`);
            continue;
          }
          bucketFlows(ctx.endpointSystem(svc, { evidence: ev(b) }), [s], ev(b, 'policy'));
        }
      }
    }
  }
  for (const [ref] of resources) if (/healthlake|aws_s3_bucket$|google_pubsub_topic|google_healthcare_dataset/.test(ref.split('.')[0])) (sys(ref), handled.add(ref.split('.')[0]));
  const rest = [...new Set([...resources.keys()].map((r) => r.split('.').slice(0, r.startsWith('data.') ? 2 : 1).join('.')).filter((t) => !handled.has(t)))];
  if (rest.length) ctx.skip(`resource types with no data path Custody reads: ${rest.join(', ')}`, 'resource');
  if (!ctx.flowCount) ctx.warn('no data path found in this Terraform file (references may point to sibling files)');
  return ctx.result();
}

