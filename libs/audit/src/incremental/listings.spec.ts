import fc from 'fast-check';
import type { Finding, Graph, GraphSystem } from '@custody/domain';
import type { ProjectionChanges } from '@custody/graph';
import { systemMatcher } from '@custody/rules';
import { anchoredIn, notAnchoredIn } from './anchored.js';
import { carryListings, listingsOf, modelledFlips } from './listings.js';

/**
 * The listings a re-audit carries from graph to graph (listings.ts) must be those worked out from scratch, and
 * the flips read off them those of the definition: a name modelled in one graph and not in the other.
 */
const sys = (id: string, name: string, subprocessors: string[] = []): GraphSystem => ({ id, name, role: 'other', holds: [], settings: subprocessors.length ? { subprocessors } : {}, contracts: [], evidence: [] }) as unknown as GraphSystem;
const graph = (systems: GraphSystem[]): Graph => ({ systems, flows: [] }) as unknown as Graph;
const NAMES = ['OpenAI', 'Amazon Web Services', 'Twilio', 'Acme Transcription', 'Zoom'];

function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('sub-processor listings carried with the changed records', () => {
  it('equal the listings from scratch, and flip exactly the names modelled on one side only, along random changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const make = (id: string) => sys(id, rnd() < 0.3 ? pick(NAMES) : `Site ${id}`, rnd() < 0.6 ? [pick(NAMES), pick(NAMES)] : []);
      let g = graph(Array.from({ length: 12 }, (_, i) => make(`s${i}`)));
      listingsOf(g);
      for (let step = 0; step < 8; step++) {
        const systems = [...g.systems];
        const changes: ProjectionChanges = { base: g, systems: new Map(), flows: new Map() };
        const at = Math.floor(rnd() * systems.length);
        const r = rnd();
        if (r < 0.35) {
          const s = make(`n${seed}-${step}`);
          systems.push(s);
          changes.systems.set(s.id, { after: s });
        } else if (r < 0.6 && systems.length > 1) {
          const [s] = systems.splice(at, 1);
          changes.systems.set(s!.id, { before: s });
        } else {
          const s = { ...make(systems[at]!.id) };
          changes.systems.set(s.id, { before: systems[at], after: s });
          systems[at] = s;
        }
        const next = graph(systems);
        carryListings(g, next, changes);
        const carried = listingsOf(next);
        const scratch = listingsOf(graph([...systems]));
        expect(new Map([...carried.listed].sort())).toEqual(new Map([...scratch.listed].sort()));
        for (const [x, n] of scratch.modelled) expect([x, carried.modelled.get(x)]).toEqual([x, n]);
        const was = listingsOf(graph([...g.systems])).modelled;
        const expected = [...scratch.listed.keys()].filter((x) => (was.get(x) ?? countModelled(g.systems, x)) > 0 !== scratch.modelled.get(x)! > 0);
        expect([...modelledFlips(g, next, changes)].sort()).toEqual(expected.sort());
        g = next;
      }
    }
  });
});

/** How many systems a name matches, the slow way (the definition, for names the old graph did not list). */
function countModelled(systems: readonly GraphSystem[], x: string): number {
  return systems.filter(systemMatcher([x])).length;
}

describe('findings by anchor', () => {
  it('gives the findings anchored at the systems asked, in array order, as a filter does', () => {
    const f = (id: string, systems: string[]) => ({ id, systems }) as never;
    const findings = [f('a', ['x', 'y']), f('b', ['y']), f('c', ['x']), f('d', []), f('e', ['z', 'x'])];
    const anchors = new Set(['x', 'z']);
    expect(anchoredIn(findings, anchors)).toEqual(findings.filter((g: { systems: string[] }) => anchors.has(g.systems[0]!)));
  });

  it('the findings anchored elsewhere are the filter of the rest, for every set of anchors (runs at both ends, adjacent, none)', () => {
    const f = (id: string, systems: string[]) => ({ id, systems }) as never;
    const findings = [f('a', ['x', 'y']), f('b', ['x']), f('c', ['y']), f('d', []), f('e', ['z', 'x']), f('g', ['y']), f('h', ['z'])];
    for (const anchors of [[], ['x'], ['y'], ['z'], ['x', 'z'], ['x', 'y', 'z'], ['w']].map((xs) => new Set(xs))) {
      expect(notAnchoredIn(findings, anchors)).toEqual(findings.filter((g: { systems: string[] }) => !anchors.has(g.systems[0]!)));
    }
  });

  it('the findings anchored elsewhere are the filter of the rest, for random findings and anchors (repeated, absent, none)', () => {
    const ids = ['x', 'y', 'z', 'w'];
    const findingsArb = fc.array(fc.array(fc.constantFrom(...ids), { maxLength: 3 }), { maxLength: 30 }).map((xs) => xs.map((systems, i) => ({ id: `f${i}`, systems }) as never as Finding));
    fc.assert(fc.property(findingsArb, fc.subarray(ids), (findings, anchors) => {
      const set = new Set(anchors);
      expect(notAnchoredIn(findings, set)).toEqual(findings.filter((g) => !set.has(g.systems[0]!)));
    }), { numRuns: 500 });
  });

  it('keeps the findings anchored elsewhere when the anchored ones alternate with them 300,000 times (a change reaching half a large fleet)', () => {
    // One run of kept findings between each anchored one: as many runs as anchors, more than a call's arguments.
    const findings = Array.from({ length: 600_000 }, (_, i) => ({ id: `f${i}`, systems: [`s${i}`] }) as never as Finding);
    const anchors = new Set(findings.filter((_, i) => i % 2 === 0).map((g) => g.systems[0]!));
    const rest = notAnchoredIn(findings, anchors);
    expect(rest.length).toBe(300_000);
    expect([rest[0]!.id, rest[299_999]!.id]).toEqual(['f1', 'f599999']);
  });
});
