/** The word tests that tell names from words in a document's definitions (definitions.ts, party-names.ts). */
import { POLICY_WORDS } from './vocabulary.js';

export const WE = /^(?:we|us|our|ours|ourselves)$/i;
// 'our affiliates, contracted companies, and service providers (collectively, "Service Providers")' groups the vendor's
// providers, not the vendor: a collective alias that is a provider word names no one of "us".
export const PROVIDER_ALIAS = /^(?:(?:third[- ]party|external|outside|trusted)\s+)?(?:service providers?|providers?|vendors?|suppliers?|partners?|third[- ]part(?:y|ies)|(?:sub-?)?processors?|(?:sub-?)?contractors?|affiliates?|agents?)$/i;
export const QUOTED = /"([^"]{1,60})"/g;
// 'In these "Terms of Use", "we" means …': a quoted document title names no one.
export const DOCUMENT_TITLE = /\b(?:terms|conditions|policy|policies|agreement|notice|statement|addendum|guidelines)\b/i;
export const GENERIC = /^(?:the|this|these|our|your|a|an|privacy|terms|policy|notice|services?|website|site|app|platform|agreement|company|customer|user|you|we|us|data|personal data|content|affiliates?|parties|party|document)$/i;

/** Whether a capitalised word can be a brand: not a common opener, a policy word or an acronym. */
export const mayBeBrand = (w: string): boolean =>
  !(w.length < 3 || COMMON_CAPS.test(w) || w === w.toUpperCase() || POLICY_WORDS.has(w.toLowerCase()) || POLICY_WORDS.has(w.toLowerCase().replace(/s$/, '')));

const COMMON_CAPS = /^(?:The|This|These|That|Those|We|Our|You|Your|If|In|On|For|To|Of|And|Or|As|At|By|With|From|When|Where|Which|Who|What|How|Why|Any|All|Each|Some|Such|Other|Please|Note|Section|Article|Terms|Policy|Privacy|Notice|Service|Services|Agreement|Customer|Customers|User|Users|Data|Personal|Information|Content|Account|Website|Site|App|Platform|Company|Party|Parties|European|Union|United|States|Kingdom|California|General|Protection|Regulation|Act|Law|Laws|Cookie|Cookies|January|February|March|April|May|June|July|August|September|October|November|December|Last|Updated|Effective|Date|Contact|Us|Help|Center|Settings|Control|Controller|Processor|Member|Members|Subscriber|Client|Clients|Licensee|Provider|Providers|Affiliates|Affiliate|Partners|Partner|Third|Code|Conduct|Community|Guidelines|Standard|Contractual|Clauses|Annex|Schedule|Exhibit|Appendix|Rights|Right|Request|Requests|Legal|Security|Marketing|Advertising|Analytics|Payment|Purchase|Order|Product|Products|Feature|Features|Team|Business|Enterprise|Premium|Free|Plus|Pro|Basic|Associate|Associates|Entity|Covered|Organization|Organizations|Losses|Claims|Fees|Materials|Software|Documentation|Subscription|Order|Form|Effective|Subprocessor|Subprocessors|Processing|Breach|Incident|Notes|Records|Practice|Therapist|Therapists|Patient|Patients|Platform|Application|Applications|Clause|Clauses|Module|Parties|Importer|Exporter)$/;
