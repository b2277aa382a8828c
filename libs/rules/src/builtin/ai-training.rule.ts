import { categoryList, valuePhrase } from '@custody/domain';
import { CITE } from '../citations.js';
import { governingFact } from '../contracts.js';
import { displayName, heldCategories, settingEvidence, stringSetting, termsParts, vendorSystems } from '../graph-queries.js';
import { streamingRule, type Rule } from '../rule.js';
import { impactOf } from '../sensitivity.js';

// allowed: the vendor trains unless stopped; opt_out: it trains until someone opts out.
const LIKELIHOOD: Record<string, number> = { allowed: 0.9, opt_out: 0.7 };

/**
 * The vendor may train AI models on PHI: its contract says `allowed`/`opt_out`, or its settings do.
 * `opt_in` and `prohibited` do not fire. When the contract permits it but the configured setting is off,
 * the likelihood is reduced (the practice has done its part; the contract still lets the vendor change it).
 */
export const aiTrainingRule: Rule = streamingRule({
  id: 'ai-training',
  classReads: { settings: ['training'] },
  title: 'Vendor may train AI models on PHI',
  kind: 'ai_training',
  citations: [CITE.baUseLimits, CITE.baPermittedUses, CITE.saleOfPhi],
  remediation:
    'Turn training off in the vendor\'s settings for every install, and get the BAA amended to prohibit using PHI (or ' +
    'data derived from it, including "de-identified" transcripts) to train or improve models, except with the ' +
    'practice\'s written opt-in. Ask for written confirmation that past data was not used.',
  evaluateInto({ graph, now, settings }, drafts) {
    for (const s of vendorSystems(graph)) {
      const categories = heldCategories(graph, s.id);
      if (categories.length === 0) continue;
      const setting = stringSetting(s, 'training');
      const settingL = setting ? LIKELIHOOD[setting] ?? 0 : 0;
      const settingOff = setting === 'prohibited' || setting === 'opt_in';
      // Per part of its data by the contracts that govern it (a flow-down BAA binds only its sender's data): the
      // parts that may be trained on, the contract that allows it most.
      let fact: ReturnType<typeof governingFact<'ai_training_on_customer_data'>> | undefined;
      let contractL = 0;
      let likelihood = 0;
      const trained: typeof categories = [];
      for (const part of termsParts(graph, s, categories)) {
        const read = governingFact(part, 'ai_training_on_customer_data', now);
        const l = LIKELIHOOD[read.value] ?? 0;
        const partL = Math.max(settingL, settingOff ? l * 0.6 : l);
        if (partL === 0) continue;
        for (const c of part.categories) if (!trained.includes(c)) trained.push(c);
        if (!fact || l > contractL) (fact = read), (contractL = l);
        likelihood = Math.max(likelihood, partL);
      }
      if (likelihood === 0 || !fact) continue;
      const held = trained.length === categories.length ? categories : categories.filter((c) => trained.includes(c));
      const parts = [
        contractL > 0 ? `its contract says training is ${valuePhrase(fact.value)}` : '',
        setting ? `its settings say training is ${valuePhrase(setting)}` : '',
      ].filter(Boolean);
      drafts.push({
        subject: `system:${s.id}`,
        systems: [s.id],
        categories: held,
        likelihood,
        impact: impactOf(0.8, held, settings),
        evidence: [...(contractL > 0 ? fact.evidence : []), ...(setting ? settingEvidence(s, 'training') : [])],
        detail: () => `${displayName(graph, s.id)} may train AI on ${categoryList(held)}: ${parts.join('; ')}.`,
      });
    }
  },
});
