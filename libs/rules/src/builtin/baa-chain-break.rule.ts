import { slugify, wordList, type AttachedContract, type DataCategory, type Evidence, type Graph, type GraphSystem, type Subject } from '@custody/domain';
import { CITE } from '../citations.js';
import { baasInForce, factIn, isBaa, nameMatches, namedSubprocessors, unique } from '../contracts.js';
import {
  baaCoverage, carriesPhi, displayName, flowdownSender, heldCategories, holderRoutes, hopCoverage, inboundOf, isBusinessAssociateRole, isDirectAssociate,
  isPracticeSide, modelledNameMatcher, outboundOf, pathSubject, phiOf, settingEvidence, shortestPathTo, systemById, vendorSystems,
} from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * Transitive BAA coverage. PHI stays covered from the practice to a vendor while the vendor has its own BAA;
 * it stays covered from a vendor U to its sub-processor X when X has its own BAA, or U is covered, U's BAA
 * flows its restrictions down (`subcontractor_flowdown: yes`) and U's contracts name X. Every hop where that
 * fails is a break, reported as the path from an origin through U to X (e.g. notetaker → LLM provider).
 * Sub-processors named in a vendor's settings or contracts but absent from the graph are checked the same way.
 */
export const baaChainBreakRule: Rule = streamingRule({
  id: 'baa-chain-break',
  // Judges one upstream vendor at a time (its hops out, the sub-processors its settings and contracts name).
  classReads: { settings: ['subprocessors'] },
  title: 'PHI reaches a sub-processor beyond BAA coverage',
  kind: 'baa_chain_break',
  citations: [CITE.subcontractorDisclosure, CITE.subcontractorFlowdown, CITE.subcontractorSecurity, CITE.baDisclosure],
  remediation:
    'For each sub-processor on this path, get written proof it is bound: either the upstream vendor\'s BAA requires ' +
    'flow-down and names this sub-processor, or the sub-processor signs a subcontractor BAA. Until then, turn off the ' +
    'integration that sends PHI to it (e.g. the notetaker\'s LLM summarisation) or choose a vendor that keeps PHI in-house.',
  evaluateInto({ graph, now, settings }, drafts) {
    const memo = new Map<string, boolean>();
    // Fleet graphs send thousands of flows into one EHR or LLM: look each system up once.
    const coverageMemo = new Map<string, boolean>();
    const covered = (id: string): boolean => {
      if (!coverageMemo.has(id)) coverageMemo.set(id, baaCoverage(graph, id, now).covered);
      return coverageMemo.get(id)!;
    };
    // Whether what `u` sends `x` is under a BAA: x's coverage, or for a sub-processor bound through a sender's
    // flow-down, that of the route u's data is on (another sender's flow-down does not bind it for u's data).
    const hopCovered = (uId: string, xId: string): boolean => (holderRoutes(graph, xId) ? hopCoverage(graph, uId, xId, now).covered : covered(xId));
    const directMemo = new Map<string, boolean>();
    const direct = (id: string): boolean => {
      if (!directMemo.has(id)) directMemo.set(id, isDirectAssociate(graph, id));
      return directMemo.get(id)!;
    };

    // The answer depends only on U's contracts and the name. Every install of a fleet vendor holds the same
    // contract objects, so it is worked out once per contract set and name, not once per install.
    const contractIds = new Map<AttachedContract, number>();
    const flowdownMemo = new Map<string, FlowdownReading>();
    // A system with one contract (every install of a fleet vendor) is looked up by that contract, without a key.
    const flowdownByContract = new Map<AttachedContract, Map<string, FlowdownReading>>();
    const flowdownTo = (u: GraphSystem, name: string): FlowdownReading => {
      if (u.contracts.length === 1) {
        const c = u.contracts[0]!;
        let byName = flowdownByContract.get(c);
        if (!byName) flowdownByContract.set(c, (byName = new Map()));
        let hit = byName.get(name);
        if (!hit) byName.set(name, (hit = readFlowdown(u, name)));
        return hit;
      }
      const key = `${u.contracts.map((c) => contractIds.get(c) ?? contractIds.set(c, contractIds.size).get(c)).join(',')}\u0000${name}`;
      let hit = flowdownMemo.get(key);
      if (!hit) flowdownMemo.set(key, (hit = readFlowdown(u, name)));
      return hit;
    };
    const readFlowdown = (u: GraphSystem, name: string): FlowdownReading => {
      // U's own BAAs only: one U holds through a sender's flow-down binds U itself (for that sender's data), and its
      // clause is the sender's promise to bind its subcontractors, not U's to bind U's (the projection passes no
      // inherited contract on either: flowdown.ts).
      const baas = baasInForce(u, now).filter((c) => !c.via);
      const flow = baas.map((c) => factIn(c, 'subcontractor_flowdown')).filter((r) => r.value === 'yes');
      const namedIn = u.contracts.filter((c) => !c.via && (c.facts?.subprocessors_named?.value ?? []).some((n) => nameMatches(n, name)));
      return {
        ok: flow.length > 0 && namedIn.length > 0,
        flowdown: flow.length > 0,
        evidence: [...flow.flatMap((r) => r.evidence), ...namedIn.flatMap((c) => factIn(c, 'subprocessors_named').evidence)],
      };
    };

    const edgeCovered = (uId: string, xId: string, visiting: Set<string>): boolean => {
      if (hopCovered(uId, xId)) return true;
      const u = systemById(graph, uId);
      const x = systemById(graph, xId);
      if (!u || !x) return false;
      return chainCovered(uId, visiting) && (flowdownTo(u, x.name).ok || flowdownTo(u, x.id).ok);
    };

    // Covered if the practice could show a BAA chain to it along at least one inbound path.
    const chainCovered = (id: string, visiting = new Set<string>()): boolean => {
      if (isPracticeSide(graph, id)) return true;
      if (memo.has(id)) return memo.get(id)!;
      if (visiting.has(id)) return false;
      visiting.add(id);
      let ok = covered(id);
      if (!ok && !direct(id)) {
        ok = inboundOf(graph, id).some((f) => carriesPhi(f) && !isPracticeSide(graph, f.from) && edgeCovered(f.from, id, visiting));
      }
      visiting.delete(id);
      memo.set(id, ok);
      return ok;
    };

    // Each upstream vendor's path is walked and written once (as pathSubject writes it, up to the last hop): an
    // install is `u` of one break per sub-processor, and a fleet has thousands of installs.
    const paths = new Map<string, string>();
    const subjectVia = (id: string, last: string): Subject => {
      let head = paths.get(id);
      if (head === undefined) paths.set(id, (head = `${pathSubject(shortestPathTo(graph, id) ?? [id])}>`));
      return `${head}${last}`;
    };

    // Whether a hop into `x` can break: x is an associate the practice is not on (a hop into a practice-side
    // system never breaks), x has no BAA of its own (else the hop is covered whatever comes before; one it holds
    // through a sender's flow-down covers that sender's hops only: hopCovered, asked per hop), and the finding is
    // not another rule's: a direct associate with no BAA of its own is `missing-baa`'s, not a chain break; one whose
    // own BAA is on file but expired is `expired-baa`'s (the practice signed with it: renewing that BAA is the one
    // fix). Asked per sink, not per hop: a fleet's ~250,000 hops go into a dozen sub-processors.
    const openSinks = new Map<string, boolean>();
    const openInto = (x: GraphSystem): boolean => {
      let open = openSinks.get(x.id);
      if (open === undefined) {
        open = !isPracticeSide(graph, x.id) && isBusinessAssociateRole(x) && !direct(x.id) && !x.contracts.some((c) => !c.via && isBaa(c));
        openSinks.set(x.id, open);
      }
      return open;
    };
    // A hop's categories and impact by its flow's data: a fleet's flows carry a handful of distinct lists.
    const byData: { data: readonly DataCategory[]; categories: DataCategory[]; impact: number }[] = [];
    const phiAndImpact = (data: readonly DataCategory[]) => {
      for (const e of byData) if (sameList(e.data, data)) return e;
      const categories = phiOf(data);
      const e = { data, categories, impact: impactOf(0.85, categories, settings) };
      if (byData.length < 64) byData.push(e);
      return e;
    };

    // Modelled sub-processors: every PHI hop vendor → vendor that is not covered, per upstream vendor `u` (its
    // outbound flows in graph order): the rule judges one vendor at a time, so it can run once per class of
    // fleet installs (classReads) — an install's hops are read from its own outbound flows, in its class key.
    const modelledHops = (u: GraphSystem) => {
      for (const f of outboundOf(graph, u.id)) {
        if (!carriesPhi(f)) continue;
        const x = systemById(graph, f.to);
        if (!x || !openInto(x) || hopCovered(u.id, x.id)) continue;
        // Not covered into x: the hop is covered when u is and u's BAA flows down and names x.
        const fd = flowdownTo(u, x.name);
        const upstreamCovered = chainCovered(u.id);
        if (upstreamCovered && (fd.ok || flowdownTo(u, x.id).ok)) continue;
        const { categories, impact } = phiAndImpact(f.data);
        drafts.push({
          subject: subjectVia(u.id, x.id),
          systems: [x.id, u.id],
          categories,
          likelihood: !upstreamCovered || !fd.flowdown ? 0.85 : 0.55,
          impact,
          // Sized once (concat), not spread: one list per hop.
          evidence: f.evidence.concat(fd.evidence),
          detail: () => breakDetail(graph, u, x.name, upstreamCovered, fd.flowdown, now),
        });
      }
    };

    // Named but unmodelled sub-processors (e.g. a notetaker's `subprocessors: [OpenAI]`). A fleet names the same
    // few sub-processors on every install: per name (slug, modelled or not) and per contract set and name
    // (the contracts' evidence) the answer is worked out once; per install only what is its own.
    // Built at the first name: most vendors of an agency's manifest name none, and it keys every system's name and id.
    let matchesModelled: ((name: string) => boolean) | undefined;
    const modelled = new Map<string, boolean>();
    const isModelled = (name: string): boolean => modelled.get(name) ?? (modelled.set(name, (matchesModelled ??= modelledNameMatcher(graph))(name)), modelled.get(name)!);
    const slugs = new Map<string, string>();
    const slugOf = (name: string): string => {
      let slug = slugs.get(name);
      if (slug === undefined) slugs.set(name, (slug = slugify(name)));
      return slug;
    };
    const namingByContract = new Map<AttachedContract, Map<string, Evidence[]>>();
    const namingEvidence = (u: GraphSystem, name: string): Evidence[] => {
      if (u.contracts.length !== 1) return contractsNaming(u.contracts, name);
      const c = u.contracts[0]!;
      let byName = namingByContract.get(c);
      if (!byName) namingByContract.set(c, (byName = new Map()));
      let hit = byName.get(name);
      if (!hit) byName.set(name, (hit = contractsNaming(u.contracts, name)));
      return hit;
    };
    for (const u of vendorSystems(graph)) {
      if (isPracticeSide(graph, u.id) || !isBusinessAssociateRole(u)) continue;
      // An assessed vendor with no BAA in force: that BAA is the one defect of its terms (missing-baa's finding, or
      // expired-baa's; the sub-processors stay in the graph and the report's flows). Its hops are its contract's own list of
      // sub-processors, not flows the practice runs, and each is unbound for that one cause: a finding per hop would
      // count the missing BAA again. In a declared stack each hop is a PHI path the practice has, reported as a break.
      if (u.assessed && !covered(u.id)) continue;
      modelledHops(u);
      const categories = heldCategories(graph, u.id);
      if (categories.length === 0) continue;
      const named = namedSubprocessors(u);
      const names = named.inContracts.length === 0 ? named.inSettings : [...new Set([...named.inSettings, ...named.inContracts])];
      let inSettingsEvidence: Evidence[] | undefined;
      let impact: number | undefined;
      for (const name of names) {
        if (isModelled(name)) continue;
        const fd = flowdownTo(u, name);
        const upstreamCovered = chainCovered(u.id);
        if (upstreamCovered && fd.ok) continue;
        // One list per install and sub-processor, kept by its instance: made by concat (sized exactly).
        const evidence = (named.inSettings.includes(name) ? (inSettingsEvidence ??= settingEvidence(u, 'subprocessors')) : NONE).concat(namingEvidence(u, name), fd.evidence);
        drafts.push({
          subject: subjectVia(u.id, slugOf(name)),
          systems: [u.id],
          categories,
          likelihood: !upstreamCovered || !fd.flowdown ? 0.75 : 0.5,
          impact: (impact ??= impactOf(0.85, categories, settings)),
          evidence,
          detail: () => breakDetail(graph, u, name, upstreamCovered, fd.flowdown, now),
        });
      }
    }
  },
});

const NONE: readonly Evidence[] = [];

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a === b || (a.length === b.length && a.every((v, i) => v === b[i]));

/** The evidence of the contracts (in order) whose named sub-processors include `name` exactly. */
function contractsNaming(contracts: readonly AttachedContract[], name: string): Evidence[] {
  const out: Evidence[] = [];
  for (const c of contracts) if ((c.facts?.subprocessors_named?.value ?? []).includes(name)) for (const e of factIn(c, 'subprocessors_named').evidence) out.push(e);
  return out;
}

interface FlowdownReading {
  ok: boolean;
  flowdown: boolean;
  evidence: Evidence[];
}

function breakDetail(graph: Graph, u: GraphSystem, name: string, upstreamCovered: boolean, flowdown: boolean, now: Date): string {
  const who = displayName(graph, u.id);
  // Each party is named once: the reader meets "Remindly … Remindly" as noise, not as a second fact.
  if (!upstreamCovered) return `${who} has no BAA in force itself, yet passes PHI on to ${name}, which nothing binds.`;
  // Covered only through senders' flow-downs: no BAA of U's own to speak of.
  const senders = baasInForce(u, now).some((c) => !c.via) ? [] : unique(u.contracts.flatMap((c) => (c.via ? [flowdownSender(graph, c.via.system)] : [])));
  if (!flowdown && senders.length > 0) {
    return `${who} passes PHI to ${name}; it is bound only through ${wordList(senders.map((x) => `${x}'s`))} flow-down, with no BAA of its own requiring it to bind its sub-processors, and ${name} has no BAA of its own.`;
  }
  if (!flowdown) return `${who} passes PHI to ${name}; its BAA has no subcontractor flow-down and the sub-processor has no BAA of its own.`;
  return `${who} passes PHI to ${name}; its BAA flows down but does not name this sub-processor, which has no BAA of its own.`;
}

