import type { Finding } from './finding.js';
import { FINDING_VIEW, groupFindings, memberGrouping } from './group-findings.js';

const finding = (ruleId: string, subject: string, systems: string[], severity: Finding['severity'] = 'high', likelihood = 0.8): Finding => ({
  id: `${ruleId}@${subject}`, ruleId, kind: 'notetaker_cannot_disable', title: ruleId, severity, likelihood, impact: 0.8, subject, systems,
  categories: ['session_recording'], citations: [{ ref: 'x' }], remediation: '', evidence: [{ quote: subject, file: 'fleet.csv' }], detail: `${subject} is bad.`, contribution: 0,
});

const systems = [
  { id: 'scribe', name: 'Scribewell AI' },
  { id: 'ehr', name: 'CarePath' },
  ...[1, 2, 3].map((i) => ({ id: `install-a-${i}`, name: `Scribewell AI install A-${i}`, group: { vendor: 'Scribewell AI', site: i === 3 ? 'Berkeley' : 'Oakland' } })),
  { id: 'install-b-1', name: 'Echo install B-1', group: { vendor: 'Echo Notes' } },
];

describe('groupFindings', () => {
  it('merges one rule on many installs of a vendor into the vendor system, with each install as an instance', () => {
    const out = groupFindings([
      finding('cannot-disable', 'system:install-a-2', ['install-a-2']),
      finding('cannot-disable', 'system:install-a-1', ['install-a-1'], 'critical', 0.95),
      finding('cannot-disable', 'system:scribe', ['scribe']),
      finding('cannot-disable', 'system:install-a-3', ['install-a-3']),
      finding('cannot-disable', 'system:install-b-1', ['install-b-1']),
      finding('cannot-disable', 'system:ehr', ['ehr']),
      finding('chain-break', 'path:practice>install-a-1>openai', ['openai', 'install-a-1']),
      finding('chain-break', 'path:practice>install-a-2>openai', ['openai', 'install-a-2']),
    ], systems);
    const byId = new Map(out.map((f) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual([
      'chain-break@path:practice>scribe>openai', 'cannot-disable@system:ehr', 'cannot-disable@system:fleet-echo-notes', 'cannot-disable@system:scribe',
    ].sort());
    const g = byId.get('cannot-disable@system:scribe')!;
    // The worst instance sets severity, likelihood and impact; every instance's system is charged.
    expect(g).toMatchObject({ severity: 'critical', likelihood: 0.95, subject: 'system:scribe' });
    expect(g.systems.sort()).toEqual(['install-a-1', 'install-a-2', 'install-a-3', 'scribe']);
    expect(g.instances!.map((i) => [i.subject, i.site])).toEqual([
      ['system:install-a-1', 'Oakland'], ['system:install-a-2', 'Oakland'], ['system:install-a-3', 'Berkeley'], ['system:scribe', undefined],
    ]);
    expect(g.detail).toMatch(/on 3 installs of Scribewell AI/);
    expect(byId.get('chain-break@path:practice>scribe>openai')!.instances).toHaveLength(2);
    expect(byId.get('cannot-disable@system:ehr')!.instances).toBeUndefined();
  });

  it('does not depend on input order', () => {
    const input = [1, 2, 3].map((i) => finding('r', `system:install-a-${i}`, [`install-a-${i}`]));
    expect(groupFindings(input, systems)).toEqual(groupFindings([...input].reverse(), systems));
  });

  // The merged finding is the worst member's (a one-pass pick, not a sort): check it against the sort on random groups.
  it('keeps the worst member as a full sort by severity, L × I and id would', () => {
    let seed = 11;
    const rnd = (n: number) => Math.floor(((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296) * n);
    const severities: Finding['severity'][] = ['info', 'low', 'medium', 'high', 'critical'];
    const rank = (s: Finding['severity']) => severities.indexOf(s);
    for (let run = 0; run < 200; run++) {
      const members = Array.from({ length: 1 + rnd(8) }, () => {
        const i = 1 + rnd(3);
        const f = finding('r', `system:install-a-${i}`, [`install-a-${i}`], severities[rnd(5)]!, [0.5, 0.8][rnd(2)]);
        return { ...f, impact: [0.4, 0.625, 1][rnd(3)]!, citations: [{ ref: ['x', 'y', 'z'][rnd(3)]! }], categories: [(['session_recording', 'session_transcript'] as const)[rnd(2)]!] };
      });
      const [g] = groupFindings(members, systems);
      const bySubject = [...members].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
      const worst = [...bySubject].sort((a, b) => rank(b.severity) - rank(a.severity) || b.likelihood * b.impact - a.likelihood * a.impact || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
      expect(g).toMatchObject({ severity: worst.severity, likelihood: worst.likelihood, impact: worst.impact, evidence: worst.evidence });
      expect(g!.citations.map((c) => c.ref)).toEqual([...new Set(bySubject.flatMap((f) => f.citations.map((c) => c.ref)))]);
      expect(g!.categories).toEqual([...new Set(bySubject.flatMap((f) => f.categories))]);
    }
  });

  it('a streamed class member on a system that is no fleet install is added whole, as grouping would keep it', () => {
    // addInstall folds a class member without building it only when its id is an install; for any other
    // system it builds the member and adds it as a finding of its own (the same as grouping the built list).
    const like = finding('cannot-disable', 'system:install-a-1', ['install-a-1']);
    const build = (id: string) => finding('cannot-disable', `system:${id}`, [id]);
    const stream = memberGrouping(systems).stream(FINDING_VIEW);
    for (const id of ['ehr', 'install-a-1', 'install-a-2']) stream.addInstall(like, id, [id], build(id).evidence, build);
    const streamed = stream.finish()!;
    expect(streamed.map((f) => f.id).sort()).toEqual(['cannot-disable@system:ehr', 'cannot-disable@system:scribe']);
    expect(streamed.find((f) => f.id === 'cannot-disable@system:ehr')).toEqual(build('ehr'));
    expect(streamed).toEqual(groupFindings(['ehr', 'install-a-1', 'install-a-2'].map(build), systems));
  });
  it('folds a class member on its own path subject into its class draft\'s group, and gives up on a group out of order', () => {
    // A path through an install: each member's own subject, grouped as grouping the built findings would group them.
    const path = (id: string) => `path:practice>${id}>openai`;
    const build = (id: string) => finding('chain-break', path(id), ['openai', id]);
    const like = build('install-a-1');
    const streamOf = (ids: string[]) => {
      const stream = memberGrouping(systems).stream(FINDING_VIEW);
      stream.add(like);
      for (const id of ids) stream.addInstall(like, id, ['openai', id], build(id).evidence, build, undefined, path(id));
      return stream.finish();
    };
    const streamed = streamOf(['install-a-2', 'install-a-3'])!;
    expect(streamed).toEqual(groupFindings(['install-a-1', 'install-a-2', 'install-a-3'].map(build), systems));
    expect(streamed[0]!.instances!.map((i) => i.subject)).toEqual(['install-a-1', 'install-a-2', 'install-a-3'].map(path));
    // A member sorting before one folded already would leave the instances unsorted: no stream, the caller groups the list.
    expect(streamOf(['install-a-3', 'install-a-2'])).toBeUndefined();
  });

  it('charges a group each system once, in first-charged order, whether an install came by its place or by its id', () => {
    // Members folded by place (addInstall's `at`) and whole (add) name some of the same installs: the group's
    // systems are what grouping the built findings gives (a set in insertion order), repeats either way dropped.
    const fleet = [...systems, { id: 'install-a-4', name: 'Scribewell AI install A-4', group: { vendor: 'Scribewell AI' } }];
    const path = (id: string) => `path:practice>${id}>openai`;
    const member = (id: string, also: string[] = []) => finding('chain-break', path(id), ['openai', id, ...also]);
    const build = (id: string) => member(id);
    const like = member('install-a-1', ['install-a-3']);
    const last = member('install-a-4', ['install-a-2']);
    const stream = memberGrouping(fleet).stream(FINDING_VIEW);
    stream.add(like);
    // install-a-3 came by id with the first member, install-a-2 comes by place before the last names it by id.
    stream.addInstall(like, 'install-a-2', ['openai', 'install-a-2'], build('install-a-2').evidence, build, 3, path('install-a-2'));
    stream.addInstall(like, 'install-a-3', ['openai', 'install-a-3'], build('install-a-3').evidence, build, 4, path('install-a-3'));
    stream.add(last);
    const [streamed] = stream.finish()!;
    expect(streamed!.systems).toEqual(['openai', 'install-a-1', 'install-a-3', 'install-a-2', 'install-a-4']);
    expect([streamed]).toEqual(groupFindings([like, build('install-a-2'), build('install-a-3'), last], fleet));
  });

  it('with no install among the systems (an agency manifest), leaves every member alone and in order, grouped or streamed', () => {
    // Systems with a site but no vendor are no installs either (fleetVendorOf gives them no stand-in).
    const manifest = [{ id: 'ehr', name: 'CarePath' }, { id: 'scribe', name: 'Scribewell AI', group: { site: 'Oakland' } }, { id: 'fleet-scribewell-ai', name: 'Scribewell AI fleet' }];
    const members = [
      finding('missing-baa', 'system:scribe', ['scribe']),
      finding('missing-baa', 'system:ehr', ['ehr']),
      finding('chain-break', 'path:practice>scribe>openai', ['openai', 'scribe']),
      finding('leak', 'flow:scribe->openai#2', ['openai']),
    ];
    const grouping = memberGrouping(manifest);
    expect(['scribe', 'ehr', 'openai', 'fleet-scribewell-ai'].map(grouping.standIn)).toEqual([undefined, undefined, undefined, undefined]);
    expect(grouping.group(members, FINDING_VIEW)).toEqual(members);
    const stream = grouping.stream(FINDING_VIEW);
    for (const m of members) stream.add(m);
    stream.addInstall(members[0]!, 'ehr', ['ehr'], [], () => members[1]!);
    expect(stream.finish()).toEqual([...members, members[1]]);
    expect(groupFindings(members, manifest)).toEqual(members);
  });
});
