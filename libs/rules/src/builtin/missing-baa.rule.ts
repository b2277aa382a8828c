import { categoryList, unique, wordList } from '@custody/domain';
import { CITE } from '../citations.js';
import { factIn, governingFact, isOwnAffiliate, namedSubprocessors } from '../contracts.js';
import {
  baaCoverage, carriesPhi, displayName, flowdownSender, heldCategories, holderRoutes, isBusinessAssociateRole, isDirectAssociate, isPracticeSide, routeCoverage, termsParts, vendorSystems, type TermsPart,
} from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

/**
 * A direct business associate of the practice (PHI comes to it from the practice side, or it is declared to
 * hold PHI) with no BAA at all: no BAA attached and no flow into it declared under one. Sub-processors that
 * only receive PHI from other vendors are `baa-chain-break`'s concern; an expired BAA is `expired-baa`'s.
 */
export const missingBaaRule: Rule = streamingRule({
  id: 'missing-baa',
  classReads: { settings: [] },
  title: 'PHI goes to a business associate with no BAA',
  kind: 'missing_baa',
  citations: [CITE.baDisclosure, CITE.baContractsSecurity, CITE.baContractTerms],
  remediation:
    'Stop sending PHI to this vendor until a Business Associate Agreement is signed. Ask the vendor for its BAA (most ' +
    'health-focused vendors offer one); if it will not sign, replace it with one that will. Record the signed BAA in ' +
    'Custody so the finding closes.',
  evaluateInto({ graph, now, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      if (isPracticeSide(graph, s.id) || !isBusinessAssociateRole(s) || !isDirectAssociate(graph, s.id)) continue;
      const held = heldCategories(graph, s.id);
      if (held.length === 0) continue;
      // Per part of its data by the contracts that govern it: a BAA held through a sender's flow-down covers that
      // sender's data only, so what the practice sends it directly needs a BAA of its own.
      const parts = termsParts(graph, s, held);
      const routed = holderRoutes(graph, s.id) !== undefined;
      const coverageOf = (p: TermsPart) => (routed ? routeCoverage(p, now) : baaCoverage(graph, s.id, now));
      const open = parts.filter((p) => !coverageOf(p).covered);
      // An expired BAA on file is expired-baa's finding.
      if (open.length === 0 || open.some((p) => coverageOf(p).expired.length > 0)) continue;
      const categories = open.length === parts.length ? held : held.filter((c) => open.some((p) => p.categories.includes(c)));
      const offered = governingFact(open[0]!, 'baa_offered', now);
      const refused = offered.value === 'no';
      // The governing clause's evidence, then each PHI flow's from the practice side (else the system's own), in
      // one list sized as it goes: no filtered list of flows nor spread copies per finding.
      const evidence = offered.evidence.slice();
      let fromPractice = false;
      for (const p of open) {
        for (const f of p.flows) {
          if (!carriesPhi(f) || !isPracticeSide(graph, f.from)) continue;
          fromPractice = true;
          for (const e of f.evidence) evidence.push(e);
        }
      }
      if (!fromPractice) for (const e of s.evidence) evidence.push(e);
      // An assessed vendor's sub-processors are unbound by this same missing BAA (baa-chain-break leaves them to this
      // finding), so it says to whom the PHI goes on: the names its own contracts give, with their clause. Read from
      // its own record, not its out-flows, which the rule's read declaration (rule-reads: 'in') does not cover. Its own
      // affiliates ("Zoom Voice Communications, Inc." in Zoom's policy) are the vendor itself, as the projection has them;
      // a third party whose name merely begins with the vendor's letters ("ZoomInfo") is not.
      const onward = s.assessed ? namedSubprocessors(s).inContracts.filter((n) => !isOwnAffiliate(n, s.name)) : [];
      if (onward.length > 0) for (const c of s.contracts) if (!c.via) for (const e of factIn(c, 'subprocessors_named').evidence) evidence.push(e);
      const passes = onward.length === 0 ? '' : `; its documents name the sub-processors it passes client information on to, which no BAA binds either: ${wordList(onward)}`;
      // A holder bound through a sender's flow-down for that sender's data: which contract does not reach this part.
      const flowdowns = !routed ? [] : unique(parts.flatMap((p) => (p.via ? [flowdownSender(graph, p.via)] : [])));
      const bound = flowdowns.length === 0 ? '' : ` (${flowdowns.map((n) => `${n}'s`).join(' and ')} BAA bind${flowdowns.length > 1 ? '' : 's'} it only for what ${flowdowns.join(' and ')} send${flowdowns.length > 1 ? '' : 's'})`;
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories,
        // A vendor that says it will not sign is a certainty; silence in the paperwork we hold is nearly one.
        likelihood: refused ? 1 : 0.85,
        impact: impactOf(0.9, categories, settings),
        evidence,
        detail: () => refused
          ? sentence(`${displayName(graph, s.id)} receives ${categoryList(categories)} and its documents say it does not offer a BAA${bound}${passes}`)
          : sentence(`${displayName(graph, s.id)} receives ${categoryList(categories)} but no BAA ${flowdowns.length > 0 ? 'of its own ' : ''}is on file for it and no flow into it is declared under one${bound}${passes}`),
      });
    }
  },
});

/** Ends the detail with one full stop: a sub-processor's name may end in its own ("Twilio Inc."). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);
