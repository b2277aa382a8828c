/**
 * The OpenAPI document the API serves: at /api/docs-json (Swagger's usual address) and the older
 * /api/docs/openapi.json, with a request schema for every body and a response schema for every route.
 */
import { startTestApp, type TestApp } from '../../../../test/support/app.js';

type Obj = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** POST routes that take no body. */
const NO_BODY = new Set(['post /api/workspaces/{ws}/reprocess']);

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Obj;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await fetch(`${t.base}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = await res.json();
  }, 120_000);
  afterAll(() => t?.close());

  const routes = () => Object.entries(doc.paths as Obj).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m} ${path}`, method: m, op: item[m] as Obj })));

  /** A schema is real when it is a resolvable $ref to an object with properties, or has a type / oneOf. */
  const resolves = (schema: Obj | undefined): boolean => {
    if (!schema) return false;
    if (schema.$ref) {
      const target = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
      return Boolean(target && (target.properties || target.oneOf));
    }
    if (schema.oneOf) return schema.oneOf.every(resolves);
    if (schema.type === 'array') return resolves(schema.items);
    return typeof schema.type === 'string';
  };

  it('is served at /api/docs-json and at /api/docs/openapi.json, the same document', async () => {
    const legacy = await (await fetch(`${t.base}/api/docs/openapi.json`)).json();
    expect(legacy.paths).toEqual(doc.paths);
    expect(doc.openapi).toMatch(/^3\./);
    expect(routes().length).toBeGreaterThanOrEqual(15);
  });

  it('has a response schema for every route', () => {
    const missing = routes().filter(({ op }) => {
      const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
      return !ok.some(([, r]) => Object.values((r as Obj).content ?? {}).some((c) => resolves((c as Obj).schema)));
    }).map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it('has a request body schema for every route that takes a body', () => {
    const bodies = routes().filter(({ method, key }) => method !== 'get' && !NO_BODY.has(key));
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    const missing = bodies.filter(({ op }) => !Object.values(op.requestBody?.content ?? {}).some((c) => resolves((c as Obj).schema))).map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it('documents the what-if body and the audit report from their DTOs', () => {
    const whatIf = doc.paths['/api/workspaces/{ws}/what-if'].post;
    const ref = whatIf.requestBody.content['application/json'].schema.$ref.split('/').pop();
    const body = doc.components.schemas[ref];
    expect(body.required).toContain('changes');
    const change = doc.components.schemas[body.properties.changes.items.$ref.split('/').pop()];
    expect(change.properties.type.enum).toEqual(expect.arrayContaining(['sign_baa', 'disable_training', 'remove_system', 'cut_retention', 'set_setting']));
    const audit = doc.paths['/api/workspaces/{ws}/audit'].get.responses['200'].content['application/json'].schema.$ref.split('/').pop();
    expect(Object.keys(doc.components.schemas[audit].properties)).toEqual(expect.arrayContaining(['score', 'systems', 'flows', 'findings', 'documents']));
    expect(doc.components.schemas.FindingDto.properties.severity.enum).toEqual(['info', 'low', 'medium', 'high', 'critical']);
    // The law-enforcement view: its holders' posture and who decides, as enums a client can switch on.
    const le = doc.paths['/api/workspaces/{ws}/law-enforcement'].get.responses['200'].content['application/json'].schema.$ref.split('/').pop();
    const holder = doc.components.schemas[doc.components.schemas[le].properties.holders.items.$ref.split('/').pop()];
    expect(holder.properties.posture.enum).toEqual(expect.arrayContaining(['judicial_process_only', 'legal_process_with_notice', 'any_legal_request', 'unspecified', 'no_contract']));
    expect(holder.properties.release.enum).toEqual(['practice', 'notice', 'judge', 'holder', 'unknown']);
    expect(holder.required ?? []).not.toContain('quote');
    // A vendor assessment's marks (report, system, flow; a template's too) are documented and optional: an audit of declared systems has none.
    for (const [dto, keys] of [[audit, ['assessed', 'template']], ['GraphSystemDto', ['assessed', 'template', 'unnamed']], ['GraphFlowDto', ['assessed']], ['FindingDto', ['template']]] as const) {
      for (const key of keys) {
        expect(doc.components.schemas[dto].properties[key]).toMatchObject({ enum: [true] });
        expect(doc.components.schemas[dto].required ?? []).not.toContain(key);
      }
    }
    // The expiry clause an expired-BAA finding quotes is part of the report: documented, and optional (older results lack it).
    for (const dto of ['AttachedContractDto', 'DocumentInfoDto']) {
      expect(doc.components.schemas[dto].properties).toHaveProperty('expiresEvidence');
      expect(doc.components.schemas[dto].required ?? []).not.toContain('expiresEvidence');
    }
  });
});
