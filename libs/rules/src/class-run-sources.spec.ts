import type { AttachedContract, DataCategory, Evidence, Graph } from '@custody/domain';
import { REGISTRY } from './registry.js';
import type { Rule } from './rule.js';
import { runRules } from './runner.js';
import { GraphBuilder, makeFacts, testContext } from './testing/graph-builder.js';
import { prng } from './testing/prng.js';

/**
 * A class run (class-run.ts) maps a representative's drafts onto its class's members. Only drafts that judging
 * the representative drafted may be mapped: a vendor that is no install can draft on a path or flow through an
 * install (a sub-processor fed only by installs has its shortest path run through the first of them), and that
 * draft is the vendor's, once, not one per member of that install's class.
 */
describe('class runs map only what judging a representative drafted', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');
  const perInstall = (rules: readonly Rule[]): Rule[] => rules.map((r) => ({ ...r, classReads: undefined }));
  const rule = (id: string) => REGISTRY.find((r) => r.id === id)!;
  const row = (id: string, n: number): Evidence => ({ quote: `${id},Scribewell AI`, file: 'fleet.csv', line: n + 2, path: `row[${n}]` });

  /** Installs of one vendor, alike, fed by `from`, each sending transcripts to OpenAI (as a fleet CSV's rows do). */
  const fleet = (b: GraphBuilder, from: string, installs: number): Graph => {
    const ids = Array.from({ length: installs }, (_, i) => `install-${String(i).padStart(2, '0')}`);
    for (const id of ids) b.system(id, 'ai_notetaker', { name: `Scribewell AI install ${id}`, settings: { subprocessors: ['OpenAI'], storage_region: 'US' } });
    for (const id of ids) b.flow(from, id, ['session_recording', 'session_transcript']).flow(id, 'openai', ['session_transcript']);
    const graph = b.build();
    graph.systems.forEach((s, n) => {
      if (!s.id.startsWith('install-')) return;
      s.group = { vendor: 'Scribewell AI', site: 'Oakland' };
      const r = row(s.id, n);
      s.evidence.push(r);
      for (const f of graph.flows) if (f.from === s.id || f.to === s.id) f.evidence.push(r);
    });
    return graph;
  };

  it('keeps one baa-chain-break finding for a sub-processor of an LLM that only installs feed', () => {
    // OpenAI names its own sub-processor: the break is OpenAI's, on its path through the first install.
    const graph = fleet(new GraphBuilder().system('openai', 'llm_provider', { name: 'OpenAI', settings: { subprocessors: ['Microsoft Azure'] } }), 'practice', 12);
    const ctx = testContext(graph, { now: NOW });
    const byClass = runRules(ctx, [rule('baa-chain-break')]);
    expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall([rule('baa-chain-break')]))));
    const azure = byClass.findings.filter((f) => f.subject.endsWith('>openai>microsoft-azure'));
    expect(azure.map((f) => f.instances?.map((i) => i.subject))).toEqual([['path:practice>install-00>openai>microsoft-azure']]);
  });

  it('keeps offshore-processing off the flows to installs that a non-install vendor\'s terms do not name', () => {
    // A platform feeding the installs says one of them (by name) works from abroad: that flow only.
    const b = new GraphBuilder()
      .system('openai', 'llm_provider', { name: 'OpenAI' })
      .system('hub', 'therapy_platform', { name: 'Hub Platform' })
      .flow('practice', 'hub', ['session_recording', 'diagnosis'])
      .contract('hub', { offshore_processing: 'yes' } as never);
    const graph = fleet(b, 'hub', 10);
    // Named as the clinic calls that machine (names are no part of a class key), not by its id.
    graph.systems.find((s) => s.id === 'install-00')!.name = 'Desk Alpha Relay';
    const terms = graph.systems.find((s) => s.id === 'hub')!.contracts[0]!;
    terms.facts.offshore_processing.evidence = [{ quote: 'Our partner Desk Alpha Relay works from Manila.', start: 0, end: 10 }];
    const ctx = testContext(graph, { now: NOW });
    const byClass = runRules(ctx, [rule('offshore-processing')]);
    expect(JSON.stringify(byClass)).toBe(JSON.stringify(runRules(ctx, perInstall([rule('offshore-processing')]))));
    expect(byClass.findings.flatMap((f) => (f.instances ?? [f]).map((i) => i.subject))).toEqual(['flow:hub->install-00']);
  });

  /**
   * A random fleet: installs of three vendors with ids that sort unlike their numbers, contracts shared per vendor
   * (BAAs with and without flow-down, expired, naming sub-processors, offshore terms) or an install's own, fed by
   * the practice, a platform or the EHR, some holding PHI themselves (origins), sending to an LLM that names a
   * sub-processor of its own, and settings the rules do not declare (a second region) drifting apart.
   */
  const randomFleet = (seed: number): Graph => {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const vary = pick([0.03, 0.08, 0.15, 0.3]);
    const b = new GraphBuilder({ jurisdiction: 'US-CA' })
      .system('ehr', 'ehr', { name: 'CarePath EHR', holds: ['progress_notes', 'diagnosis'] })
      .system('openai', 'llm_provider', { name: 'OpenAI', settings: rnd() < 0.8 ? { subprocessors: ['Microsoft Azure'] } : {} })
      .system('hub', pick(['therapy_platform', 'other']), { name: 'Hub Platform' })
      .flow('practice', 'ehr', ['progress_notes'])
      .flow('practice', 'hub', ['session_recording', 'diagnosis']);
    if (rnd() < 0.3) b.baa('openai');
    if (rnd() < 0.2) b.flow('hub', 'openai', ['session_transcript']);
    const style = Math.floor(rnd() * 3);
    const ids = [...new Set(Array.from({ length: 20 + Math.floor(rnd() * 40) }, (_, i) => (style === 0 ? `install-${i}` : style === 1 ? pick([`i${i}`, `i${i}-b`, `I${i}`, `i-${i}`]) : `S0${i % 3}-LT-${i}`)))];
    const contract = (id: string, baa: boolean): AttachedContract => {
      const named = rnd() < 0.6 ? [pick(['OpenAI', 'Deepgram'])] : [];
      const facts = makeFacts({ ...(baa ? { baa_offered: 'yes' } : {}), ...(rnd() < 0.6 ? { subcontractor_flowdown: 'yes' } : {}), ...(named.length ? { subprocessors_named: named } : {}), ...(rnd() < 0.4 ? { offshore_processing: 'yes' } : {}) } as never);
      if (facts.offshore_processing.value === 'yes') facts.offshore_processing.evidence = [{ quote: pick(['Our subprocessor OpenAI works from India.', 'Data may be processed in the EU.']), start: 0, end: 1 }];
      return { documentId: `doc-${id}`, file: `${id}.md`, kind: baa ? 'baa' : 'dpa', facts, ...(rnd() < 0.25 ? { expires: '2025-01-01' } : {}) };
    };
    const VENDORS = ['Scribewell AI', 'Notely Health', 'Cadence Scribe'];
    const shared = new Map(VENDORS.map((v) => [v, rnd() < 0.8 ? [contract(v, rnd() < 0.7)] : []]));
    const feeder = pick(['practice', 'practice', 'hub']);
    const plan = ids.map((id, n) => ({ id, n, vendor: rnd() < 0.7 ? VENDORS[0]! : pick(VENDORS), own: rnd() < vary / 4, from: rnd() < vary ? pick(['practice', 'hub', 'ehr']) : feeder }));
    for (const p of plan) {
      b.system(p.id, 'ai_notetaker', {
        name: `${p.vendor} install ${p.id}`,
        holds: rnd() < vary / 3 ? ['diagnosis'] : [],
        settings: { subprocessors: rnd() < vary ? pick([['OpenAI'], ['OpenAI', 'Deepgram'], []]) : ['OpenAI', 'Deepgram'], storage_region: rnd() < vary ? pick(['EU', 'us-east-1', '']) : 'US', region: rnd() < vary ? 'EU' : 'US' },
      });
      b.flow(p.from, p.id, rnd() < vary ? ['session_transcript'] : ['session_recording'], { legalBasis: rnd() < vary ? 'baa' : 'none_known' });
      if (rnd() < 1 - vary) b.flow(p.id, 'openai', rnd() < vary ? ['session_recording', 'diagnosis'] : ['session_transcript']);
      if (rnd() < vary) b.flow(p.id, 'ehr', ['progress_notes']);
    }
    const graph = b.build();
    for (const p of plan) {
      const s = graph.systems.find((x) => x.id === p.id)!;
      s.group = { vendor: p.vendor, site: pick(['Oakland', 'Fresno']) };
      s.contracts = p.own ? [contract(p.id, true)] : shared.get(p.vendor)!;
      const r = row(p.id, p.n);
      s.evidence.push(r);
      for (const f of graph.flows) if (f.from === p.id || f.to === p.id) f.evidence.push(r);
    }
    graph.systems.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return graph;
  };

  it('gives the per-install findings of baa-chain-break and offshore-processing on random fleets', () => {
    const rules = [rule('baa-chain-break'), rule('offshore-processing')];
    for (let seed = 1; seed <= 30; seed++) {
      const graph = randomFleet(seed);
      const ctx = testContext(graph, { now: NOW });
      for (const r of rules) expect([seed, r.id, JSON.stringify(runRules(ctx, [r]))]).toEqual([seed, r.id, JSON.stringify(runRules(ctx, perInstall([r])))]);
    }
  });
});
