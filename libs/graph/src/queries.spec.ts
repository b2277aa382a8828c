import type { DataCategory, Graph, GraphFlow, GraphSystem, LegalBasis, SystemRole } from '@custody/domain';
import { flowTargets, isPracticeSide, systemById } from './graph-index.js';
import { origins, pathsTo, pathSubject, reach, shortestPathTo } from './paths.js';
import { inboundFlows, inboundOf, inboundPhiCategories, inboundPhiOf, outboundFlows, outboundOf, phiSources } from './queries.js';

const system = (id: string, role: SystemRole, holds: DataCategory[] = []): GraphSystem => ({ id, name: id.toUpperCase(), role, holds, settings: {}, contracts: [], evidence: [] });
const flow = (from: string, to: string, data: DataCategory[], legalBasis: LegalBasis = 'tpo'): GraphFlow => ({ id: `${from}->${to}`, from, to, data, transport: 'https', legalBasis, evidence: [] });

// practice → scribe → llm, scribe → ehr → clearinghouse; a de-identified feed from the EHR to the LLM.
const graph = (): Graph => ({
  practice: { name: 'P', lenses: ['default'], records: {} },
  systems: [system('practice', 'practice'), system('ehr', 'ehr', ['progress_notes']), system('scribe', 'ai_notetaker'), system('llm', 'llm_provider'), system('ch', 'clearinghouse')],
  flows: [
    flow('practice', 'scribe', ['session_recording']),
    flow('scribe', 'llm', ['session_transcript']),
    flow('scribe', 'ehr', ['progress_notes']),
    flow('ehr', 'ch', ['claims']),
    flow('ehr', 'llm', ['deidentified'], 'deidentified'),
  ],
  consents: [], redactions: [], identifiers: [], asOf: '2026-01-01T00:00:00.000Z',
});

describe('graph queries (reach and paths)', () => {
  it('finds where PHI starts and the shortest and all paths to a system, deterministically', () => {
    const g = graph();
    expect(origins(g)).toEqual(['practice']);
    expect(shortestPathTo(g, 'ch')).toEqual(['practice', 'scribe', 'ehr', 'ch']);
    // Following only claims, the path starts where claims are first held.
    expect(shortestPathTo(g, 'ch', ['claims'])).toEqual(['ehr', 'ch']);
    expect(pathsTo(g, 'llm')).toEqual([['practice', 'scribe', 'llm']]);
    expect(shortestPathTo(g, 'nowhere')).toBeUndefined();
    expect(pathSubject(['practice', 'scribe'])).toBe('path:practice>scribe');
  });

  it('reach and sources follow PHI flows only (the de-identified feed is not one)', () => {
    const g = graph();
    expect(reach(g, 'scribe')).toEqual(['ch', 'ehr', 'llm']);
    expect(reach(g, 'ch')).toEqual([]);
    expect(phiSources(g, 'llm')).toEqual(['scribe']);
  });

  it('rebuilds its index when the flows change', () => {
    const g = graph();
    expect(reach(g, 'ch')).toEqual([]);
    g.flows.push(flow('ch', 'llm', ['claims']));
    expect(reach(g, 'ch')).toEqual(['llm']);
    expect(systemById(g, 'ch')?.name).toBe('CH');
  });

  // The shared index answers (issue 11): looked up once per graph, the same answers as per-call lookups gave.
  it('the practice side is the practice id and the first system of an id whose role is practice or clinician', () => {
    const g = graph();
    g.systems.push(system('dr-lee', 'clinician'), system('ehr', 'clinician'));
    expect(isPracticeSide(g, 'practice')).toBe(true);
    expect(isPracticeSide(g, 'dr-lee')).toBe(true);
    // A second system with an id already taken is not the one systemById answers, so its role does not count.
    expect(isPracticeSide(g, 'ehr')).toBe(false);
    expect(isPracticeSide(g, 'nowhere')).toBe(false);
    // A graph whose practice is not among its systems still has the practice id on its side.
    expect(isPracticeSide({ ...graph(), systems: [] }, 'practice')).toBe(true);
    g.systems.push(system('dr-kim', 'clinician'));
    expect(isPracticeSide(g, 'dr-kim')).toBe(true);
  });

  it("gives each flow's receiver by position, and each system's flows and inbound PHI without copying", () => {
    const g = graph();
    g.flows.push(flow('ch', 'unknown-end', ['claims']));
    expect(flowTargets(g).map((s) => s?.id)).toEqual(['scribe', 'llm', 'ehr', 'ch', 'llm', undefined]);
    expect(flowTargets(g)).toBe(flowTargets(g));
    expect(inboundOf(g, 'llm')).toEqual(inboundFlows(g, 'llm'));
    expect(inboundOf(g, 'llm')).toBe(inboundOf(g, 'llm'));
    expect(outboundOf(g, 'ehr').map((f) => f.to)).toEqual(outboundFlows(g, 'ehr').map((f) => f.to));
    expect(inboundOf(g, 'practice')).toEqual([]);
    // In flow order, first seen first, de-identified data left out (the EHR's feed to the LLM carries none).
    g.flows.push(flow('ehr', 'llm', ['diagnosis', 'deidentified', 'session_transcript']));
    expect(inboundPhiOf(g, 'llm')).toEqual(['session_transcript', 'diagnosis']);
    expect(inboundPhiCategories(g, 'llm')).toEqual(['session_transcript', 'diagnosis']);
  });
});
