import type { Finding } from './finding.js';
import { addSystem, foldSystems, SystemPlaces } from './fold-systems.js';
import { groupFindings } from './group-findings.js';

describe('foldSystems', () => {
  /** A deterministic stream of numbers in [0, 1). */
  const lcg = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const systems = Array.from({ length: 3000 }, (_, i) => ({ id: `install-${i}` }));

  it('lists each system once, in the order first added, before and after marking them by place', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = lcg(seed);
      const places = new SystemPlaces(systems);
      const g = foldSystems(places);
      const added: string[] = [];
      // Installs (some added again), ids of no system, and the places given or left to be looked up.
      for (let n = 0; n < 2500; n++) {
        const r = rnd();
        const id = r < 0.1 ? `openai-${Math.floor(rnd() * 5)}` : systems[Math.floor(rnd() * (seed % 2 ? 3000 : 400))]!.id;
        added.push(id);
        addSystem(g, id, rnd() < 0.5 ? places.of(id) : undefined);
      }
      expect(g.list).toEqual([...new Set(added)]);
      // Past a sixteenth of the systems it marks by place: only the ids of no system stay in the Set.
      expect(g.marks).toBeDefined();
      expect([...g.seen].every((id) => id.startsWith('openai-'))).toBe(true);
    }
  });

  it('keeps a small group in its Set, and groups sharing the places apart', () => {
    const places = new SystemPlaces(systems);
    const a = foldSystems(places);
    const b = foldSystems(places);
    for (const id of ['install-3', 'install-1', 'install-3', 'scribe']) addSystem(a, id, places.of(id));
    for (let i = 0; i < 400; i++) addSystem(b, systems[i]!.id, i);
    addSystem(a, 'install-2');
    addSystem(b, 'install-3', 3);
    expect(a.list).toEqual(['install-3', 'install-1', 'scribe', 'install-2']);
    expect(a.marks).toBeUndefined();
    expect(b.list).toEqual(systems.slice(0, 400).map((s) => s.id));
    expect(b.marks).toBeDefined();
  });

  it('lists a system every member names beside its own install once, and an id of no system once, after marking', () => {
    const places = new SystemPlaces([...systems, { id: 'scribe' }]);
    const g = foldSystems(places);
    // As a class's members come: each its install (place given) with the vendor, or a ghost id, looked up.
    for (let i = 0; i < 600; i++) {
      addSystem(g, `install-${i}`, i);
      addSystem(g, i % 3 ? 'scribe' : 'ghost');
      addSystem(g, 'scribe');
    }
    expect(g.marks).toBeDefined();
    expect(g.list).toEqual(['install-0', 'ghost', 'scribe', ...systems.slice(1, 600).map((s) => s.id)]);
    expect([...g.seen]).toEqual(['ghost']);
  });

  it('places a repeated id at its last system, wherever it is asked from', () => {
    const places = new SystemPlaces([{ id: 'a' }, { id: 'b' }, { id: 'a' }]);
    expect(places.of('a')).toBe(2);
    expect(places.of('b')).toBe(1);
    expect(places.of('c')).toBeUndefined();
    expect(places.size).toBe(3);
  });

  it('charges a group the same systems, in first-met order by subject, whatever order its members come in', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = lcg(seed);
      const n = 50 + Math.floor(rnd() * 300);
      const installs = Array.from({ length: n }, (_, i) => ({ id: `i${i}`, name: `i${i}`, group: { vendor: 'Scribe', site: 'x' } }));
      // A repeated id, and members charged to ids of no system: both sides of the marks' threshold.
      const all = [{ id: 'scribe', name: 'Scribe' }, ...installs, ...(seed % 2 ? [installs[3]!] : [])];
      const findings = installs.filter(() => rnd() < 0.7).map((s) => {
        const extra = Array.from({ length: Math.floor(rnd() * 3) }, () => (rnd() < 0.3 ? `ghost${Math.floor(rnd() * 4)}` : `i${Math.floor(rnd() * n)}`));
        return { id: `r@system:${s.id}`, ruleId: 'r', kind: 'k', title: 't', severity: 'high', likelihood: 0.5, impact: 0.5, subject: `system:${s.id}`, systems: [s.id, ...extra], categories: [], citations: [], remediation: '', evidence: [], detail: 'd', contribution: 0 } as unknown as Finding;
      });
      const grouped = groupFindings(findings, all);
      const bySubject = [...findings].sort((a, b) => (a.subject < b.subject ? -1 : 1));
      expect(grouped[0]!.systems).toEqual([...new Set(bySubject.flatMap((f) => f.systems))]);
      expect(groupFindings([...findings].sort(() => rnd() - 0.5), all)).toEqual(grouped);
    }
  });
});
