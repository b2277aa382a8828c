import type { CommandBus } from '@nestjs/cqrs';
import { InvalidInputError, NotFoundError } from '@custody/domain';
import {
  CorrectFactCommand, IngestDocumentCommand, JobName, LinkDocumentCommand, RecordEvidenceReadCommand, ReprocessWorkspaceCommand,
  TriageFindingCommand,
} from '@custody/pipeline';
import { loadCorrections } from '@custody/audit';
import type { TestApp } from '../support/app.js';
import { commandHarness } from '../support/command-harness.js';
import { waitUntil } from '../support/processes.js';

/**
 * The commands a person's decision or a read sends (triage, fact correction, link, evidence read, reprocess) against
 * a real database and queue: the catalogue event each appends, the follow-up job FOLLOW_UPS declares for it, and what
 * each refuses before anything is recorded. They act on a processed BAA with a scored graph, uploaded first.
 */
describe(`command handlers: decisions, reads and reprocessing (${process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'embedded'})`, () => {
  const { added, newEvents, lastSeq, drained, settle, ingestBaa, current } = commandHarness();
  let t: TestApp;
  let wsId: string;
  let bus: CommandBus;
  beforeAll(() => ({ t, wsId, bus } = current()));

  let docId: string;
  beforeAll(async () => {
    docId = await ingestBaa();
  }, 180_000);

  it('triage appends FindingTriaged and enqueues a re-score of the current graph with its seq', async () => {
    await settle();
    const before = await lastSeq();
    const version = (await t.runtime.persistence.projections.graph(wsId))!.version;
    const { seq } = await bus.execute(new TriageFindingCommand(wsId, 'some-rule@system:x', 'accepted', 'known and signed off', 'tester'));
    const own = await newEvents(before);
    expect(own[0]).toMatchObject({ seq, type: 'FindingTriaged', actor: 'tester', payload: { findingId: 'some-rule@system:x', status: 'accepted', reason: 'known and signed off' } });
    // Contained, not first: the Reconciler's periodic pass may enqueue its own catch-up job in between (seen once
    // in the embedded mode under load: a Project job ahead of this Score).
    expect(added).toContainEqual({ name: JobName.Score, data: { workspaceId: wsId, graphVersion: version, triageSeq: seq } });
    expect(() => new TriageFindingCommand(wsId, 'x', 'mitigated', '  ')).toThrow(/needs a reason/);
    expect(() => new TriageFindingCommand(wsId, 'x', 'ignored' as never, 'r')).toThrow(InvalidInputError);
  });

  it('a fact correction appends FactCorrected and enqueues a projection; another workspace\'s document is not found', async () => {
    await settle();
    const before = await lastSeq();
    const { seq } = await bus.execute(new CorrectFactCommand(wsId, docId, 'baa_offered', 'yes', 'read the signed copy', 'tester'));
    expect((await newEvents(before))[0]).toMatchObject({ seq, type: 'FactCorrected', payload: { documentId: docId, fact: 'baa_offered', value: 'yes', reason: 'read the signed copy' } });
    expect(added[0]).toEqual({ name: JobName.Project, data: { workspaceId: wsId } });
    const other = (await t.runtime.persistence.workspaces.ensure('Other Practice')).workspace.id;
    await expect(bus.execute(new CorrectFactCommand(other, docId, 'baa_offered', 'yes', 'r'))).rejects.toThrow(NotFoundError);
    expect(() => new CorrectFactCommand(wsId, docId, 'no_such_fact', 'yes', 'r')).toThrow(/unknown fact/);
    expect(() => new CorrectFactCommand(wsId, docId, 'baa_offered', 'yes', undefined)).toThrow(/needs a reason/);
    expect(() => new CorrectFactCommand(wsId, docId, 'baa_offered', true, 'r')).toThrow(/not a valid value/);
    // Deciding a review candidate: the candidate is stored with the correction (and read back with it); one that is no value of the fact is refused.
    const decided = await lastSeq();
    const { seq: decidedSeq } = await bus.execute(new CorrectFactCommand(wsId, docId, 'subprocessors_named', ['Twilio'], 'accepted in review', 'tester', ['Twilio']));
    // By its seq, not as the first new event: the projection the first correction enqueued may append GraphChanged in
    // between (seen in CI under load).
    expect((await newEvents(decided)).find((e) => e.seq === decidedSeq)).toMatchObject({ type: 'FactCorrected', payload: { fact: 'subprocessors_named', value: ['Twilio'], candidate: ['Twilio'] } });
    expect((await loadCorrections(t.runtime.persistence, wsId))[docId]).toContainEqual(expect.objectContaining({ fact: 'subprocessors_named', candidate: ['Twilio'] }));
    expect(() => new CorrectFactCommand(wsId, docId, 'subprocessors_named', [], 'r', 'tester', [3])).toThrow(/candidate/);
  });

  it('a link appends DocumentLinked and enqueues a projection that attaches the contract to that system', async () => {
    const manifest = 'practice: { name: Command Practice }\nsystems:\n  - { id: sms, name: TextGlow, role: communications }\nflows:\n  - { from: practice, to: sms, data: [contact, scheduling] }\n';
    await bus.execute(new IngestDocumentCommand(wsId, 'custody.yaml', Buffer.from(manifest), 'tester'));
    await waitUntil(async () => (await drained()) && Boolean((await t.runtime.persistence.projections.graph(wsId))?.graph.systems.some((s) => s.id === 'sms')), 120_000, 'the manifest projected');
    await settle();
    const contracts = async () => (await t.runtime.persistence.projections.graph(wsId))!.graph.systems.find((s) => s.id === 'sms')!.contracts.map((c) => c.documentId);
    expect(await contracts()).toEqual([]);
    const before = await lastSeq();
    const { seq } = await bus.execute(new LinkDocumentCommand(wsId, docId, 'sms', 'TextGlow signed as Remindly', 'tester'));
    expect(await newEvents(before)).toEqual([expect.objectContaining({ seq, type: 'DocumentLinked', actor: 'tester', payload: { documentId: docId, system: 'sms', reason: 'TextGlow signed as Remindly' } })]);
    expect(added[0]).toEqual({ name: JobName.Project, data: { workspaceId: wsId } });
    await waitUntil(async () => (await drained()) && (await contracts()).includes(docId), 120_000, 'the link projected');
    await settle();
    // Refused before anything is recorded: the practice, an unknown system, another workspace's document, no system at all.
    const last = await lastSeq();
    await expect(bus.execute(new LinkDocumentCommand(wsId, docId, 'practice', undefined))).rejects.toThrow(/not a vendor system/);
    await expect(bus.execute(new LinkDocumentCommand(wsId, docId, 'nope', undefined))).rejects.toThrow(InvalidInputError);
    const other = (await t.runtime.persistence.workspaces.ensure('Other Practice')).workspace.id;
    await expect(bus.execute(new LinkDocumentCommand(other, docId, 'sms', undefined))).rejects.toThrow(NotFoundError);
    expect(() => new LinkDocumentCommand(wsId, docId, '', undefined)).toThrow(/needs "system"/);
    expect(await lastSeq()).toBe(last);
  }, 240_000);

  it('an evidence read appends EvidenceRead and enqueues nothing', async () => {
    await settle();
    const before = await lastSeq();
    const { seq } = await bus.execute(new RecordEvidenceReadCommand(wsId, { documentId: docId }, 'auditor-key'));
    // Embedded: durable in the read journal when answered, chained just after (no seq yet); production: on the chain.
    if (seq === undefined) await waitUntil(async () => (await newEvents(before)).length > 0, 10_000, 'the read chained');
    expect(await newEvents(before)).toEqual([expect.objectContaining({ ...(seq === undefined ? {} : { seq }), type: 'EvidenceRead', actor: 'auditor-key', payload: { documentId: docId } })]);
    expect(added).toEqual([]);
  });

  it('reprocess appends no event and enqueues the projection job named by the input high-water mark', async () => {
    await settle();
    const before = await lastSeq();
    const { job } = await bus.execute(new ReprocessWorkspaceCommand(wsId));
    expect(job).toBe(`project-${wsId}-${await t.runtime.persistence.events.inputSeq(wsId)}`);
    expect(added).toEqual([{ name: JobName.Project, data: { workspaceId: wsId } }]);
    await settle();
    expect((await newEvents(before)).map((e) => e.type)).not.toContain('GraphChanged');
  }, 120_000);

});
