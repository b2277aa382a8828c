import { governsSender, PRACTICE_ID } from '@custody/domain';
import type { AttachedContract } from '@custody/domain';
import type { FlowTable } from './flow-table.js';
import { normaliseName } from './normalise.js';
import type { SystemDraft, SystemRegistry } from './system-registry.js';
import type { VendorResolver } from './types.js';

const isBaa = (c: AttachedContract) => c.kind === 'baa' || c.facts.baa_offered?.value === 'yes';
const inForce = (c: AttachedContract, asOf: string) => !c.expires || !(Date.parse(c.expires) < Date.parse(asOf));
/** A BAA a system holds itself (not passed down to it), in force. */
const ownBaaInForce = (c: AttachedContract, asOf: string) => !c.via && isBaa(c) && inForce(c, asOf);
/** A contract of the sender's own that binds its subcontractors: the only kind that passes terms on. */
const isFlowdownBaa = (c: AttachedContract, asOf: string) => ownBaaInForce(c, asOf) && c.facts.subcontractor_flowdown?.value === 'yes';

/**
 * Coverage follows the contract chain. When a vendor U sends PHI to X, and a BAA of U's own (in force)
 * binds its subcontractors to the same restrictions (`subcontractor_flowdown: yes`) and names X, X is bound
 * by those terms: the BAA is attached to X marked `via: { system: U, relation: 'flowdown' }`. Rules then
 * read X's terms (law-enforcement clause, training, breach notice) as the flow-down imposes them instead of
 * "no contract on file". X's own BAA, if it has one, stays the one that governs. Inherited contracts never
 * pass on further: they name U's sub-processors, not X's. A flow-down binds X for its sender's data only, so one
 * document two senders both hold (two systems of one vendor, each a party to it) is attached once per sender: once
 * through U for an install of U's vendor too, which the vendor's one contract already speaks for (governsSender).
 */
export function inheritFlowdown(registry: SystemRegistry, flows: FlowTable, asOf: string, resolveVendor: VendorResolver | undefined): void {
  const keys = (name: string) => {
    const known = resolveVendor?.(name)?.name;
    return [normaliseName(name), ...(known ? [normaliseName(known)] : [])].filter(Boolean);
  };
  // Per receiver, once: a fleet's installs all send to the same few sub-processors (names never change here).
  const known = new Map<SystemDraft, Set<string>>();
  const names = (x: SystemDraft) => {
    let out = known.get(x);
    if (!out) known.set(x, (out = new Set([...keys(x.name), ...keys(x.id.replace(/^subprocessor-/, '')), ...(x.group?.vendor ? keys(x.group.vendor) : [])])));
    return out;
  };
  const party = (id: string) => registry.get(id);
  for (const f of flows.all()) {
    if (f.from === PRACTICE_ID || f.to === PRACTICE_ID) continue;
    const u = registry.get(f.from);
    // Most senders hold no flow-down BAA (every flow of a 100,000-system manifest): checked before the
    // receiver is looked up, and before its names are, which asks the vendor catalogue twice per flow.
    if (!u || !u.contracts.some((c) => isFlowdownBaa(c, asOf))) continue;
    const x = registry.get(f.to);
    if (!x || x.contracts.some((c) => ownBaaInForce(c, asOf))) continue;
    let xNames: Set<string> | undefined;
    for (const c of u.contracts) {
      if (!isFlowdownBaa(c, asOf)) continue;
      xNames ??= names(x);
      const named = (c.facts.subprocessors_named?.value ?? []).some((n) => keys(n).some((k) => xNames!.has(k)));
      if (!named || x.contracts.some((held) => held.documentId === c.documentId && governsSender(held, u, party))) continue;
      x.contracts.push({ ...c, via: { system: u.id, relation: 'flowdown' } });
    }
  }
}
