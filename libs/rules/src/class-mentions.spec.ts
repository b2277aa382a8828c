import { fleetVendorOf, type Evidence, type Graph } from '@custody/domain';
import { settingEvidence, vendorSystems } from './graph-queries.js';
import { REGISTRY } from './registry.js';
import { streamingRule, type Rule } from './rule.js';
import { runRules } from './runner.js';
import { GraphBuilder, testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';

/**
 * Which declared setting an install's own evidence mentions is part of its class key (settingEvidence cites the
 * items mentioning a key): the run scans each install once for any declared setting (install-classes.ts,
 * mentionFilter) and checks per setting only the installs it marks. An install the scan misses is folded into a
 * class whose representative cites other slots, so its instance cites the wrong rows. These fleets differ only
 * in which rows mention which setting (the class key's value part is equal), so the mentions alone keep them apart.
 */
describe('class runs keep apart installs whose rows mention different settings', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');
  /** Setting names with regular-expression metacharacters: a scan not matching them literally misses (or throws on) them. */
  const ODD_KEYS = ['retention.days', 'x^y', 'end$', '(paren', 'a|b', 'c++', 'back\\slash', '[br]', 'q?', '{n}'];
  const SETTINGS: Record<string, unknown> = {
    can_disable: false, recording: 'always', consent_capture: 'none', training: 'allowed', audio_retention_days: 400,
    transcript_retention_days: 30, storage_region: 'EU', jurisdiction: 'US-CA', ...Object.fromEntries(ODD_KEYS.map((k) => [k, 'on'])),
  };

  /**
   * Three own rows per install, in one of these layouts: the same count and no repeats (one structure), only
   * what each row mentions differs. Near misses (other case, a key's letters with another character between,
   * a key at the very end or start of a quote) sit beside real mentions; one layout mentions through a path.
   */
  const LAYOUTS: ((id: string) => Omit<Evidence, 'file' | 'line'>[])[] = [
    (id) => [{ quote: `${id} can_disable: No` }, { quote: `${id} recording=always` }, { quote: `${id} plain row` }],
    (id) => [{ quote: `${id} recording=always` }, { quote: `${id} can_disable: No` }, { quote: `${id} plain row` }],
    (id) => [{ quote: `${id} plain row` }, { quote: `${id} Recording: ALWAYS; Can_Disable` }, { quote: `${id} note x^y and end$ tail` }],
    (id) => [{ quote: `${id} x^y cost end$` }, { quote: `(paren ${id} a|b c++ [br]` }, { quote: `${id} back\\slash q? {n} retention.days` }],
    (id) => [{ quote: `${id} audio_retention_days_max=30` }, { quote: `${id} transcript_retention_days 365` }, { quote: `${id} consent_capture training` }],
    (id) => [{ quote: `${id} xy` }, { quote: `${id} retentionXdays ab endless` }, { quote: 'On', path: `fleet.${id}.storage_region` }],
  ];

  /** Installs of one vendor (its system declared, a shared BAA), each with a layout's rows, fed by the practice. */
  const mentionFleet = (seed: number, installs: number): Graph => {
    const rnd = prng(seed);
    const b = new GraphBuilder({ jurisdiction: 'US-CA' }).system('scribe', 'ai_notetaker', { name: 'Scribewell AI' });
    b.baa('scribe', { ai_training_on_customer_data: 'allowed', breach_notice_days: 90 });
    const ids = Array.from({ length: installs }, (_, i) => `install-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      b.system(id, 'ai_notetaker', { name: `Scribewell AI install ${id}`, settings: { ...SETTINGS } });
      b.flow('practice', id, ['session_recording'], { legalBasis: 'baa' });
    }
    const graph = b.build();
    const baa = graph.systems.find((s) => s.id === 'scribe')!.contracts;
    graph.systems.forEach((s, n) => {
      if (!s.id.startsWith('install-')) return;
      s.group = { vendor: 'Scribewell AI', site: 'Oakland' };
      s.contracts = baa;
      const layout = LAYOUTS[Math.floor(rnd() * LAYOUTS.length)]!;
      s.evidence = layout(s.id).map((e, i) => ({ ...e, file: 'fleet.csv', line: n * 3 + i + 2 }));
    });
    return graph;
  };

  const perInstall = (rules: readonly Rule[]): Rule[] => rules.map((r) => ({ ...r, classReads: undefined }));
  const counting = (rule: Rule, seen: number[]): Rule => ({
    ...rule,
    evaluateInto(ctx, drafts) {
      seen.push(vendorSystems(ctx.graph).length);
      rule.evaluateInto!(ctx, drafts);
    },
  });
  /** A rule per odd key citing on every install the rows that mention it (all rows when none does). */
  const citing = (key: string): Rule => streamingRule({
    id: `cites-${ODD_KEYS.indexOf(key)}`, title: key, kind: 'ai_training', citations: [], remediation: 'fix it', classReads: { settings: [key] },
    evaluateInto({ graph }, drafts) {
      for (const s of vendorSystems(graph)) {
        if (!s.group) continue;
        drafts.push({ subject: `system:${s.id}`, systems: [s.id], categories: ['session_recording'], likelihood: 0.5, impact: 0.5, evidence: settingEvidence(s, key), detail: 'cited' });
      }
    },
  });

  /** Each notetaker-cannot-disable instance cites its install's own rows mentioning the settings, as judging it alone picks them. */
  const expectOwnMentions = (run: ReturnType<typeof runRules>, graph: Graph) => {
    const disable = run.findings.find((f) => f.ruleId === 'notetaker-cannot-disable')!;
    expect(disable.instances!.length).toBeGreaterThan(10);
    for (const i of disable.instances!) {
      const s = graph.systems.find((x) => x.id === i.system)!;
      expect(i.evidence).toEqual([...new Set([...settingEvidence(s, 'can_disable'), ...settingEvidence(s, 'recording')])]);
    }
  };

  it('gives the per-install findings of the builtin rules and of rules on setting names with metacharacters', () => {
    const odd = ODD_KEYS.map(citing);
    const builtin = REGISTRY.filter((r) => ['notetaker-cannot-disable', 'recording-retention', 'recording-without-consent', 'ai-training', 'offshore-processing'].includes(r.id));
    for (let seed = 1; seed <= 4; seed++) {
      const graph = mentionFleet(seed, 80);
      const ctx = testContext(graph, { now: NOW });
      // Together (one scan for every rule's settings) and each odd rule alone (a scan for its one setting).
      for (const rules of [[...builtin, ...odd], ...odd.map((r) => [r])]) {
        const seen: number[] = [];
        const byClass = runRules(ctx, rules.map((r) => counting(r, seen)));
        expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall(rules))));
        // Run per class (a few layouts, not one evaluation per install), so the classes' keys decided the findings.
        expect(Math.max(...seen)).toBeLessThan(vendorSystems(graph).length / 2);
      }
      // Not vacuous: installs of different layouts cite different rows for the same setting.
      const run = runRules(ctx, odd);
      for (const f of run.findings) {
        const cited = new Set(f.instances!.map((i) => i.evidence.length));
        expect(cited.size).toBeGreaterThan(1);
      }
      expectOwnMentions(runRules(ctx, builtin), graph);
    }
  });

  it('scans again after the graph changed in place between runs (nothing of a run is kept for the next)', () => {
    const graph = mentionFleet(9, 60);
    const installs = graph.systems.filter((s) => s.group);
    const relayout = (pick: () => number) => {
      for (const s of installs) s.evidence = LAYOUTS[pick()]!(s.id).map((e, i) => ({ ...e, file: 'fleet.csv', line: i + 2 }));
    };
    // First no row mentions a setting the rules declare (the last layout)…
    relayout(() => LAYOUTS.length - 1);
    // A hub fed by the fleet (one party: the vendor's stand-in) and by the EHR.
    graph.systems.push({ id: 'llm', name: 'LLM', role: 'llm_provider', holds: [], settings: {}, contracts: [], evidence: [] });
    graph.systems.push({ id: 'ehr', name: 'CarePath EHR', role: 'ehr', holds: [], settings: {}, contracts: [], evidence: [] });
    for (const s of installs.slice(0, 5)) graph.flows.push({ id: `${s.id}->llm`, from: s.id, to: 'llm', data: ['session_recording', 'session_transcript'], transport: 'https', legalBasis: 'baa', evidence: [] });
    graph.flows.push({ id: 'ehr->llm', from: 'ehr', to: 'llm', data: ['diagnosis', 'progress_notes'], transport: 'https', legalBasis: 'baa', evidence: [] });
    graph.systems.sort((x, y) => (x.id < y.id ? -1 : 1));
    const ctx = testContext(graph, { now: NOW });
    const rules = [...REGISTRY.filter((r) => ['notetaker-cannot-disable', 'aggregation-hub'].includes(r.id)), ...ODD_KEYS.map(citing)];
    const hubDetail = (run: ReturnType<typeof runRules>) => run.findings.find((f) => f.ruleId === 'aggregation-hub' && f.subject === 'system:llm')?.detail;
    expect(hubDetail(runRules(ctx, rules))).toContain('from 2 sources (CarePath EHR and Scribewell AI)');
    // …then installs' rows mention them in different places, and the vendor's system is renamed: its installs'
    // party is no longer it but the fleet's own stand-in.
    const rnd = prng(10);
    relayout(() => Math.floor(rnd() * (LAYOUTS.length - 1)));
    graph.systems.find((s) => s.id === 'scribe')!.name = 'Scribewell Holdings';
    const again = runRules(ctx, rules);
    expect(JSON.stringify(again)).toBe(JSON.stringify(runRules(ctx, perInstall(rules))));
    const party = fleetVendorOf(graph.systems)(installs[0]!.id)!;
    expect(party).not.toBe('scribe');
    // The stand-in party reads as the fleet's vendor name, not as the renamed system a stale run would still count.
    expect(hubDetail(again)).toContain('from 2 sources (CarePath EHR and Scribewell AI)');
    expect(hubDetail(again)).not.toContain('Scribewell Holdings');
    expectOwnMentions(again, graph);
  });
});
