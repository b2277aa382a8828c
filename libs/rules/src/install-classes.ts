import type { Graph, GraphSystem } from '@custody/domain';
import { guardedSystem } from './class-guard.js';
import { installIndex, settingColumn } from './install-keys.js';
import { memoByGraph } from './run-memo.js';

/**
 * Classes of fleet installs (issue 11): a 100,000-install fleet has a few dozen distinct configurations, so a
 * rule that judges each install by what it shares with its class is run once per class (see class-run.ts).
 *
 * What a rule declares, to be run once per class: the install settings it reads. The rest of what it may read
 * of an install is in every class key: role, holds, fleet vendor, contracts (by identity: a vendor's contract
 * is one object on all its installs), its flows in and out (peer, data, transport, purpose, legal basis,
 * endpoint) and the shape of its evidence (where each item sits among its own and its flows' evidence, and
 * which declared setting an item of its own mentions, as settingEvidence picks them). Not in the key, so read
 * only as identity: its id and name (a finding's subject, systems and text, rebuilt per install), and the
 * evidence items themselves (re-attached per install by their place). An install a consent or an exposed
 * identifier names (by id or name) is a class of its own. A rule that reads an undeclared setting, the name
 * or the site of a class's representative is stopped (see {@link guardedSystem}) and runs per install.
 *
 * This module combines the keys into a rule's classes and holds which systems stand for the vendors during a
 * class run; the keys are built in install-keys.ts, the representative's guard is class-guard.ts and the
 * evidence slots members are mapped by are install-slots.ts.
 */
export interface ClassReads {
  /** Install settings the rule reads (and the keys it asks settingEvidence for). */
  settings: readonly string[];
}

/** One rule's classes: each vendor position's representative position (itself for non-installs and reps). */
export interface RuleClasses {
  vendors: readonly GraphSystem[];
  repOf: Int32Array;
  /** 1 at each class representative's position (an install judged for its class), 0 elsewhere. */
  isRep: Uint8Array;
  /** The systems the rule is run on: every non-install vendor (`loose`) and one guarded representative per class (`reps`). */
  loose: GraphSystem[];
  reps: GraphSystem[];
  classes: number;
  installs: number;
}

/** The run's classes of installs for rules reading `reads` (memoised per run and set of settings). */
export function ruleClasses(graph: Graph, vendors: readonly GraphSystem[], reads: ClassReads): RuleClasses {
  const keys = [...new Set(reads.settings)].sort();
  return memoByGraph(`classes:${JSON.stringify(keys)}`, graph, () => {
    const index = installIndex(graph, vendors);
    const columns = keys.map((k) => settingColumn(graph, index, k));
    const repOf = new Int32Array(vendors.length);
    const isRep = new Uint8Array(vendors.length);
    // An install's class key, its structure's id and per declared setting its value-and-mentions id, as one
    // number: each column's pair (key so far, column id) is numbered in turn, without a key text per install.
    const pairs = columns.map(() => new Map<number, Map<number, number>>());
    const pairCount = columns.map(() => 0);
    const reps = new Map<number, number>();
    const loose: GraphSystem[] = [];
    const judgedReps: GraphSystem[] = [];
    const allowed = new Set(keys);
    let classes = 0;
    for (let p = 0; p < vendors.length; p++) {
      const s = vendors[p]!;
      const base = index.base[p]!;
      if (base < 0) {
        repOf[p] = p;
        loose.push(s);
        continue;
      }
      let key = base;
      for (let c = 0; c < columns.length; c++) {
        const byKey = pairs[c]!;
        let byValue = byKey.get(key);
        if (!byValue) byKey.set(key, (byValue = new Map()));
        const value = columns[c]![p]!;
        let id = byValue.get(value);
        if (id === undefined) byValue.set(value, (id = pairCount[c]!++));
        key = id;
      }
      const rep = reps.get(key);
      if (rep !== undefined) {
        repOf[p] = rep;
        continue;
      }
      reps.set(key, p);
      repOf[p] = p;
      isRep[p] = 1;
      classes++;
      judgedReps.push(guardedSystem(s, allowed));
    }
    return { vendors, repOf, isRep, loose, reps: judgedReps, classes, installs: index.installs };
  });
}

// The systems rules iterate as "the vendors" while one rule runs per class (vendorSystems reads this).
let judging: { graph: Graph; systems: readonly GraphSystem[] } | undefined;

/** The systems to judge as the vendors of `graph` while a class run is on; undefined otherwise. */
export function judgedVendors(graph: Graph): readonly GraphSystem[] | undefined {
  return judging?.graph === graph ? judging.systems : undefined;
}

/** Runs `fn` with `systems` standing for the vendors of `graph` (nested runs get their own). */
export function judgingOnly<T>(graph: Graph, systems: readonly GraphSystem[], fn: () => T): T {
  const outer = judging;
  judging = { graph, systems };
  try {
    return fn();
  } finally {
    judging = outer;
  }
}
