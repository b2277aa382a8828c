import type { Finding, FindingInstance } from './finding.js';
import type { GraphSystem } from './graph.js';
import { nameKey, slugify } from './names.js';
import { severityRank } from './taxonomy.js';

/**
 * One finding per problem. A notetaker fleet repeats each finding once per install (thousands of copies of
 * "cannot be disabled"); an auditor reports it once, with the installs it occurs on — as Threagile lists a
 * risk's instances and SARIF results carry locations. Findings whose subject names fleet installs are merged
 * per rule and vendor: each install in the subject is replaced by the vendor's own declared system when
 * there is one (`system:install-a-17` → `system:scribe`), else by `fleet-<vendor>`, and everything with the
 * same rule and rewritten subject becomes one finding with `instances`.
 *
 * The merged finding keeps the worst instance's likelihood, impact and severity (so severity still comes
 * from one L × I), is charged to every
 * system of its instances (so each install's node score still shows it, and reach grows with breadth), and
 * gets the stable id `ruleId@<rewritten subject>`. Findings that name no install pass through unchanged.
 * Pure and deterministic; input order does not matter (instances are sorted by subject).
 */
export function groupFindings(findings: readonly Finding[], systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[]): Finding[] {
  return findingGrouper(systems)(findings);
}

/**
 * {@link groupFindings} for one set of systems, prepared once (the lookups over every system): the rule runner
 * groups each rule's findings as the rule finishes, so a fleet's per-install findings of one rule are dropped
 * before the next rule runs instead of all being held at once. Groups never span rules (the key starts with
 * the rule id), so grouping rule by rule gives the same findings.
 */
export function findingGrouper(systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[]): (findings: readonly Finding[]) => Finding[] {
  const byId = new Map(systems.map((s) => [s.id, s]));
  const standIn = fleetVendorOf(systems, byId);
  return (findings) => groupWith(findings, byId, standIn);
}

/** The members of one group with, for each, the install its subject named (undefined for the vendor's own finding). */
interface Group {
  subject: string;
  members: Finding[];
  installs: (string | undefined)[];
  headed: boolean;
}

function groupWith(findings: readonly Finding[], byId: Map<string, Pick<GraphSystem, 'id' | 'name' | 'group'>>, standIn: (id: string) => string | undefined): Finding[] {
  const groups = new Map<string, Group>();
  const out: Finding[] = [];
  for (const f of findings) {
    const rewritten = rewriteSubject(f.subject, standIn);
    if (!rewritten) {
      out.push(f);
      continue;
    }
    const key = `${f.ruleId}@${rewritten.subject}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { subject: rewritten.subject, members: [], installs: [], headed: false }));
    g.members.push(f);
    g.installs.push(rewritten.install);
  }
  if (!groups.size) return out;
  // A vendor's own finding (same rule, the vendor system's subject) joins its installs' group as their head:
  // the first such finding per group, found in one pass over the ungrouped ones.
  const rest: Finding[] = [];
  for (const f of out) {
    const g = groups.get(`${f.ruleId}@${f.subject}`);
    if (g && !g.headed) {
      g.headed = true;
      g.members.push(f);
      g.installs.push(undefined);
    } else rest.push(f);
  }
  for (const g of groups.values()) rest.push(merge(g, byId));
  return rest;
}

/**
 * The id a finding ends up under: `ruleId@<subject with installs replaced by their stand-ins>`, which is its
 * own id when it names no install (a vendor's own finding then heads the group of that id). Findings with one
 * key are grouped together and with nothing else, so a re-audit can regroup only the keys whose members changed.
 */
export function findingGroupKey(f: Pick<Finding, 'ruleId' | 'subject'>, standIn: (id: string) => string | undefined): string {
  return `${f.ruleId}@${rewriteSubject(f.subject, standIn)?.subject ?? f.subject}`;
}

/** The subject with every install replaced by its stand-in, and the (first) install it named; undefined if none. */
function rewriteSubject(subject: string, standIn: (id: string) => string | undefined): { subject: string; install: string } | undefined {
  const colon = subject.indexOf(':');
  const kind = subject.slice(0, colon);
  const body = subject.slice(colon + 1);
  let install: string | undefined;
  const swap = (id: string) => {
    const s = standIn(id);
    if (s !== undefined) install ??= id;
    return s ?? id;
  };
  let rewritten: string;
  if (kind === 'system') rewritten = swap(body);
  else if (kind === 'path') rewritten = body.split('>').map(swap).join('>');
  else if (kind === 'flow') {
    const [pair, suffix] = body.split('#');
    rewritten = pair!.split('->').map(swap).join('->') + (suffix !== undefined ? `#${suffix}` : '');
  } else return undefined;
  return install === undefined ? undefined : { subject: `${kind}:${rewritten}`, install };
}

function merge(g: Group, byId: Map<string, Pick<GraphSystem, 'id' | 'name' | 'group'>>): Finding {
  const { subject, members, installs } = g;
  // Member positions by subject (a stable sort: ties keep insertion order), so each keeps its install. Rules
  // walk systems in id order, so a fleet group usually arrives sorted: checked in one pass before sorting.
  const order = members.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < members.length && sorted; i++) sorted = members[i - 1]!.subject <= members[i]!.subject;
  if (!sorted) order.sort((a, b) => cmp(members[a]!.subject, members[b]!.subject));
  // The first of a (stable) sort by this order, found in one pass: a fleet group has thousands of members.
  const worseFirst = (a: Finding, b: Finding) => severityRank(b.severity) - severityRank(a.severity) || b.likelihood * b.impact - a.likelihood * a.impact || cmp(a.id, b.id);
  let worst = members[order[0]!]!;
  const instances: FindingInstance[] = new Array(order.length);
  const systems = new Set<string>();
  const categories = new Set<Finding['categories'][number]>();
  const citations = new Map<string, Finding['citations'][number]>();
  // An instance counts as an install when the first member of its subject named one.
  let installCount = 0;
  let runSubject: string | undefined;
  let runIsInstall = false;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const f = members[i]!;
    if (worseFirst(f, worst) < 0) worst = f;
    if (f.subject !== runSubject) {
      runSubject = f.subject;
      runIsInstall = installs[i] !== undefined;
    }
    if (runIsInstall) installCount++;
    const system = installs[i] ?? f.systems[0] ?? subject;
    const site = byId.get(system)?.group?.site;
    instances[k] = site ? { subject: f.subject, system, site, severity: f.severity, evidence: f.evidence } : { subject: f.subject, system, severity: f.severity, evidence: f.evidence };
    // Unions in member order, without a flattened copy of every member's lists.
    for (const s of f.systems) systems.add(s);
    for (const c of f.categories) categories.add(c);
    for (const c of f.citations) if (!citations.has(c.ref)) citations.set(c.ref, c);
  }
  const vendor = byId.get(installs[0] ?? '')?.group?.vendor;
  return {
    ...worst,
    id: `${worst.ruleId}@${subject}`,
    subject,
    systems: [...systems],
    categories: [...categories],
    citations: [...citations.values()],
    evidence: worst.evidence,
    detail: `${worst.detail} The same holds on ${installCount} install${installCount === 1 ? '' : 's'}${vendor ? ` of ${vendor}` : ''} (listed as instances).`,
    instances,
  };
}

/**
 * A fleet install stands for its vendor: the vendor's declared system (matched by name), else `fleet-<vendor>`.
 * Undefined for a system that is not a fleet install. Shared by grouping and by rules that count parties.
 */
export function fleetVendorOf(
  systems: readonly Pick<GraphSystem, 'id' | 'name' | 'group'>[],
  byId: ReadonlyMap<string, Pick<GraphSystem, 'id' | 'name' | 'group'>> = new Map(systems.map((s) => [s.id, s])),
): (id: string) => string | undefined {
  const vendorSystem = new Map<string, string>();
  for (const s of systems) if (!s.group) vendorSystem.set(nameKey(s.name), s.id);
  // Per vendor name, not per install: a fleet asks this for every install of a handful of vendors.
  const standIns = new Map<string, string>();
  return (installId) => {
    const vendor = byId.get(installId)?.group?.vendor;
    if (vendor === undefined) return undefined;
    let standIn = standIns.get(vendor);
    if (standIn === undefined) standIns.set(vendor, (standIn = vendorSystem.get(nameKey(vendor)) ?? `fleet-${slugify(vendor, { fallback: 'unknown' })}`));
    return standIn;
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
