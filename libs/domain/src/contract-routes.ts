import type { AttachedContract, GraphFlow, GraphSystem } from './graph.js';
import { nameKey } from './names.js';
import type { DataCategory } from './taxonomy.js';

/**
 * The contracts that govern one part of a holder's data, and that part. A contract a holder holds only through a
 * sender's flow-down (`via`) binds it for what reaches it from that sender, along that route, not for what other
 * senders send it: a cloud host named in an EHR's flow-down BAA is bound by that BAA for the EHR's data, and by
 * nothing for a notetaker's recordings whose own BAA leaves its sub-processors on their own terms.
 */
export interface ContractRoute {
  /** The sender whose flow-down binds the holder on this route; absent: the holder's own contracts alone. */
  via?: string;
  /** The holder's own contracts, plus (on a `via` route) those it holds through that sender. */
  contracts: AttachedContract[];
  /** The PHI-carrying flows into the holder on this route. */
  flows: GraphFlow[];
  /** The PHI categories this route brings (the own route: also what the holder is declared to hold). */
  categories: DataCategory[];
}

/** What names a sender or holder as a party to a contract: its id, and its vendor (a fleet install's) or name. */
export type Party = Pick<GraphSystem, 'id' | 'name' | 'group'>;

/** The vendor a system is of: a fleet install's vendor, else its own name. */
export const partyName = (s: Pick<GraphSystem, 'name' | 'group'>): string => s.group?.vendor ?? s.name;

/** One sender stands for another when it is the same system, or both are of one vendor and one is a fleet install of it. */
export function sameParty(a: Party, b: Party): boolean {
  return a.id === b.id || ((a.group !== undefined || b.group !== undefined) && nameKey(partyName(a)) === nameKey(partyName(b)));
}

const carriesPhi = (f: GraphFlow) => f.legalBasis !== 'deidentified' && f.data.some((c) => c !== 'deidentified');

/**
 * Whether a contract a holder holds governs what `sender` sends it: a contract of its own does; one held through a
 * sender's flow-down (`via`) does for that sender, or an install of the same vendor, only (sameParty, as
 * {@link contractRoutes} and {@link senderRoute} match senders): the projection's legal basis of a flow and its one
 * flow-down binding per sender ask it.
 */
export function governsSender(c: Pick<AttachedContract, 'via'>, sender: Party | undefined, party: (id: string) => Party | undefined): boolean {
  if (!c.via) return true;
  if (!sender) return false;
  const v = party(c.via.system);
  return v !== undefined && sameParty(sender, v);
}

/**
 * A holder's data split by the contracts that govern it, or undefined when it holds no contract through another
 * system (then every contract it holds governs all it holds, as before). A flow from a sender whose flow-down the
 * holder holds (that sender, or an install of the same vendor: a vendor's BAA binds every install) is on that
 * sender's route; every other flow, and what the holder is declared to hold, is on its own route. Routes with no
 * data are left out; the flow-down routes come first, in the order of the holder's contracts.
 */
export function contractRoutes(
  system: Pick<GraphSystem, 'contracts' | 'holds'>,
  inbound: readonly GraphFlow[],
  party: (id: string) => Party | undefined,
): ContractRoute[] | undefined {
  if (!system.contracts.some((c) => c.via)) return undefined;
  const own = system.contracts.filter((c) => !c.via);
  const routes: ContractRoute[] = [];
  for (const c of system.contracts) {
    if (!c.via) continue;
    let r = routes.find((x) => x.via === c.via!.system);
    if (!r) routes.push((r = { via: c.via.system, contracts: [...own], flows: [], categories: [] }));
    r.contracts.push(c);
  }
  const rest: ContractRoute = { contracts: own, flows: [], categories: system.holds.filter((c) => c !== 'deidentified') };
  const viaParty = routes.map((r) => party(r.via!));
  for (const f of inbound) {
    if (!carriesPhi(f)) continue;
    const sender = party(f.from);
    const i = sender ? viaParty.findIndex((v) => v !== undefined && sameParty(sender, v)) : -1;
    const r = i >= 0 ? routes[i]! : rest;
    r.flows.push(f);
    for (const c of f.data) if (c !== 'deidentified' && !r.categories.includes(c)) r.categories.push(c);
  }
  return [...routes, rest].filter((r) => r.categories.length > 0);
}

/**
 * The route of a holder's `routes` (contractRoutes) that what `sender` sends it is on: the flow-down route of its
 * party, else the holder's own route (undefined when that brings no data).
 */
export function senderRoute(routes: readonly ContractRoute[], sender: Party | undefined, party: (id: string) => Party | undefined): ContractRoute | undefined {
  if (sender) {
    for (const r of routes) {
      if (r.via === undefined) continue;
      const v = party(r.via);
      if (v !== undefined && sameParty(sender, v)) return r;
    }
  }
  return routes.find((r) => r.via === undefined);
}
