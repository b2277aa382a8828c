/**
 * The API end to end on the example practice (uploaded first): what uploads do (the same bytes twice, bad files, the
 * events they stream) and a person's decisions on contracts (a corrected fact, a link), each recorded with who and why.
 */
import { readFileSync } from 'node:fs';
import type { AuditReport } from '@custody/domain';
import { collectFiles } from '@custody/audit';
import type { TestApp } from '../support/app.js';
import { EXAMPLE, exampleApi } from '../support/example-api.js';
import { waitUntil } from '../support/processes.js';

describe(`API end to end: uploads and decisions (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { api, json, upload, allFinished, drained, ingestExample, current } = exampleApi();
  let t: TestApp;
  let ws: string;
  let key: string;
  beforeAll(() => ({ t, ws, key } = current()));
  beforeAll(async () => {
    await ingestExample();
  }, 180_000);

  it('changes nothing when the same bytes arrive twice', async () => {
    const file = collectFiles([EXAMPLE]).find((f) => f.endsWith('custody.yaml'))!;
    const before = (await json<unknown[]>('/documents')).length;
    const res = await upload('again.yaml', readFileSync(file));
    expect(await res.json()).toMatchObject({ created: false });
    expect((await json<unknown[]>('/documents')).length).toBe(before);
  });

  it('reports a malformed manifest, an empty file and a binary file by name and reason, and keeps going', async () => {
    const bad = {
      'broken/custody.yaml': Buffer.from('practice: { name: X }\nsystems:\n  - { id: a, name: A, role: notetaker }\n'),
      'empty.txt': Buffer.alloc(0),
      'photo.bin': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      'good-policy.md': Buffer.from('# Privacy Policy\n\nWe will never sell your personal information.\n'),
    };
    for (const [name, bytes] of Object.entries(bad)) expect((await upload(name, bytes)).status).toBe(202);
    await waitUntil(allFinished, 60_000, 'bad batch processed');
    const docs = await json<{ fileName: string; status: string; reason?: string }[]>('/documents');
    const by = (n: string) => docs.find((d) => d.fileName === n)!;
    expect(by('broken/custody.yaml')).toMatchObject({ status: 'failed' });
    expect(by('broken/custody.yaml').reason).toMatch(/broken\/custody\.yaml:3.*notetaker/);
    expect(by('empty.txt').reason).toMatch(/empty\.txt: empty file/);
    expect(['failed', 'unparsed']).toContain(by('photo.bin').status);
    expect(by('photo.bin').reason).toMatch(/photo\.bin/);
    expect(`${by('good-policy.md').status} ${by('good-policy.md').reason ?? ''}`.trim()).toBe('processed');
    expect((await fetch(`${t.base}/api/health`)).status).toBe(200);
  }, 90_000);

  it('streams pipeline events over SSE', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${t.base}/api/workspaces/${ws}/events`, { headers: { 'x-api-key': key }, signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    // A new integration config adds a flow, so the graph changes and the workspace is re-scored.
    await upload('configs/transcribe.json', Buffer.from(JSON.stringify({ name: 'session transcription', endpoint: 'https://api.assemblyai.com/v2/transcript', fields: ['session_audio'] })));
    let text = '';
    const deadline = Date.now() + 60_000;
    const wanted = [/event: document\.received/, /event: facts\.extracted/, /event: graph\.changed/, /event: exposure\.scored/];
    while (!wanted.every((w) => w.test(text)) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    ctrl.abort();
    expect(text).toMatch(/event: document\.received/);
    expect(text).toMatch(/event: facts\.extracted/);
    expect(text).toMatch(/event: graph\.changed/);
    expect(text).toMatch(/event: exposure\.scored/);
  }, 90_000);

  it('lets a person correct a fact: the correction wins and is in the audit log with who and why', async () => {
    const contract = (await json<AuditReport>('/audit')).documents.find((d) => d.type === 'contract' && d.system)!;
    const before = await json<{ facts: Record<string, { value: unknown }> }>(`/documents/${contract.id}`);
    const next = before.facts.law_enforcement_disclosure.value === 'judicial_process_only' ? 'any_legal_request' : 'judicial_process_only';
    const res = await api(`/documents/${contract.id}/facts/law_enforcement_disclosure/corrections`, { method: 'POST', body: JSON.stringify({ value: next, reason: 'counsel read section 7' }) });
    expect(res.status).toBe(202);
    const invalid = await api(`/documents/${contract.id}/facts/law_enforcement_disclosure/corrections`, { method: 'POST', body: JSON.stringify({ value: 'sometimes', reason: 'x' }) });
    expect(invalid.status).toBe(400);
    await waitUntil(async () => {
      const audit = await json<AuditReport>('/audit');
      return audit.systems.some((s) => s.contracts.some((c) => c.documentId === contract.id && c.facts.law_enforcement_disclosure.value === next));
    }, 60_000, 'correction projected');
    const corrected = (await json<AuditReport>('/audit')).systems.flatMap((s) => s.contracts).find((c) => c.documentId === contract.id)!;
    // The machine's answer stays beside the correction.
    expect(corrected.facts.law_enforcement_disclosure.machine?.value).toBe(before.facts.law_enforcement_disclosure.value);
    expect(corrected.facts.law_enforcement_disclosure.extractor).toMatch(/^human:key:cust_/);
    const log = await json<{ type: string; actor: string; payload: { reason?: string } }[]>('/audit-log?limit=5000');
    const ev = log.find((e) => e.type === 'FactCorrected')!;
    expect(ev.actor).toMatch(/^key:cust_/);
    expect(ev.payload.reason).toBe('counsel read section 7');
    expect(log.some((e) => e.type === 'EvidenceRead')).toBe(true);
  }, 90_000);

  it('links a contract that matched no system: the link is an event with who and why, and the audit follows it', async () => {
    // A BAA signed under a holding company's name: nothing in it names a system of the practice.
    const file = 'docs/pinecrest-signed-baa.md';
    const text = '# Business Associate Agreement\n\nThis Business Associate Agreement is between Pinecrest Data Holdings, LLC ("Business Associate") and ' +
      'Harborview Counseling ("Covered Entity"). Business Associate will notify Covered Entity of a breach within thirty (30) days.\n';
    expect((await upload(file, Buffer.from(text))).status).toBe(202);
    const doc = async () => (await json<AuditReport>('/audit')).documents.find((d) => d.file === file);
    await waitUntil(async () => (await doc())?.status === 'processed' && (await drained()), 60_000, 'the new contract read and projected');
    const unlinked = (await doc())!;
    expect(unlinked.system).toBeUndefined();
    expect((await json<AuditReport>('/audit')).findings.map((f) => f.id)).toContain('missing-baa@system:storage');

    const link = (id: string, body: unknown) => api(`/documents/${id}/link`, { method: 'POST', body: JSON.stringify(body) });
    // Refused with a reason, nothing recorded: the practice itself, an unknown system, a document that is not a contract, no system.
    const manifest = (await json<AuditReport>('/audit')).documents.find((d) => d.type === 'manifest')!;
    for (const [id, body, why] of [
      [unlinked.id, { system: 'practice' }, /not a vendor system/], [unlinked.id, { system: 'no-such-system' }, /not a vendor system/],
      [manifest.id, { system: 'storage' }, /not a contract/], [unlinked.id, {}, /needs "system"/],
    ] as const) {
      const res = await link(id, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(why);
    }
    expect((await link('00000000-0000-4000-8000-000000000000', { system: 'storage' })).status).toBe(404);

    const res = await link(unlinked.id, { system: 'storage', reason: 'Pinecrest is Stowbox Cloud\'s parent; signed copy on file' });
    expect(res.status).toBe(202);
    // Projected and scored: until its score job has run, the audit serves the newer graph with the previous findings.
    await waitUntil(async () => (await doc())?.system === 'storage' && (await drained()), 60_000, 'the link projected and scored');
    const audit = await json<AuditReport>('/audit');
    expect(audit.systems.find((s) => s.id === 'storage')!.contracts.map((c) => c.documentId)).toContain(unlinked.id);
    expect(audit.findings.map((f) => f.id)).not.toContain('missing-baa@system:storage');
    const log = await json<{ type: string; actor: string; payload: { documentId?: string; system?: string; reason?: string } }[]>('/audit-log?limit=5000');
    expect(log.filter((e) => e.type === 'DocumentLinked')).toEqual([
      expect.objectContaining({ actor: expect.stringMatching(/^key:cust_/), payload: { documentId: unlinked.id, system: 'storage', reason: 'Pinecrest is Stowbox Cloud\'s parent; signed copy on file' } }),
    ]);
  }, 120_000);
});
