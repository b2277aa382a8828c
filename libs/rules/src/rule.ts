import type { Citation, DataCategory, Evidence, FindingKind, Graph, Lens, Subject } from '@custody/domain';
import type { ClassReads } from './install-classes.js';

/**
 * Limits and tables the builtin rules apply. Defaults are {@link DEFAULT_RULE_SETTINGS}; a workspace's
 * config may override any of them (merge with {@link resolveRuleSettings}).
 */
export interface RuleSettings {
  /** Longest a notetaker may keep audio / transcripts before `recording_retention` fires. */
  retentionLimitDays: { audio: number; transcript: number };
  /** Longest breach-notice window a BAA may allow (45 CFR 164.410(b): 60 calendar days). */
  breachNoticeMaxDays: number;
  /** Two-letter US state codes that require every party's consent to record a confidential conversation. */
  allPartyConsentStates: readonly string[];
  /** Overrides of DATA_CATEGORY_SENSITIVITY (0–1). */
  sensitivity: Partial<Record<DataCategory, number>>;
  /** `aggregation_hub` fires when one system receives ≥ minSensitiveCategories from ≥ minSources. */
  aggregationHub: { minSensitiveCategories: number; minSources: number };
}

/**
 * Defaults: audio 30 days (long enough to finish a note, short enough not to become an archive),
 * transcripts 365 days, breach notice 60 days (the regulatory ceiling), and the states whose wiretap or
 * eavesdropping statutes require all-party consent for confidential conversations.
 */
export const DEFAULT_RULE_SETTINGS: RuleSettings = Object.freeze({
  retentionLimitDays: Object.freeze({ audio: 30, transcript: 365 }),
  breachNoticeMaxDays: 60,
  allPartyConsentStates: Object.freeze(['CA', 'CT', 'DE', 'FL', 'IL', 'MD', 'MA', 'MI', 'MT', 'NV', 'NH', 'OR', 'PA', 'WA']),
  sensitivity: Object.freeze({}),
  aggregationHub: Object.freeze({ minSensitiveCategories: 4, minSources: 2 }),
}) as RuleSettings;

/** Deep-merge partial overrides onto the defaults (tables replace per key, lists replace whole). */
export function resolveRuleSettings(overrides: PartialRuleSettings = {}): RuleSettings {
  const d = DEFAULT_RULE_SETTINGS;
  return {
    retentionLimitDays: { ...d.retentionLimitDays, ...overrides.retentionLimitDays },
    breachNoticeMaxDays: overrides.breachNoticeMaxDays ?? d.breachNoticeMaxDays,
    allPartyConsentStates: (overrides.allPartyConsentStates ?? d.allPartyConsentStates).map((s) => s.toUpperCase()),
    sensitivity: { ...d.sensitivity, ...overrides.sensitivity },
    aggregationHub: { ...d.aggregationHub, ...overrides.aggregationHub },
  };
}

/** What config may override: every field optional, nested tables partial. */
export interface PartialRuleSettings {
  retentionLimitDays?: Partial<RuleSettings['retentionLimitDays']>;
  breachNoticeMaxDays?: number;
  allPartyConsentStates?: readonly string[];
  sensitivity?: Partial<Record<DataCategory, number>>;
  aggregationHub?: Partial<RuleSettings['aggregationHub']>;
}

/** Everything a rule may look at. Rules are pure: same context, same drafts. */
export interface RuleContext {
  graph: Graph;
  lens: Lens;
  settings: RuleSettings;
  /** The moment "expired" and "unexpired" are judged against (not the wall clock: time travel needs it). */
  now: Date;
}

/**
 * A rule's verdict before the runner gives it an id, severity and score contribution.
 * `subject` is `system:<id>`, `flow:<flowId>`, `path:<a>><b>><c>` or, for config files,
 * `document:<file>#<location>`.
 */
export interface FindingDraft {
  subject: Subject;
  /** Systems the exposure is charged to in the score; the first is the primary one. */
  systems: string[];
  categories: DataCategory[];
  /** 0–1: how likely the exposure is to be realised, given contract terms and controls. */
  likelihood: number;
  /** 0–1: how bad it is if it is (use `impactOf`: harm × data sensitivity). */
  impact: number;
  /** Copied from facts, flows and systems: never invented. */
  evidence: Evidence[];
  /**
   * The finding's text; or a function giving it, asked only when the draft becomes a whole finding. A fleet
   * rule drafts one finding per install and grouping keeps one text per vendor (the worst member's), so a rule
   * that builds the text per install (names, joined categories) can defer it. Must be pure: same text each call.
   */
  detail: string | (() => string);
  /** Citations specific to this draft (e.g. the state's recording statute), added to the rule's own. */
  citations?: Citation[];
}

/**
 * One risk rule (Threagile `pkg/risks/builtin` style): one file, one kind, its citations and the
 * remediation a consultant can hand to a client.
 */
export interface Rule {
  /** Stable kebab-case id, also the file name (`<id>.rule.ts`); part of every finding id. */
  id: string;
  title: string;
  kind: FindingKind;
  citations: Citation[];
  remediation: string;
  evaluate(ctx: RuleContext): FindingDraft[];
  /**
   * The same drafts, in the same order, pushed into `drafts` one at a time instead of returned (a rule written
   * with {@link streamingRule} has both). The runner streams them into grouping as they come, so a fleet's
   * ~100,000 per-install drafts of a rule die young instead of all living until the rule ends.
   */
  evaluateInto?(ctx: RuleContext, drafts: DraftSink): void;
  /**
   * Declared by a rule that judges each vendor system it drafts on by its class (install-classes.ts): it walks
   * `vendorSystems`, drafts at most one `system:<id>` finding per system, and of an install reads only the
   * settings listed here besides what every class key holds. The runner then runs it once per class of fleet
   * installs and gives each install its class's draft with its own subject and evidence (class-run.ts). A rule
   * without it runs per install, as does one that reads anything else of a class's representative.
   */
  classReads?: ClassReads;
}

/** Where a streaming rule puts its drafts (an array is one). */
export interface DraftSink {
  push(draft: FindingDraft): void;
}

/** A rule written against a {@link DraftSink}: its `evaluate` collects what `evaluateInto` pushes, so the two agree by construction. */
export function streamingRule(rule: Omit<Rule, 'evaluate' | 'evaluateInto'> & { evaluateInto(ctx: RuleContext, drafts: DraftSink): void }): Rule {
  return {
    ...rule,
    evaluate(ctx) {
      const drafts: FindingDraft[] = [];
      rule.evaluateInto(ctx, drafts);
      return drafts;
    },
  };
}

/** Build a context with defaults for lens, settings and time. */
export function createRuleContext(
  graph: Graph,
  opts: { lens?: Lens; settings?: PartialRuleSettings; now?: Date } = {},
): RuleContext {
  return {
    graph,
    lens: opts.lens ?? graph.practice.lenses.find((l) => l !== 'default') ?? 'default',
    settings: resolveRuleSettings(opts.settings),
    now: opts.now ?? (graph.asOf && !Number.isNaN(Date.parse(graph.asOf)) ? new Date(graph.asOf) : new Date()),
  };
}
