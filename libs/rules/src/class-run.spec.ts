import type { AttachedContract, DataCategory, Graph } from '@custody/domain';
import { vendorSystems } from './graph-queries.js';
import { REGISTRY } from './registry.js';
import { streamingRule, type Rule } from './rule.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';

/**
 * Rules that declare their class reads run once per class of fleet installs (class-run.ts). That must give
 * byte for byte the findings of running them per install, on any fleet; and a rule that reads what it did
 * not declare must not be shared (it runs per install instead).
 */
describe('evaluating rules once per class of installs', () => {
  const VENDORS = ['Scribewell AI', 'Notely Health'];
  const SETTINGS: Record<string, readonly unknown[]> = {
    training: ['allowed', 'opt_out', 'prohibited', 'opt_in'],
    recording: ['always', 'per_session', 'off', 'ALWAYS'],
    can_disable: [true, false, 'No'],
    consent_capture: ['none', 'written', 'verbal'],
    audio_retention_days: [0, 30, 90, 'indefinite'],
    transcript_retention_days: [30, 365, 2555],
    storage_region: ['US', 'EU'],
    jurisdiction: ['US-CA', 'US-TX'],
  };

  /**
   * A random fleet: installs of two vendors (with and without a BAA, the same contract object on each of a
   * vendor's installs, as projection attaches it), settings drawn from a few values each (so installs share
   * classes, and many differ in one setting only), each install's CSV row cited by it and by its flows, some
   * installs sending to a sub-processor, a consent naming one install and an identifier another.
   */
  const randomFleet = (seed: number, installs: number): Graph => {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const b = new GraphBuilder({ jurisdiction: pick(['US-CA', 'US-NY']) })
      .system('ehr', 'ehr', { name: 'CarePath EHR', holds: ['progress_notes', 'diagnosis'] })
      .system('openai', 'llm_provider', { name: 'OpenAI' })
      .system('scribe', 'ai_notetaker', { name: 'Scribewell AI' });
    b.baa('scribe', { ai_training_on_customer_data: pick(['allowed', 'prohibited']), breach_notice_days: pick([30, 90]), subcontractor_flowdown: pick(['yes', 'no']) });
    const ids = Array.from({ length: installs }, (_, i) => `install-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      const settings: Record<string, unknown> = {};
      for (const [k, values] of Object.entries(SETTINGS)) settings[k] = pick(values);
      settings.subprocessors = pick([['OpenAI'], ['OpenAI', 'Deepgram']]);
      settings.clinician = pick(['Rosa Delgado', 'Training Coordinator', 'Mei Chen']);
      b.system(id, 'ai_notetaker', { name: `${pick(VENDORS)} install ${id}`, settings });
      const data: DataCategory[] = pick([['session_recording'], ['session_recording', 'diagnosis']]);
      b.flow('practice', id, data, { legalBasis: rnd() < 0.8 ? 'baa' : 'none_known' });
      if (rnd() < 0.2) b.flow(id, 'openai', ['session_transcript']);
    }
    b.consent({ to: ids[1]!, data: ['session_recording'], type: 'recording', evidence: [] } as never);
    const graph = b.build();
    const baa = graph.systems.find((s) => s.id === 'scribe')!.contracts[0]!;
    const shared: Record<string, AttachedContract[]> = { 'Scribewell AI': [baa], 'Notely Health': [] };
    graph.systems.forEach((s, n) => {
      if (!s.id.startsWith('install-')) return;
      const vendor = s.name.replace(/ install .*$/, '');
      s.group = { vendor, site: pick(['Oakland', 'Fresno']) };
      s.contracts = shared[vendor]!;
      // The install's row, cited by the install and by every flow it is on (one object, as a fleet CSV's).
      const row = { quote: `${s.id},${String(s.settings.clinician)},${vendor}`, file: 'fleet.csv', line: n + 2, path: `row[${n}]` };
      s.evidence.push(row);
      for (const f of graph.flows) if (f.from === s.id || f.to === s.id) f.evidence.push(row);
    });
    graph.identifiers.push({ documentId: 'd', file: 'fleet.csv', system: ids[2], field: 'clinician', identifier: 'x', evidence: { quote: 'x', file: 'fleet.csv' } });
    graph.systems.sort((x, y) => (x.id < y.id ? -1 : 1));
    return graph;
  };

  /** The same rule without its declaration: always run per install. */
  const perInstall = (rules: readonly Rule[]): Rule[] => rules.map((r) => ({ ...r, classReads: undefined }));
  /** A rule recording how many vendor systems each of its evaluations was shown. */
  const counting = (rule: Rule, seen: number[]): Rule => ({
    ...rule,
    evaluate(ctx) {
      seen.push(vendorSystems(ctx.graph).length);
      return rule.evaluate(ctx);
    },
    evaluateInto(ctx, drafts) {
      seen.push(vendorSystems(ctx.graph).length);
      rule.evaluateInto!(ctx, drafts);
    },
  });

  it('gives the per-install findings on random fleets, evaluating each declaring rule once per class', () => {
    const declaring = REGISTRY.filter((r) => r.classReads);
    expect(declaring.length).toBeGreaterThan(8);
    for (let seed = 1; seed <= 8; seed++) {
      const graph = randomFleet(seed, 60 + seed * 15);
      const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
      const seen: number[] = [];
      const byClass = runRules(ctx, REGISTRY.map((r) => (r.classReads ? counting(r, seen) : r)));
      expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall(REGISTRY))));
      expect(byClass.findings.some((f) => (f.instances?.length ?? 0) > 1)).toBe(true);
      // Some rule was really run on fewer systems than the vendors (once per class, not per install).
      expect(Math.min(...seen)).toBeLessThan(vendorSystems(graph).length / 2);
    }
  });

  it('runs expired-baa, sensitive-detail-exposed and aggregation-hub once per class, with the per-install findings', () => {
    // They read no install setting; the fleet is made to draft on installs: the vendor's shared BAA has expired
    // and the practice documents immigration status (held implicitly wherever its recordings go).
    const ids = ['expired-baa', 'sensitive-detail-exposed', 'aggregation-hub'];
    const rules = REGISTRY.filter((r) => ids.includes(r.id));
    for (let seed = 31; seed <= 34; seed++) {
      const graph = randomFleet(seed, 90);
      graph.systems.find((s) => s.id === 'scribe')!.contracts[0]!.expires = '2025-01-01';
      graph.practice.records = { ...graph.practice.records, documents_sensitive: ['immigration_status'] };
      // No install named by a consent or identifier: such an install is judged on its own, and its drafts, made
      // before the classes', would come out of subject order in its vendor's group (the run then goes per install).
      graph.consents = [];
      graph.identifiers = [];
      const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
      const seen: number[] = [];
      const byClass = runRules(ctx, rules.map((r) => counting(r, seen)));
      expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall(rules))));
      // Each drafted on installs, grouped per vendor…
      for (const id of ['expired-baa', 'sensitive-detail-exposed']) expect(byClass.findings.some((f) => f.ruleId === id && (f.instances?.length ?? 0) > 5)).toBe(true);
      // …and each was judged once per class (with the vendors that are no installs), never over every install.
      expect(seen).toHaveLength(rules.length * 2);
      expect(Math.max(...seen)).toBeLessThan(vendorSystems(graph).length / 2);
    }
  });

  it('keeps apart installs that differ only in one setting a rule reads, each with its own row as evidence', () => {
    const graph = randomFleet(99, 60);
    const installs = graph.systems.filter((s) => s.group);
    // Every install the same but for the audio retention, which recording-retention reads.
    for (const [n, s] of installs.entries()) {
      s.settings = { ...installs[0]!.settings, audio_retention_days: n % 2 ? 400 : 10, transcript_retention_days: 30 };
      s.group = { vendor: 'Scribewell AI', site: 'Oakland' };
    }
    const rule = REGISTRY.find((r) => r.id === 'recording-retention')!;
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const byClass = runRules(ctx, [rule]);
    expect(byClass).toEqual(runRules(ctx, perInstall([rule])));
    const instances = byClass.findings.flatMap((f) => f.instances ?? []);
    const flagged = installs.filter((_, n) => n % 2).map((s) => `system:${s.id}`);
    expect(instances.map((i) => i.subject).sort()).toEqual(flagged.filter((x) => instances.some((i) => i.subject === x)).sort());
    expect(instances.length).toBeGreaterThan(5);
    // Each cites its own audio setting's line, not its class representative's.
    for (const i of instances) expect(i.evidence.map((e) => e.path)).toContain(`systems.${i.subject.slice('system:'.length)}.settings.audio_retention_days`);
  });

  it('runs baa-chain-break once per class: each install its own path through it to the sub-processor, its own row cited', () => {
    const rule = REGISTRY.find((r) => r.id === 'baa-chain-break')!;
    for (let seed = 11; seed <= 14; seed++) {
      const graph = randomFleet(seed, 120);
      const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
      const seen: number[] = [];
      const byClass = runRules(ctx, [counting(rule, seen)]);
      expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall([rule]))));
      // Judged once per class (plus the vendors that are no installs), not once per install.
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0]).toBeLessThan(vendorSystems(graph).length / 2);
      // Hops into the modelled LLM and the named, unmodelled Deepgram: paths through each install, grouped per vendor.
      const paths = byClass.findings.flatMap((f) => f.instances ?? []).filter((i) => i.subject.startsWith('path:'));
      expect(paths.some((i) => i.subject.endsWith('>openai'))).toBe(true);
      expect(paths.some((i) => i.subject.endsWith('>deepgram'))).toBe(true);
      for (const i of paths) {
        expect(i.subject).toContain(`>${i.system}>`);
        const row = graph.systems.find((s) => s.id === i.system)!.evidence.at(-1)!;
        if (i.subject.endsWith('>openai')) expect(i.evidence.map((e) => e.path)).toContain(row.path);
      }
    }
  });

  it('runs offshore-processing once per class: installs storing abroad each cite their own region line', () => {
    const rule = REGISTRY.find((r) => r.id === 'offshore-processing')!;
    const graph = randomFleet(21, 120);
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const seen: number[] = [];
    const byClass = runRules(ctx, [counting(rule, seen)]);
    expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall([rule]))));
    expect(seen[0]).toBeLessThan(vendorSystems(graph).length / 2);
    const instances = byClass.findings.flatMap((f) => f.instances ?? []);
    expect(instances.length).toBeGreaterThan(10);
    for (const i of instances) expect(graph.systems.find((s) => s.id === i.system)!.settings.storage_region).toBe('EU');
  });

  it('runs per install a rule that reads an undeclared setting, an install name or site', () => {
    const graph = randomFleet(7, 80);
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const reading = (id: string, read: (s: Graph['systems'][number]) => unknown) => streamingRule({
      id, title: id, kind: 'ai_training', citations: [], remediation: 'fix it', classReads: { settings: ['training'] },
      evaluateInto({ graph: g }, drafts) {
        for (const s of vendorSystems(g)) {
          if (!s.group || String(read(s)).length % 2 === 0) continue;
          drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories: ['session_recording'], likelihood: 0.5, impact: 0.5, evidence: s.evidence, detail: `${String(read(s))}` });
        }
      },
    });
    const rules = [
      reading('reads-recording', (s) => s.settings.recording),
      reading('reads-name', (s) => s.name),
      reading('reads-site', (s) => s.group?.site),
      reading('reads-all-settings', (s) => Object.keys(s.settings).join()),
    ];
    for (const rule of rules) {
      const seen: number[] = [];
      const got = runRules(ctx, [counting(rule, seen)]);
      expect(got.errors).toEqual([]);
      expect(got).toEqual(runRules(ctx, perInstall([rule])));
      // It gave up per class and ran over every vendor.
      expect(seen.at(-1)).toBe(vendorSystems(graph).length);
    }
  });

  it('runs per install a rule that drafts on a system it was not shown, or twice on one', () => {
    const graph = randomFleet(3, 50);
    const ctx = testContext(graph, { now: new Date('2026-06-01T00:00:00Z') });
    const all = graph.systems.filter((s) => s.group).map((s) => s.id);
    const drafting = (id: string, subjects: () => string[]) => streamingRule({
      id, title: id, kind: 'ai_training', citations: [], remediation: 'fix it', classReads: { settings: [] },
      evaluateInto(_ctx, drafts) {
        for (const x of subjects()) drafts.push({ subject: `system:${x}`, systems: [x], categories: ['session_recording'], likelihood: 0.5, impact: 0.5, evidence: [], detail: 'same' });
      },
    });
    for (const rule of [drafting('every-install', () => all), drafting('twice', () => [...vendorSystems(graph).filter((s) => s.group).map((s) => s.id), all[0]!])]) {
      expect(runRules(ctx, [rule])).toEqual(runRules(ctx, perInstall([rule])));
    }
  });
});
