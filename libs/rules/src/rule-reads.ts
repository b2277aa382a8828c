/**
 * What each builtin rule reads, so an incremental re-audit (libs/audit incremental) can re-run a rule only for
 * the systems a change can affect. A rule's finding is *anchored* at its primary system (`systems[0]`); the
 * declaration bounds what a finding anchored at X may depend on besides X's own record:
 *
 * - `in`: flows into X, and the identity (id, name, role, group) of the systems that send them;
 * - `in-out`: also the flows out of X and the identity of the systems they reach;
 * - `upstream`: flows into X, and the shape (identity, holds, contracts) of every system and flow that can
 *   reach X (paths from the practice, BAA chains);
 * - `downstream`: flows out of X, and the shape of every system and flow X can reach.
 *
 * `vendorsOnly`: the rule never anchors a finding at the practice or a clinician. `names`: it reads the ids
 * and names of every system: `true` for any use (a name change re-runs it in full); `'subprocessors'` when it
 * reads them only to tell whether a sub-processor a system names (in its settings or its own contracts) is
 * modelled, so a name change matters to the systems naming a sub-processor that matches a changed name;
 * `'fleet-vendors'` when it reads them only to find the non-fleet system standing in for a fleet vendor (same
 * name key, see fleetVendorOf), so a name change matters only when the changed system could be such a stand-in
 * (then it re-runs in full). `consents`: it reads the graph's
 * consents. The practice record, the evaluation time, lens and settings are read by every rule: a change to
 * them re-runs everything. A rule with no entry here (a new rule, or one that reads the whole graph) is always
 * re-run in full: cheap rules stay there rather than risk a wrong declaration. The incremental property test
 * (libs/audit) checks these declarations against full audits of random workspaces.
 */
export interface RuleReads {
  around: 'in' | 'in-out' | 'upstream' | 'downstream';
  vendorsOnly?: boolean;
  names?: true | 'subprocessors' | 'fleet-vendors';
  consents?: boolean;
  /**
   * `'self-and-senders'`: the rule drafts a finding anchored at X only while judging X (a system of
   * vendorSystems) or a system with a flow into X. A re-run for some anchors can then judge just those
   * systems over the whole graph (install-classes judgingOnly) instead of cutting out, stubbing and indexing a
   * subgraph, which for an `upstream` rule is the whole upstream closure of the change, and for a
   * `'fleet-vendors'` one every system that is no install (a manifest's 10,000). The re-audit does so only when
   * that subgraph would be a large part of the graph (incremental-audit judgeWhole): a fleet install's closure
   * is itself and the practice, and a whole-graph run costs more there.
   */
  judges?: 'self-and-senders';
}

const IN_VENDOR: RuleReads = { around: 'in', vendorsOnly: true };

export const RULE_READS: Readonly<Record<string, RuleReads>> = Object.freeze({
  'missing-baa': IN_VENDOR,
  'expired-baa': IN_VENDOR,
  'no-subcontractor-flowdown': { around: 'in-out', vendorsOnly: true },
  // Names: "is this named sub-processor modelled?" (nameMatcher over every system's name and id).
  'baa-chain-break': { around: 'upstream', names: 'subprocessors', judges: 'self-and-senders' },
  'ai-training': IN_VENDOR,
  'deidentified-reuse': IN_VENDOR,
  'data-sale-or-marketing': IN_VENDOR,
  'weak-law-enforcement-posture': IN_VENDOR,
  'vendor-owns-records': IN_VENDOR,
  'no-return-or-destroy': IN_VENDOR,
  'slow-breach-notice': IN_VENDOR,
  'recording-retention': IN_VENDOR,
  'notetaker-cannot-disable': IN_VENDOR,
  'recording-without-consent': { around: 'in', vendorsOnly: true, consents: true },
  'offshore-processing': { around: 'in-out', vendorsOnly: true },
  'sensitive-detail-exposed': IN_VENDOR,
  // Sources count per fleet vendor, and a vendor's stand-in is found by name among all systems.
  'aggregation-hub': { around: 'in', vendorsOnly: true, names: 'fleet-vendors', judges: 'self-and-senders' },
  // Per flow into the anchor (the receiver): the flow, the receiver's role and contracts, the sender's name.
  'unencrypted-transport': { around: 'in' },
  'minimum-necessary': { around: 'in', vendorsOnly: true },
  'tracking-technology': { around: 'in', vendorsOnly: true },
  'unauthorized-third-party-disclosure': { around: 'in', vendorsOnly: true, consents: true },
  'part2-without-consent': { around: 'in', vendorsOnly: true, consents: true },
  // Not declared, on purpose: psychotherapy-notes-exposed and claims-aggregation read upstream (flow-down
  // chains, the path claims came by), and the upstream closure of a fleet vendor's sub-processor is the whole
  // fleet, so a partial run cost more than their whole-graph scan of flows by category (measured, bench:audit).
});
