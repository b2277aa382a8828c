import { FACT_NAMES, InvalidInputError, NOTETAKER_SETTING_CHECKS, unspecifiedValue, type AttachedContract, type FactSet, type Finding, type Graph, type Score } from '@custody/domain';
import { governingFact, parseDaysValue, type FactValues } from './contracts.js';
import { outboundFlows, systemById } from './graph-queries.js';
import { REGISTRY } from './registry.js';
import type { Rule, RuleContext } from './rule.js';
import { runAudit, type TriageMap } from './runner.js';

/** A hypothetical change to the stack. */
export type WhatIfChange =
  /** Sign a BAA with the required 164.504(e) terms (flow-down naming its current sub-processors, return/destroy, notice within the limit). */
  | { type: 'sign_baa'; system: string }
  /** Turn training off in settings and get every contract to prohibit it. */
  | { type: 'disable_training'; system: string }
  /** Drop the vendor and every flow to or from it. */
  | { type: 'remove_system'; system: string }
  /** Keep audio and transcripts at most `days` (settings and contract). */
  | { type: 'cut_retention'; system: string; days: number }
  /** Set any setting, e.g. `consent_capture: written` or `storage_region: US`. */
  | { type: 'set_setting'; system: string; key: string; value: unknown }
  /** Let clinicians turn the notetaker off (`can_disable: true`). */
  | { type: 'enable_disable_control'; system: string };

/** One side of a what-if comparison. */
export interface WhatIfSide {
  score: Score;
  findings: Finding[];
}

/** Before and after, and what changed between them. */
export interface WhatIfResult {
  before: WhatIfSide;
  after: WhatIfSide;
  /** Findings in `after` whose id is not in `before`. */
  appeared: Finding[];
  /** Findings in `before` whose id is not in `after`. */
  disappeared: Finding[];
  /** Findings in both whose likelihood, impact or severity changed (contributions shift with any change, so they are not compared). */
  changed: { before: Finding; after: Finding }[];
  /** The hypothetical graph, for rendering. */
  graph: Graph;
}

/**
 * Apply hypothetical changes to a copy of the graph and compare audits before and after. The input graph is
 * never mutated (it is deep-copied first). An unknown system is an InvalidInputError.
 */
export function whatIf(
  graph: Graph,
  changes: readonly WhatIfChange[],
  ctx: Omit<RuleContext, 'graph'> & { triage?: TriageMap },
  rules: readonly Rule[] = REGISTRY,
): WhatIfResult {
  // Triage applies on both sides, so "before" is the score the dashboard shows.
  const before = runAudit({ ...ctx, graph }, rules, ctx.triage);
  const next = applyChanges(graph, changes, ctx.now, ctx.settings.breachNoticeMaxDays);
  const after = runAudit({ ...ctx, graph: next }, rules, ctx.triage);
  const beforeIds = new Map(before.findings.map((f) => [f.id, f]));
  const afterIds = new Map(after.findings.map((f) => [f.id, f]));
  return {
    before: { score: before.score, findings: before.findings },
    after: { score: after.score, findings: after.findings },
    appeared: after.findings.filter((f) => !beforeIds.has(f.id)),
    disappeared: before.findings.filter((f) => !afterIds.has(f.id)),
    changed: after.findings
      .filter((f) => beforeIds.has(f.id))
      .map((f) => ({ before: beforeIds.get(f.id)!, after: f }))
      .filter((c) => c.before.severity !== c.after.severity || c.before.likelihood !== c.after.likelihood || c.before.impact !== c.after.impact),
    graph: next,
  };
}

/** The changed copy of a graph. Exposed for the dashboard's "preview graph". */
export function applyChanges(graph: Graph, changes: readonly WhatIfChange[], now: Date, breachNoticeDays = 60): Graph {
  const g = structuredClone(graph);
  changes.forEach((change, i) => {
    const named = systemById(g, change.system);
    if (!named) throw new InvalidInputError(`what-if change ${i + 1} (${change.type}) names unknown system ${change.system}`, { change });
    const marker = `what-if:${change.type}:${change.system}`;
    // A fleet install is an instance of its vendor: a change to the vendor applies to every install of it.
    for (const system of [named, ...fleetOf(g, named)]) {
      switch (change.type) {
        case 'sign_baa': {
          const downstream = outboundFlows(g, system.id).map((f) => systemById(g, f.to)?.name ?? f.to);
          const settingSubs = Array.isArray(system.settings.subprocessors) ? system.settings.subprocessors.map(String) : [];
          const known = governingFact(system, 'subprocessors_named', now).value;
          const contract: AttachedContract = {
            documentId: marker,
            file: `${marker}.hypothetical`,
            kind: 'baa',
            facts: makeWhatIfFacts(marker, {
              baa_offered: 'yes',
              subcontractor_flowdown: 'yes',
              subprocessors_named: [...new Set([...known, ...settingSubs, ...downstream])],
              return_or_destroy_on_termination: 'yes',
              breach_notice_days: breachNoticeDays,
            }),
          };
          system.contracts.push(contract);
          break;
        }
        case 'disable_training': {
          system.settings.training = 'prohibited';
          for (const c of system.contracts) {
            const fact = c.facts?.ai_training_on_customer_data;
            if (fact && (fact.value === 'allowed' || fact.value === 'opt_out')) {
              c.facts.ai_training_on_customer_data = { ...fact, value: 'prohibited', extractor: marker };
            }
          }
          break;
        }
        case 'remove_system': {
          g.systems = g.systems.filter((s) => s.id !== system.id);
          g.flows = g.flows.filter((f) => f.from !== system.id && f.to !== system.id);
          break;
        }
        case 'cut_retention': {
          if (!Number.isFinite(change.days) || change.days < 0) throw new InvalidInputError(`cut_retention needs a non-negative number of days`, { change });
          // A cut never lengthens retention that is already shorter.
          for (const key of ['audio_retention_days', 'transcript_retention_days']) {
            const current = parseDaysValue(system.settings[key]);
            system.settings[key] = current === undefined ? change.days : Math.min(current, change.days);
          }
          for (const c of system.contracts) {
            const fact = c.facts?.audio_or_recording_retention_days;
            if (fact && typeof fact.value === 'number' && fact.value > change.days) {
              c.facts.audio_or_recording_retention_days = { ...fact, value: change.days, extractor: marker };
            }
          }
          break;
        }
        case 'set_setting': {
          if (['__proto__', 'constructor', 'prototype'].includes(change.key)) throw new InvalidInputError(`refusing setting key ${change.key}`, { change });
          // A notetaker setting must be one of the vocabulary's values, as at every other edge.
          const check = NOTETAKER_SETTING_CHECKS[change.key as keyof typeof NOTETAKER_SETTING_CHECKS];
          if (check && !check(change.value)) throw new InvalidInputError(`invalid value for ${change.key}: ${JSON.stringify(change.value)}`, { change });
          system.settings[change.key] = structuredClone(change.value);
          break;
        }
        case 'enable_disable_control': {
          system.settings.can_disable = true;
          break;
        }
        default: {
          const never: never = change;
          throw new InvalidInputError(`unknown what-if change ${JSON.stringify(never)}`);
        }
      }
    }
  });
  return g;
}

/** The fleet installs of a vendor's declared system (installs whose fleet vendor is its name); none for an install. */
function fleetOf(g: Graph, system: Graph['systems'][number]): Graph['systems'] {
  if (system.group) return [];
  const key = (n: string) => n.trim().toLowerCase();
  return g.systems.filter((s) => s.group?.vendor !== undefined && key(s.group.vendor) === key(system.name));
}

/**
 * Facts of a hypothetical contract: the given values, everything else unspecified. The evidence says plainly
 * that it is hypothetical rather than pretending to quote a document.
 */
function makeWhatIfFacts(marker: string, values: FactValues): FactSet {
  const out: Record<string, unknown> = {};
  for (const name of FACT_NAMES) {
    const set = Object.prototype.hasOwnProperty.call(values, name);
    out[name] = {
      value: set ? values[name] : unspecifiedValue(name),
      evidence: set ? [{ quote: `(hypothetical) ${name}: ${JSON.stringify(values[name])}`, documentId: marker }] : [],
      confidence: 1,
      extractor: marker,
    };
  }
  return out as FactSet;
}
