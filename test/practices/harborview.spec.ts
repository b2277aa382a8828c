import { resolve } from 'node:path';
import type { Graph } from '@custody/domain';
import { createRuleContext, runAudit, whatIf, type WhatIfChange } from '@custody/rules';
import { graphOfFolder } from '../support/audit-graph.js';

/**
 * The example practice as a reader acts on it: every kind of real problem still found, once per problem
 * (the 12-laptop fleet grouped under its vendor), and each remediation a what-if applies moves the score by
 * at least the contributions listed on the findings it removes.
 */
const NOW = new Date('2026-06-01T00:00:00Z');
let graph: Graph;

beforeAll(async () => {
  graph = await graphOfFolder(resolve('examples/harborview-counseling'), NOW);
}, 120_000);

describe('examples/harborview-counseling', () => {
  it('finds every kind of problem the example was written to show, one finding per (rule, subject)', () => {
    const { findings } = runAudit(createRuleContext(graph, { now: NOW }));
    const kinds = new Set(findings.map((f) => f.kind));
    for (const kind of [
      'missing_baa', 'expired_baa', 'no_subcontractor_flowdown', 'baa_chain_break', 'ai_training',
      'deidentified_reuse', 'weak_law_enforcement_posture', 'vendor_owns_records', 'no_return_or_destroy', 'slow_breach_notice',
      'recording_retention', 'notetaker_cannot_disable', 'recording_without_consent', 'claims_aggregation', 'tracking_technology',
      'unencrypted_transport', 'offshore_processing', 'unauthorized_third_party_disclosure', 'minimum_necessary', 'sensitive_detail_exposed',
      'secret_in_config', 'aggregation_hub',
    ] as const) expect([kind, kinds.has(kind)]).toEqual([kind, true]);
    // Its psychotherapy notes stay in the EHR's restricted section (hosted on AWS under the EHR's flow-down):
    // the old psychotherapy_notes_exposed on ehr -> AWS was a false alarm.
    expect(kinds.has('psychotherapy_notes_exposed')).toBe(false);
    // 222 findings before grouping and contract-chain coverage; the fleet's copies are now instances.
    expect(findings.length).toBeLessThan(80);
    const cannotDisable = findings.find((f) => f.id === 'notetaker-cannot-disable@system:scribe')!;
    expect(cannotDisable.instances!.filter((i) => i.subject.startsWith('system:install-'))).toHaveLength(10);
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('holds AWS to CarePath\'s flow-down BAA for CarePath\'s data only: the notetaker\'s recordings reach it under no contract', () => {
    const basis = Object.fromEntries(graph.flows.map((f) => [f.id, f.legalBasis]));
    expect(basis['ehr->amazon-web-services']).toBe('baa');
    expect(basis['scribe->amazon-web-services']).toBe('none_known');
    const { findings } = runAudit(createRuleContext(graph, { now: NOW }));
    const breaks = findings.filter((f) => f.kind === 'baa_chain_break' && f.subject.endsWith('>amazon-web-services'));
    // Scribewell's BAA has no flow-down (its sub-processors stay on their own terms), as for Deepgram: the vendor and its 12 installs.
    expect(breaks.map((f) => [f.subject, f.instances?.length])).toEqual([['path:practice>scribe>amazon-web-services', 13]]);
  });

  const cases: [string, WhatIfChange[]][] = [
    ['remove the portal tracker', [{ type: 'remove_system', system: 'portal-tracker' }]],
    ['sign the missing cloud-storage BAA', [{ type: 'sign_baa', system: 'storage' }]],
    ['turn training off for the notetaker vendor (every install)', [{ type: 'disable_training', system: 'scribe' }]],
  ];
  for (const [what, changes] of cases) {
    it(`a what-if that would ${what} lowers the score by at least the listed contributions of what it fixes`, () => {
      const r = whatIf(graph, changes, createRuleContext(graph, { now: NOW }));
      const drop = Math.round((r.before.score.total - r.after.score.total) * 100);
      const listed = Math.round(r.disappeared.reduce((a, f) => a + f.contribution, 0) * 100);
      expect(r.disappeared.length).toBeGreaterThan(0);
      expect(listed).toBeGreaterThan(0);
      // Each contribution is a difference of totals rounded to hundredths, so n of them may overstate the
      // joint drop by up to n − 1 hundredths; unrounded, removing several drops at least the sum (concavity).
      expect(drop).toBeGreaterThanOrEqual(listed - (r.disappeared.length - 1));
    });
  }
});
