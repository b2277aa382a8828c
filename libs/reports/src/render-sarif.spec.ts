import { z } from 'zod';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderSarif, sarifLevel } from './render-sarif.js';

/**
 * The parts of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) a consumer relies on: required properties,
 * enums and integer bounds for every object we emit. Strict objects are not used because SARIF allows
 * property bags, but every required field and its type is checked.
 */
const message = z.object({ text: z.string().min(1) });
const region = z.object({
  startLine: z.number().int().min(1).optional(),
  charOffset: z.number().int().min(0).optional(),
  charLength: z.number().int().min(0).optional(),
  snippet: z.object({ text: z.string() }).optional(),
}).refine((r) => r.startLine !== undefined || r.charOffset !== undefined, 'a region needs startLine or charOffset');
const location = z.object({
  physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string().min(1), uriBaseId: z.string().optional() }), region: region.optional() }),
  logicalLocations: z.array(z.object({ fullyQualifiedName: z.string() })).optional(),
});
const level = z.enum(['none', 'note', 'warning', 'error']);
const reportingDescriptor = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  shortDescription: message,
  fullDescription: message,
  help: z.object({ text: z.string().min(1), markdown: z.string().optional() }),
  defaultConfiguration: z.object({ level }),
  properties: z.object({ tags: z.array(z.string()) }),
});
const result = z.object({
  ruleId: z.string(),
  ruleIndex: z.number().int().min(0),
  kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']),
  level,
  message,
  locations: z.array(location).optional(),
  partialFingerprints: z.record(z.string(), z.string()),
  suppressions: z.array(z.object({ kind: z.enum(['inSource', 'external']), status: z.enum(['accepted', 'underReview', 'rejected']) })).optional(),
});
const sarifLog = z.object({
  $schema: z.string().url(),
  version: z.literal('2.1.0'),
  runs: z.array(z.object({
    tool: z.object({ driver: z.object({ name: z.string().min(1), version: z.string(), informationUri: z.string().url(), rules: z.array(reportingDescriptor) }) }),
    results: z.array(result),
    invocations: z.array(z.object({ executionSuccessful: z.boolean() })),
  })).length(1),
});

describe('renderSarif', () => {
  const report = sampleAuditReport();
  const log = sarifLog.parse(JSON.parse(renderSarif(report)));
  const run = log.runs[0];

  it('is a structurally valid SARIF 2.1.0 log', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('Custody');
  });

  it('has one rule per ruleId and one result per finding, each pointing at its rule', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...new Set(report.findings.map((f) => f.ruleId))].sort());
    expect(run.results).toHaveLength(report.findings.length);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('describes rules with remediation, kind and citations as tags', () => {
    const rule = run.tool.driver.rules.find((r) => r.id === 'baa-chain-break')!;
    expect(rule.name).toBe('BaaChainBreak');
    expect(rule.help.text).toBe(report.findings[0].remediation);
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['baa_chain_break', '45 CFR 164.504(e)(2)(ii)(D)', '45 CFR 164.502(e)']));
    expect(rule.defaultConfiguration.level).toBe('error');
  });

  it('maps severities to levels', () => {
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual(['error', 'error', 'warning', 'note', 'note']);
    const levelOf = (id: string) => run.results.find((r) => r.partialFingerprints['custodyFindingId/v1'] === id)!.level;
    expect(levelOf('baa-chain-break@path:practice>scribe>nimbus')).toBe('error');
    expect(levelOf('recording-retention@system:scribe')).toBe('warning');
    expect(levelOf('slow-breach-notice@system:scribe')).toBe('note');
  });

  it('fingerprints results with the stable finding id', () => {
    expect(run.results.map((r) => r.partialFingerprints['custodyFindingId/v1'])).toEqual(report.findings.map((f) => f.id));
  });

  it('locates evidence by line when known, by character offset otherwise', () => {
    const tracking = run.results.find((r) => r.ruleId === 'tracking-technology')!;
    expect(tracking.locations![0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'portal/index.html' }, region: { startLine: 42 } });
    const chain = run.results.find((r) => r.ruleId === 'baa-chain-break')!;
    const ev = report.findings[0].evidence[0];
    expect(chain.locations![0].physicalLocation.region).toMatchObject({ charOffset: ev.start, charLength: ev.end! - ev.start! });
  });

  it('records triage as an external suppression and rule errors as a failed invocation', () => {
    const r = sampleAuditReport();
    r.ruleErrors = [{ ruleId: 'aggregation-hub', message: 'boom' }];
    const out = sarifLog.parse(JSON.parse(renderSarif(r))).runs[0];
    expect(out.invocations[0].executionSuccessful).toBe(false);
    const accepted = out.results.find((x) => x.ruleId === 'minimum-necessary')!;
    expect(accepted.suppressions).toEqual([expect.objectContaining({ kind: 'external', status: 'accepted' })]);
  });
});
