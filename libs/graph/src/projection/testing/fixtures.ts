import { FACT_NAMES, unspecifiedValue } from '@custody/domain';
import type { ExtractionResult, Fact, FactSet, ParseResult } from '@custody/domain';
import { parseManifest } from '../../manifest/index.js';
import type { ContractInput, ConfigInput, VendorResolver } from '../types.js';

/** Test helpers for the projection specs: small, explicit builders, no hidden defaults that tests rely on. */

export function factSet(overrides: Partial<{ [K in keyof FactSet]: FactSet[K]['value'] }> = {}): FactSet {
  const out: Record<string, Fact> = {};
  for (const name of FACT_NAMES) {
    const value = name in overrides ? (overrides as Record<string, unknown>)[name] : unspecifiedValue(name);
    out[name] = { value: value as never, evidence: name in overrides ? [{ quote: `clause on ${name}`, start: 0, end: 10 }] : [], confidence: 0.9 };
  }
  return out as FactSet;
}

export function contract(documentId: string, file: string, vendor: string | undefined, facts: FactSet, extra: Partial<ExtractionResult['document']> = {}): ContractInput {
  return { documentId, file, result: { document: { kind: 'baa', parties: [], textLength: 100, ...(vendor ? { vendor } : {}), ...extra }, facts } };
}

export function config(documentId: string, file: string, result: Partial<ParseResult>): ConfigInput {
  return { documentId, file, result: { format: 'test', systems: [], flows: [], redactions: [], ...result } };
}

export function manifest(text: string, documentId = 'sha-manifest') {
  return { ...parseManifest(text), documentId, file: 'custody.yaml' };
}

export const vendors: VendorResolver = (q) =>
  ({ openai: { name: 'OpenAI', role: 'llm_provider' as const }, deepgram: { name: 'Deepgram', role: 'other' as const } })[q.toLowerCase()];

export const STACK = `practice: { name: Harborview Counseling, jurisdiction: US-CA, lenses: [immigrant-clients] }
systems:
  - { id: ehr, name: CarePath EHR, role: ehr, holds: [progress_notes, psychotherapy_notes, diagnosis, claims], hosts: [api.carepath.example] }
  - id: scribe
    name: Upheal
    role: ai_notetaker
    settings: { recording: always, can_disable: false, subprocessors: [OpenAI, Deepgram] }
  - { id: clearinghouse, name: ClaimBridge, role: clearinghouse }
  - { id: payer, name: Blue Harbor Health Plan, role: payer }
  - { id: employer, name: Acme Corp, role: employer }
flows:
  - { from: ehr, to: clearinghouse, data: [claims, diagnosis], transport: sftp, purpose: payment }
  - { from: clearinghouse, to: payer, data: [claims, diagnosis, insurance_ids], transport: https }
  - { from: ehr, to: employer, data: [progress_notes], transport: https }
  - { from: practice, to: ehr, data: [progress_notes, psychotherapy_notes, diagnosis], transport: https }
consents:
  - { to: employer, data: [progress_notes], purpose: return-to-work, expires: 2026-06-30 }
documents:
  - { file: docs/upheal-baa.pdf, system: scribe }
`;
