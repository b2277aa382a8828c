import { regionName, wordList, type Evidence, type GraphSystem } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact, unique } from '../contracts.js';
import {
  displayName, heldCategories, outboundOf, settingEvidence, stringSetting, systemById, termsParts, vendorSystems, type TermsPart,
} from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/** `storage_region` values that mean the United States: US, us-east-1 (AWS/GCP), usgov-west, eastus2 (Azure). */
export function isUsRegion(region: string): boolean {
  return (
    /^(us|usa|united[ _-]?states)$/i.test(region) ||
    /^us(gov)?[-_]/i.test(region) ||
    /^(east|west|central|north|south|northcentral|southcentral|westcentral)us\d?$/i.test(region)
  );
}

/** Lower-case letters and digits only, legal suffixes dropped: how a name is looked for inside a quote. */
function squash(s: string): string {
  return s.toLowerCase().replace(/\b(?:inc|llc|l\.l\.c|ltd|pvt|corp|corporation|co|gmbh|limited)\b\.?/g, '').replace(/[^a-z0-9]/g, '');
}

/** Whether a clause names a system (its name or id, at least four letters so "AI" or "Co" never match). */
function quoteNames(quote: string, system: GraphSystem): boolean {
  const q = squash(quote);
  return [system.name, system.id.replace(/^subprocessor-/, '')].map(squash).some((n) => n.length >= 4 && q.includes(n));
}

/**
 * PHI processed or stored outside the United States: HIPAA does not forbid it, but US enforcement, breach
 * response and subpoena protections are weaker abroad, and the risk analysis must account for it.
 *
 * Where the offshore clause names a party the vendor passes PHI to ("its subcontractor Nimbus … from its
 * facilities in Pune, India"), the exposure is the flow to that party, so the finding sits on that flow (one
 * finding, both systems); what the clause says of the vendor itself stays a finding on the vendor. A sub-processor
 * bound through a vendor's flow-down is read by it for that vendor's data (termsParts): a flow-down that keeps PHI in
 * the US clears that data of the sub-processor's own offshore terms; one that allows offshore describes the vendor's
 * chain, which the vendor's own finding covers, so its clause raises no second finding on the sub-processor, while the
 * sub-processor's own terms placing it abroad still do (allowing restricts nothing).
 */
export const offshoreProcessingRule: Rule = streamingRule({
  id: 'offshore-processing',
  // Judges one vendor at a time: its terms, its storage region, its flows out (a flow finding's subject names it).
  classReads: { settings: ['storage_region'] },
  title: 'PHI processed or stored outside the United States',
  kind: 'offshore_processing',
  citations: [CITE.riskAnalysis, CITE.baContractTerms],
  remediation:
    'Ask the vendor to pin storage and processing (including sub-processors and support staff access) to US regions, ' +
    'and write that into the BAA. If offshore processing stays, document it in the risk analysis with the legal ' +
    'regime, encryption and access controls that apply.',
  evaluateInto({ graph, now, settings }, drafts) {
    // Whether a clause names a recipient, per clause and recipient: every install of a fleet vendor cites the
    // same clause objects of its one BAA and passes PHI to the same few sub-processors.
    const naming = new WeakMap<Evidence, Map<GraphSystem, boolean>>();
    const names = (e: Evidence, to: GraphSystem): boolean => {
      let byRecipient = naming.get(e);
      if (!byRecipient) naming.set(e, (byRecipient = new Map()));
      let hit = byRecipient.get(to);
      if (hit === undefined) byRecipient.set(to, (hit = quoteNames(e.quote, to)));
      return hit;
    };
    for (const s of vendorSystems(graph)) {
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      // Each part of its data read by the contracts that govern it (termsParts): a flow-down binds the sub-processor for
      // its sender's data, so its term (US only, or offshore allowed) is what that data is read by. A flow-down clause
      // allowing offshore is the sender's, raised on the sender.
      const offshore: { part: TermsPart; evidence: Evidence[] }[] = [];
      for (const part of termsParts(graph, s, categories)) {
        // Only the contracts (not a copy of the whole system: run per class, the system is its class's, read guarded).
        let fact = governingFact(part, 'offshore_processing', now);
        if (fact.value !== 'yes') continue;
        // A flow-down allowing offshore restricts nothing: the clause is its sender's (raised on the sender), and the
        // holder's own terms say what the holder does with that data (its own terms placing it abroad are still raised).
        // Read from the holder's own record only, as RULE_READS declares (in-out): whether the sender's finding cites
        // the clause would read the sender's contracts, which an incremental re-audit does not re-run this rule for.
        if (fact.contract?.via) {
          fact = governingFact({ contracts: part.contracts.filter((c) => !c.via) }, 'offshore_processing', now);
          if (fact.value !== 'yes') continue;
        }
        offshore.push({ part, evidence: fact.evidence });
      }
      const region = stringSetting(s, 'storage_region');
      const abroad = region !== undefined && region !== '' && !isUsRegion(region);
      const termsEvidence = offshore.length === 1 ? offshore[0]!.evidence : unique(offshore.flatMap((o) => o.evidence));
      // Clauses naming a recipient of this vendor's PHI become findings on the flow to it.
      const onFlows = new Set<Evidence>();
      // Only this vendor's own flows (the graph's index), in graph order: a scan of every flow per vendor
      // was most of a fleet audit's time.
      for (const f of termsEvidence.length > 0 ? outboundOf(graph, s.id) : []) {
        const to = systemById(graph, f.to);
        if (f.data.length === 0 || !to || to.role === 'practice') continue;
        const named = termsEvidence.filter((e) => names(e, to));
        if (named.length === 0) continue;
        named.forEach((e) => onFlows.add(e));
        drafts.push({
          subject: `flow:${f.id}`,
          systems: [s.id, f.to],
          categories: [...f.data],
          likelihood: 0.7,
          impact: impactOf(0.6, f.data, settings),
          evidence: named,
          detail: () => `${displayName(graph, s.id)} passes PHI to ${displayName(graph, f.to)}, which its terms say works from outside the US.`,
        });
      }
      // The parts whose clauses speak of the vendor itself (not all moved onto the flows they name).
      const own = offshore.filter((o) => o.evidence.some((e) => !onFlows.has(e)));
      const ownEvidence = termsEvidence.filter((e) => !onFlows.has(e));
      const offshoreTerms = own.length > 0;
      if (!offshoreTerms && !abroad) continue;
      const evidence: Evidence[] = [...ownEvidence, ...(abroad ? settingEvidence(s, 'storage_region') : [])];
      // Stored abroad, all of it is; else the parts the terms send abroad.
      const offshoreCategories = abroad ? categories : categories.filter((c) => own.some((o) => o.part.categories.includes(c)));
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: offshoreCategories,
        likelihood: abroad ? 0.8 : 0.7,
        impact: impactOf(0.6, offshoreCategories, settings),
        evidence,
        detail: () =>
          `${displayName(graph, s.id)} processes PHI outside the US: ` +
          wordList([
            ...(own.length > 0 ? ['its terms allow offshore processing'] : []),
            ...(abroad ? [`its settings store data in ${regionName(region)}`] : []),
          ]) +
          '.',
      });
    }
  },
});
