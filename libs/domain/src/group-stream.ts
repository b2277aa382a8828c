import type { Evidence } from './evidence.js';
import type { Finding } from './finding.js';
import type { SystemPlaces } from './fold-systems.js';
import { cmp, foldInstall, foldMember, finishFold, likeFigures, newFold, type GroupFold, type LikeFigures } from './group-fold.js';
import type { MemberView, SystemsById } from './group-findings.js';
import type { GraphSystem } from './graph.js';

/**
 * One rule's members grouped as they come: each is folded into its group at once and let go, so a fleet's
 * ~100,000 per-install drafts of a rule die young instead of all living (and being promoted) until grouping.
 * `finish` gives what `group` gives for the same members, provided they came in strictly ascending subject
 * order (the caller checks: then no group needs sorting). It is undefined when a vendor's own finding sorts
 * before its installs (it would head its group mid-list): the caller then groups the whole list instead.
 */
export interface MemberStream<M> {
  add(m: M): void;
  /**
   * Adds the member on `system:<install>` that reads as `like` except for its subject, its systems (read, not
   * kept) and its instance's evidence: a class of installs' member (the rule runner's class run), folded
   * without building it. `build` makes the member itself, asked only if grouping keeps it whole. `at`, when
   * given, is the caller's index of the install (the same install at the same index for every stream of one
   * grouping), by which its rewrite is found again. `subject`, when given, is the member's own subject, which
   * names `install` where `like`'s names another install of the same vendor and reads as it elsewhere (a path
   * through the install): the member then joins `like`'s group, its subject not split and rewritten again.
   */
  addInstall(like: M, install: string, systems: readonly string[], evidence: Evidence[], build: (install: string) => M, at?: number, subject?: string): void;
  finish(): Finding[] | undefined;
}

/** Members streamed into grouping (split out of group-findings.ts, which gives callers {@link MemberStream}s). */
type StreamGroup<M> = { fold: GroupFold<M>; firstInstall: string; headed: boolean };

export function streamGroups<M>(view: MemberView<M>, byId: SystemsById, places: SystemPlaces, rewrite: (subject: string) => Rewrite | undefined, rewriteInstall: (id: string, at?: number) => Rewrite | undefined): MemberStream<M> {
  const groups = new Map<string, StreamGroup<M>>();
  const order: StreamGroup<M>[] = [];
  // Members naming no install: few in a fleet (and all of a manifest's), kept whole as grouping keeps them.
  const out: M[] = [];
  const groupOf = (rewritten: Rewrite): StreamGroup<M> => {
    let g = groups.get(rewritten.subject);
    if (!g) {
      groups.set(rewritten.subject, (g = { fold: newFold<M>(rewritten.subject, places), firstInstall: rewritten.install, headed: false }));
      order.push(g);
    }
    return g;
  };
  // What grouping reads of a class's draft, once per draft (its members all read so), and the group its members
  // on their own subjects join (null: it names no install).
  const figures = new Map<M, LikeFigures>();
  const likeGroups = new Map<M, StreamGroup<M> | null>();
  // Each group folds its members in instance order: a member whose subject does not sort after the group's last
  // spoils the stream (finish then gives undefined, and the caller groups the whole list).
  let unsorted = false;
  const inOrder = (g: StreamGroup<M>, subject: string): GroupFold<M> => {
    const last = g.fold.lastSubject;
    if (last !== undefined && !(last < subject)) unsorted = true;
    return g.fold;
  };
  return {
    add(m) {
      const rewritten = rewrite(view.subject(m));
      if (rewritten) foldMember(inOrder(groupOf(rewritten), rewritten.source), m, rewritten.source, rewritten.install, rewritten.site, view, byId, rewritten.place);
      else out.push(m);
    },
    addInstall(like, install, systems, evidence, build, at, subject) {
      const rewritten = rewriteInstall(install, at);
      if (!rewritten) return this.add(build(install));
      let f = figures.get(like);
      if (!f) figures.set(like, (f = likeFigures(like, view)));
      let g: StreamGroup<M> | null | undefined;
      if (subject === undefined) g = groupOf(rewritten);
      else {
        g = likeGroups.get(like);
        if (g === undefined) {
          const r = rewrite(view.subject(like));
          likeGroups.set(like, (g = r ? groupOf(r) : null));
        }
        if (!g) return this.add(build(install));
      }
      const own = subject ?? rewritten.source;
      foldInstall(inOrder(g, own), like, f, own, install, rewritten.site, rewritten.place, systems, evidence, build, view);
    },
    finish() {
      if (unsorted) return undefined;
      // As groupWith: the first finding of a group's own subject heads it, the rest stay alone.
      const rest: Finding[] = [];
      for (const f of out) {
        const subject = view.subject(f);
        const g = groups.get(subject);
        if (g && !g.headed) {
          g.headed = true;
          if (cmp(subject, g.fold.lastSubject!) < 0) return undefined;
          foldMember(g.fold, f, subject, undefined, undefined, view, byId);
        } else rest.push(view.finding(f));
      }
      for (const g of order) rest.push(finishFold(g.fold, view, byId, g.firstInstall));
      return rest;
    },
  };
}

/** A subject rewritten: the install it named, and that install's site (what its instance records). */
export interface Rewrite {
  subject: string;
  install: string;
  site: string | undefined;
  /** The install's place among the grouping's systems (fold-systems.ts). */
  place: number | undefined;
  /**
   * The subject as first met: for a system subject, one string per install that every rule's instance on it
   * shares (each rule drafts its own `system:<install>`, which can then die young instead of living on in a
   * fleet's ~1,000,000 instances).
   */
  source: string;
}

