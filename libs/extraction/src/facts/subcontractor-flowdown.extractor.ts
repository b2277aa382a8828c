import type { Fact } from '@custody/domain';
import type { Clause } from '../clauses/clause.js';
import { clauseSubject } from '../clauses/clause.js';
import type { Sentence } from '../text/sentences.js';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, isOperative, neighbour, operative } from './fact-context.js';
import { negationBefore } from '../clauses/negation.js';
import { refusal } from '../clauses/refusal.js';
import { readFlowdownPair } from './flowdown-pairs.js';
import { tiedTo, vendorsStandardTied } from './flowdown-ties.js';
import { AS_IF_WE, dataKept } from './flowdown-data-kept.js';
import { withoutConditions } from './flowdown-conditions.js';
import { opensAsDefinition } from '../text/definition-opening.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'subcontractor_flowdown'>['value'];

const PREFILTER = /\b(?:subcontract|sub-?contract|sub-?processor|agents?\b|vendor|service provider|third[- ]part|recipient|contractor|supplier)|^(?:each|all|they|these|such)\b/i;
// A thing after a party word ("Third-Party Content", "third party websites"): the thing, not the party, is the subject.
const THING_AFTER = /^\s+(?:content|materials?|websites?|sites?|links?|products?|apps?|applications?|software|services|cookies|plug-?ins|games|goods|offers?|advertisements?|ads)\b/i;
// "third-party" names a party only when no thing follows it: "Third-Party Content must comply with our policies" binds
// content, not a provider.
const WHO = /\b(?:subcontractors?|sub-?contractors?|sub-?processors?|agents?|vendors?|(?:third[- ]party )?service providers?|third parties|third-party(?!\s+(?:content|materials?|websites?|sites?|links?|products?|apps?|applications?|software|services|cookies|plug-?ins|games|goods|offers?|advertisements?|ads)\b)|recipients?|contractors?|suppliers?)\b/i;
// "Required" as a binding, not the law or a legal demand compelling the vendor ("if required in response to a subpoena",
// "it is required under statutory obligations", "where required by law"): that binds no provider. A legal agreement is
// the vendor's own ("required under legally binding contracts", "pursuant to a legal agreement with us"): it binds.
// The law with a contract beside it ("required by law and by contract to keep …") binds the providers by the contract.
const CONTRACT_TOO = String.raw`(?!\s+(?:and|or)\s+(?:by\s+|under\s+)?(?:(?:a|an|our|the|their|written|binding)\s+)*(?:contracts?|contractual|agreements?)\b)`;
const LEGAL_REQUIRED = String.raw`(?<!\b(?:if|where|when|as|unless|it is|it's)\s+(?:\w+\s+)?)required(?! (?:to do so )?by (?:applicable |any |the )?(?:laws?\b|statutes?\b|regulations?\b|[\w ]{0,40}\bact\b)${CONTRACT_TOO})(?!\s+(?:to do so\s+)?(?:under (?:any |applicable |the |our |its )?(?:(?:statutory|legal|regulatory) (?:obligations?|requirements?|duty|duties)\b|laws?\b|regulations?\b)${CONTRACT_TOO}|in response to|pursuant to (?:a |an |any )?(?:legal (?:process|obligations?|requirements?|demands?|requests?)\b|laws?\b|court|subpoena|warrant|order)))`;
// The CCPA's service-provider wording: "a contract prohibiting them from retaining, using, or disclosing" (also "to
// retain, use or disclose"): the acts listed in any order before the use or disclosure.
const PROHIBITED_USE = /\b(?:prohibit|prohibiting|prohibits) (?:them|it|such \w+) (?:from|to) (?:(?:retain|sell|shar|us|disclos)(?:e|es|ed|ing)?,?\s+(?:or\s+|and\s+)?){0,3}(?:using|disclosing|use|disclose)\b/i;
// Restrictions imposed on them by the vendor, in the words BAAs, DPAs and policies use.
const BOUND: RegExp[] = [
  // "require … providers to provide similar security and confidentiality measures", "the same safeguards".
  /\b(?:same|identical|equivalent|similar|substantially (?:the )?same|no less (?:protective|restrictive|stringent)|at least as (?:protective|restrictive|stringent))\b[^.;]{0,40}\b(?:restrictions|conditions|requirements|obligations|terms|protections|data protection obligations|measures|safeguards|standards)/i,
  new RegExp(String.raw`\b(?:require|requires|${LEGAL_REQUIRED}|obligate|obligates|bind|binds|ensure|ensures|impose|imposes|contractually)\b[^.;]{0,120}\b(?:protect(?!ion (?:act|law|regulation))(?! (?:the |our |its |their )?(?:property|rights|safety|interests))|safeguard|confidential|only for|solely for|use it only|restrictions|obligations|duties|requirements|comply with|fulfils?|fulfills?)`, 'i'),
  /\bsubject to\b[^.;]{0,40}\b(?:contractual|written|confidentiality)\b[^.;]{0,80}\b(?:requirements|obligations|restrictions|agreements?)/i,
  PROHIBITED_USE,
  /\b(?:written|binding|business associate|data processing|confidentiality) (?:agreements?|contracts?|addend(?:um|a))\b[^.;]{0,80}\b(?:protect|restrictions|obligations|confidential|terms)/i,
  /\b(?:bound|signs?|signed|execute[sd]?) (?:by |to )?(?:a |an )?(?:written |business associate |data processing |confidentiality )(?:agreements?|contracts?|addend(?:um|a)|obligations)/i,
  /\bflow(?:s|ed)?[- ]down\b/i,
];
// A requirement whose object is the customer: "require that you", "requires Customer to".
const REQUIRED_OF_CUSTOMER = /^(?:require|requires|obligate|obligates|bind|binds)\s+(?:that\s+)?(?:you|(?:the\s+)?(?:customer|user|licensee|subscriber|client)s?)\b/i;
// A binding the vendor imposes, not a description of what providers do.
// "Impose" binds only with the measures as its object and the providers as whom they are imposed on ("Impose equivalent
// measures on third parties we appoint"); not "we may impose fees on providers", "some countries impose restrictions".
const IMPOSED = /\b(?:require[sd]?|requiring|contractually|by contract|under contract|bound|binds?|obligate[sd]?|obligating|oblige[sd]?|must|shall|agree[sd]? to)\b|\bimpos(?:e[sd]?|ing)\s+(?:[\w-]+\s+){0,3}?(?:measures|safeguards|standards|obligations|requirements|restrictions|protections|controls)\s+(?:up)?on\s+(?:(?:the|our|any|all|such|those|these|its)\s+)?(?:[\w-]+\s+)?(?:third parties|(?:service )?providers|vendors|sub-?processors|sub-?contractors|subcontractors|suppliers|contractors|partners|processors|them)\b/i;
// Their own policies or terms are not restrictions the vendor imposes.
const OWN_TERMS = /\b(?:bound|governed|subject|covered) by (?:their|its|the (?:third party's|provider's|developer's)) (?:own )?(?:privacy policies|privacy policy|terms|policies)\b|\bin accordance with (?:the )?(?:app )?(?:developers'|their|its) (?:own )?(?:terms|privacy)/i;
// The customer's own duties ("Customer shall…", "You are responsible for obtaining consent from recipients").
const CUSTOMER_DUTY = /^(?:\(?[a-z0-9]{1,4}[.)]\s*)*(?:the )?(?:customer|covered entity|you|controller|client|practice|user)s? (?:shall|will|must|agrees?|(?:is|are) (?:solely )?(?:responsible|liable) for)\b/i;
// The safeguards of a transfer abroad (standard contractual clauses, "an adequate level of protection") bind a
// recipient to the transfer's legal standard, not to the vendor's own obligations: a review candidate, not a flow-down.
const TRANSFER_SAFEGUARD = /\bstandard contractual clauses\b|\b(?:19|20)\d\d SCCs?\b|\bSCCs\b|\b(?:to|in) (?:an? |any |the )?third countr(?:y|ies)\b|\btransfer mechanisms?\b|\badequacy decisions?\b|\bbinding corporate rules\b|\badequate (?:level of )?(?:data )?protection\b/i;
// The vendor's own obligations named as what binds the providers.
// "such as contract terms" gives examples; it points back to no obligations.
const OWN_OBLIGATIONS = /\b(?:same|equivalent|similar|identical|comparable|these|those|such(?!\s+as\b)|our|this|its)\s+(?:[\w-]+\s+){0,3}?(?:restrictions|conditions|requirements|obligations|standards|terms|duties|protections)\b|\b(?:restrictions|conditions|requirements|obligations|terms|duties)\s+(?:(?:set out|set forth|contained|described)\s+)?(?:of|in|under|herein|hereunder|imposed (?:on|by))\s*(?:this|the|these)?\s*(?:agreement|addendum|dpa|baa|policy|privacy policy|notice|terms|contract|section|clause)?\b|\b(?:no less|at least as)\s+(?:protective|restrictive|stringent)|\bcomply with (?:this|our|the terms of this)\b|\bsame as\b|\b(?:protect|safeguard|secur|treat|handl|keep|maintain|confidential)\w*\b[^.;]{0,80}?\bin the same (?:way|manner) as (?:we do|we|us)\b|\b(?:this|the present)\s+(?:agreement|addendum|dpa|baa|contract|policy|privacy policy|privacy notice|privacy statement|terms)\b/i;
const PROTECTION = /\b(?:protect|safeguard|confidential)/i;
// Access on a need-to-know basis, and use for any other purpose prohibited ("prohibiting them from using personal data for
// any purpose other than to provide services to Zoom"), limit the purpose as "only" does.
const PURPOSE_LIMIT = /\b(?:only|solely|exclusively)\b[^.;]{0,60}\b(?:for|to|on|as)\b|\b(?:our|documented|written)\s+instructions\b|\bon (?:our|its) behalf\b|\bneed[- ]to[- ]know\b|\bprohibit\w*\b[^.;]{0,60}\bfor any (?:other )?purpose (?:other than|except|but)\b/i;
// A use for other purposes refused ("may not use it for any other purpose"): a purpose limit. The refusal is the shared
// reader's (clauses/refusal.ts), as for the disclaimers and refused bindings below.
const OTHER_USE = /\b(?:use|process)\w*\b[^.;]{0,40}\b(?:for any other|for (?:their|its) own|other purpose|for any purpose (?:except|other than|but))/i;
// "Providers that process your data on our behalf" says which providers are meant, it limits nothing they do: a
// relative clause on the party is a description, not a purpose limit.
const WHICH_PROVIDERS = /\b(?:providers?|vendors?|processors?|sub-?processors?|contractors?|subcontractors?|affiliates?|parties|partners|companies|suppliers?|agents?)\s+(?:that|who|which)\s+(?:[\w-]+,?\s+){0,8}?on (?:our|its) behalf\b/gi;
const purposeLimited = (v: string): boolean => PURPOSE_LIMIT.test(v.replace(WHICH_PROVIDERS, ' ')) || refusal(v, OTHER_USE, 36) !== null;
// Binding the providers, or answering for their practices, disclaimed: "We do not require our service providers to …".
const BINDS_PROVIDERS = /\b(?:require|obligat|bind|responsible for (?:the )?(?:privacy|data) practices)\w*\b[^.;]{0,40}\b(?:subcontractors?|sub-?processors?|vendors?|service providers?)/i;

// A binding on someone: a binding verb of the vocabulary, an obligation modal, "may only", "provided that".
// Processing "for us, based on our instructions" and agreeing "to abide by our policies" bind the provider too.
const BINDING = new RegExp(String.raw`\b(?:requires?|${LEGAL_REQUIRED}|requiring|bound|binds?|obligate[sd]?|obligating|oblige[sd]?|subject to|must|shall|may only|can only|cannot|are not (?:allowed|permitted)|provided that|on (?:the )?condition that|ensures?|guarantees? that|(?:based on|according to|in accordance with) our (?:documented |written )?instructions|agrees? to (?:abide by|comply with|be bound by))\b`, 'i');
// The vendor's own standard (README: "same obligations", "no less protective", this policy or agreement).
const OWN_STANDARD = new RegExp(String.raw`\b(?:this|our|the present)\s+(?:privacy policy|privacy notice|privacy statement|polic(?:y|ies)|notice|agreement|dpa|addendum|terms|data processing (?:agreement|addendum))\b|\b(?:no less|at least as|just as|equally)\s+(?:protective|restrictive|stringent)\b|\bsame (?:extent|level|standards?|privacy commitments?|obligations|protections?|data protection obligations)\b|\bour\s+(?!(?:[\w-]+\s+){0,2}?(?:legal|statutory|regulatory|tax)\s+obligations)(?:[\w-]+\s+){0,3}?(?:obligations|commitments|standards)\b|\bour\s+(?:[\w-]+,?\s+(?:and\s+|or\s+)?){0,3}?(?:privacy|security|confidentiality|data[- ]protection|data[- ]handling|data[- ]security|information[- ]security)\s+(?:[\w-]+\s+)?requirements\b|\bas we (?:ourselves|do)\b|\b(?:protect|safeguard|secur|treat|handl|keep|maintain|confidential)\w*\b[^.;]{0,80}?\bin the same (?:way|manner) as (?:we do|we|us)\b|${AS_IF_WE}`, 'i');
// The document named by its capitalised title ("adhere to the Privacy Policy"): its own standard; in lower case "the
// privacy policy" may be anyone's.
// Only the title standing alone: "the Privacy Policy of Google", "the Privacy Policy published on their website" are
// another's.
const OWN_TITLE = /\bthe\s+Privacy\s+(?:Policy|Notice|Statement)\b(?!\s+(?:of|from|for|published|posted|provided|issued|available|applicable|on|at|by|they|that|which|governing)\b)/;
// A purpose limit: only for the services, on our instructions, not for their own purposes; "use it for pre-agreed
// purposes only" (a use limited to named purposes, not the notice's own "for informational purposes only", not "for any
// purpose only after aggregation").
const PURPOSE = /\b(?:only|solely|exclusively)\b[^.;]{0,80}\b(?:for|to|on|according to|in connection with|pursuant to|as)\b|\b(?:use|process|handle|access)\w*\b[^.;]{0,60}\bfor\s+(?!any\b)(?:[\w-]+\s+){0,3}purposes?\s+only\b(?!\s+(?:after|if|when|once|where|until)\b)|\b(?:our|documented|written)\s+instructions\b|\bcannot use\b[^.;]{0,60}\bfor (?:their|its) own\b|\bnot\s+to\s+(?:[\w-]+\s+){0,3}?use\b[^.;]{0,30}\bfor any other purposes?\b|\bnot\b[^.;]{0,20}\b(?:authori[sz]e|permit|allow)\w*\b[^.;]{0,80}\bexcept\b/i;
// Protecting data, not "the property or rights of Acme, third parties, or the public" (a ground for disclosure).
const PROTECT = /\bconfidential\w*|\bsecurity measures\b|\bprotect(?!ion)(?!\w*\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:property|rights|safety|interests)\b)\w*|\bsafeguard\w*/i;
// Protection with a purpose limit counts only as a contractual duty ("bound to", "required to", "by contract"), not a
// description ("we ensure", "providers shall", "may only").
const CONTRACTUAL = /\b(?:require[sd]?|requiring|bound|obligate[sd]?|oblige[sd]?|contractually|by contract|under contract|agreements?|contracts?|must)\b/i;
// "They", "These providers", "those parties": the providers of the sentence before. A pronoun is also theirs as the
// one the binding is on ("We ensure that they are bound by …", "we require them to …").
const BACK_REFERENCE = /^(?:\W*)(?:they|these|those|such|each of them|all of them)\b|\b(?:processed|handled|treated|protected)\s+by\s+(?:them|(?:those|these|such)\s+(?:parties|providers|vendors|companies|entities))\b|\b(?:those|these|such) (?:parties|providers|vendors|companies|recipients|entities|affiliates)\b|\b(?:ensures?|requires?|binds?|obliges?|obligates?|makes? sure)\s+(?:that\s+)?(?:they|them)\b/i;
// "The receiving party" of a transfer, in lower case, is the party just named as receiving the data (in capitals it is a
// defined term of a mutual confidentiality clause, either party to the agreement).
// A provider described, not named as one ("your personal data will be processed by a separate company, but on our
// behalf"): another company processing on the vendor's behalf is its processor.
const PROCESSOR_DESCRIBED = /\b(?:processed|handled|stored|hosted)\s+by\s+(?:an?|other|another|separate|external|third[- ]party)\s+(?:[\w-]+\s+){0,2}?(?:compan(?:y|ies)|firms?|organi[sz]ations?|entit(?:y|ies)|part(?:y|ies))\b[^.;]{0,40}?\bon (?:our|its) behalf\b/i;
const RECEIVING_PARTY = /\bthe (?:receiving|recipient) (?:party|parties|entit(?:y|ies)|compan(?:y|ies)|organi[sz]ations?)\b/;
const PROVIDER_KINDS = ['provider', 'affiliate'];
// A binding verb under negation ("do not require", "never ensure", "don't bind").
const NO_LONGER_NEEDED = /\bno longer (?:required|needed|necessary)\b/gi;
const BINDING_VERB = /\b(?:requir|ensur|bind|bound|oblig|make sure|contractually)/i;
// Comparatives ("no less protective than", "the same extent as we") carry the tie themselves; the other standards need
// one (tiedTo, flowdown-ties.ts). "In the same way as us" compares how the data is kept or protected ("maintain its confidentiality in the same way as
// us"), not any act ("our partners may use cookies in the same way as us"): a protective verb comes before it.
const COMPARATIVE = new RegExp(String.raw`\b(?:no less|at least as|just as|equally)\s+(?:protective|restrictive|stringent)\b|\bsame (?:extent|level|standards?|privacy commitments?|obligations|protections?|data protection obligations)\b|\bas we (?:ourselves|do)\b|\b(?:protect|safeguard|secur|treat|handl|keep|maintain|confidential)\w*\b[^.;]{0,80}?\bin the same (?:way|manner) as (?:we do|we|us)\b|${AS_IF_WE}`, 'i');
const OWN_STANDARD_G = new RegExp(OWN_STANDARD.source, 'gi');
const OWN_TITLE_G = new RegExp(OWN_TITLE.source, 'g');
// Bound to process only on the vendor's instructions (README: "the vendor's instructions"), under a contract.
const INSTRUCTED = /\b(?:only|solely|exclusively)\b[^.;]{0,40}\b(?:on|according to|in accordance with|pursuant to|under)\s+(?:our|its|the controller's)\s+(?:documented\s+|written\s+)?instructions\b/i;
// Required to act on the vendor's instructions ("we require them to use your information on our behalf in accordance
// with our instructions"): the requirement is the contract and the limit at once, "only" or not.
const REQUIRED_TO_INSTRUCTIONS = /\b(?:require[sd]?|requiring|obligate[sd]?|oblige[sd]?|contractually bound|bind)\s+(?:them|it|(?:our|the|such|these|those|all)\s+(?:[\w-]+\s+){0,2}?(?:providers|processors|sub-?processors|vendors|contractors|subcontractors|suppliers|partners|parties))\s+to\s+[^.;]{0,80}?\b(?:on|according to|in accordance with|pursuant to|under)\s+(?:our|its)\s+(?:documented\s+|written\s+)?instructions\b/i;
// Whom a contract obliges to process on instructions: "agreements that oblige those parties to process … only on our
// instructions" — the instruction itself makes them processors.
const OBLIGED_PARTIES = /\b(?:oblige|obligate|require|bind)\w*\s+(?:those|these|such|the|all)?\s*(?:parties|third parties|recipients|entities|companies|businesses|persons)\b/i;
// A group's companies under a brand ("all Vodafone companies maintain the same privacy commitment"): affiliates.
const GROUP_COMPANIES = /\b(?:all|other)\s+(?:[A-Z][\w&.-]*\s+){1,2}(?:group\s+)?(?:companies|entities)\b/;
// Another party binding its own providers ("the fleet company shall be required to ensure that its … service
// providers conform …"): not the vendor's flow-down.
const OTHER_PARTY_DUTY = /\b(?:the|each|any)\s+(?:fleet company|partner|merchant|seller|driver|courier|customer|client|licensee|developer|advertiser|publisher|controller)s?\s+(?:shall|must|will|agrees? to|(?:is|are|shall be) required to)\s+(?:\w+\s+){0,3}?ensure\s+that\s+(?:its|their)\b/i;
// Not "(best) endeavours to", which the vocabulary reads as an obligation of effort, like "best efforts". Steps taken
// to bind them ("We take steps to ensure that providers … use information … consistent with this Privacy Policy, but we
// cannot guarantee that they will follow our rules") are an effort too.
// "Take (reasonable) steps to", "use (commercially) reasonable efforts to", "endeavour to" ensure or require: the vendor
// promises to try to bind them, so they may not be bound (README: a flow-down is providers contractually bound).
const EFFORT_WORDS = String.raw`(?:seek|seeks|try|tries|attempt|attempts|strive|strives|aim|aims|endeavou?rs?|(?:take|takes|taking)\s+(?:[\w-]+\s+){0,2}?steps|(?:use|uses|using|make|makes|making)\s+(?:[\w-]+\s+){0,3}?efforts?)\s+to\s+`;
const EFFORT = new RegExp(String.raw`\b${EFFORT_WORDS}$`, 'i');
// The same effort anywhere before the binding word of a sentence (the pattern's match may start at "no less protective").
const EFFORT_TO_BIND = new RegExp(String.raw`\b${EFFORT_WORDS}(?:(?:contractually|legally)\s+)?(?:ensure|require|bind|oblige|obligate|impose|make sure|procure)\b`, 'gi');
// Whom the effort is to bind: the providers, or a word standing for them, in its own clause ("use reasonable efforts to
// ensure that our subprocessors are bound …"). An effort over something else ("we make reasonable efforts to ensure the
// security of your data, and we require our providers to …") leaves the binding after it whole.
const EFFORT_OBJECT = new RegExp(String.raw`${WHO.source}|\b(?:third[- ]part(?:y|ies)|affiliates?|partners?|processors?|parties|entities|companies|they|them)\b`, 'i');
/** Whether an effort to bind the providers stands before `end` (the end of the binding read) in `v`. */
function effortToBind(v: string, end: number): boolean {
  for (const e of v.matchAll(EFFORT_TO_BIND)) {
    if (e.index >= end) break;
    // Its clause: up to the next comma or semicolon (past a lone "that," before an aside).
    const clause = /^(?:\s*\w+\s*,)?[^,;]*/.exec(v.slice(e.index + e[0].length, e.index + e[0].length + 160))![0];
    if (EFFORT_OBJECT.test(clause)) return true;
  }
  return false;
}
// Assigning the contract to a successor, and definitions of users (opensAsDefinition), are not providers bound by the vendor.
// Nor is a license one party grants another, or the customer appointing the vendor as its own agent or provider ("You appoint Acme as your agent or marketplace
// service provider").
// The vendor enforcing its own policies on users ("To resolve disputes and ensure compliance with our policies, Acme may
// request additional information", "we monitor use of the Website … to ensure compliance with the applicable Terms &
// Conditions and this Privacy Policy") binds no provider either.
const NOT_FLOWDOWN = /\b(?:ensure|enforce|verify|monitor)\s+compliance with (?:our|these|the|its)\s+(?:applicable\s+)?(?:policies|terms|rules|guidelines)\b|\bgrants?\b[^.;]{0,80}\blicen[cs]e\b|\bassign\w*\b|\bsuccessors?\b|\bappoints?\b[^.;]{0,40}\bas\s+(?:your|its|their|the customer's|the developer's)\s+(?:[\w-]+\s+){0,2}?(?:agent|service provider|processor)s?\b/i;

/**
 * The clause reading of a flow-down (README): providers or affiliates (named in the sentence, or in the one before
 * when it says "They"/"those parties") bound — by a binding word or an obligation modal — to the vendor's own
 * standard (this policy or agreement, "no less protective", "the same extent as we", our obligations), or to a
 * protection duty together with a purpose limit. A purpose limit alone, the providers' own terms and the customer's
 * duties are not flow-downs.
 */
function readFlowdown(ctx: FactContext, s: Sentence): Candidate<V> | undefined {
  // Data "no longer required" is data unneeded, neither a binding nor its negation ("delete it when it is no longer
  // required and act in accordance with this notice"); blanked, offsets kept.
  // Conditions set on the customer or on the vendor's own act bind no provider (flowdown-conditions.ts): blanked too.
  const v = withoutConditions(s.view.replace(NO_LONGER_NEEDED, (x) => ' '.repeat(x.length)), COMPARATIVE);
  if (OWN_TERMS.test(v) || CUSTOMER_DUTY.test(v) || OTHER_PARTY_DUTY.test(v) || NOT_FLOWDOWN.test(v) || opensAsDefinition(v)) return undefined;
  // The standard first (plain text tests), the clauses only for sentences that name one.
  const std = OWN_STANDARD.exec(v) ?? OWN_TITLE.exec(v);
  // Any standard of the sentence may be the one tied ("… to enforce our Terms …; (3) to affiliates (in which case, we will
  // require such entities to honor this Policy)"), not only the first named.
  const own = (std !== null && (COMPARATIVE.test(v) || [...v.matchAll(OWN_STANDARD_G), ...v.matchAll(OWN_TITLE_G)].some((x) => tiedTo(v, x.index)))) || vendorsStandardTied(ctx, v);
  const names = (cs: Clause[]) => cs.some((c) => c.hits.some((h) => h.cat === 'actor' && PROVIDER_KINDS.includes(h.kind) && !THING_AFTER.test(c.view.slice(h.end, h.end + 30))));
  // "Require them to … in accordance with our instructions" without "only": "them" is the providers named in the same
  // sentence, not whoever an earlier sentence named ("When members invite guests, we require them to …").
  const instructed = (INSTRUCTED.test(v) && CONTRACTUAL.test(v)) || (REQUIRED_TO_INSTRUCTIONS.test(v) && names(ctx.clauses(s)));
  // A duty not to disclose is confidentiality (README: confidentiality and purpose limitation): "These third parties …
  // are obligated not to disclose or use it for any other purpose" — when the parties bound are the providers.
  const protects = PROTECT.test(v) || providersBoundNotToDisclose(ctx, s);
  if (!own && !instructed && !(protects && PURPOSE.test(v) && CONTRACTUAL.test(v))) return undefined;
  if (TRANSFER_SAFEGUARD.test(v) && !own) return undefined;
  const clauses = ctx.clauses(s);
  // "They", "those parties": the providers of one of the three sentences before, under the same heading (a list of
  // providers may stand just before).
  const before = [1, 2, 3].map((k) => ctx.sentences[s.index - k]).filter((p) => p !== undefined && p.heading === s.heading && !p.isHeading);
  // The data given to them kept to the standard ("If so, it will be maintained in accordance with this Privacy Notice"):
  // theirs as the recipients named just before (flowdown-data-kept.ts).
  const kept = own ? dataKept(v) : null;
  const who = names(clauses) || ((BACK_REFERENCE.test(v) || RECEIVING_PARTY.test(v) || kept !== null) && before.some((p) => names(ctx.clauses(p)) || PROCESSOR_DESCRIBED.test(p.view)));
  if (!who && !(instructed && OBLIGED_PARTIES.test(v)) && !(own && GROUP_COMPANIES.test(v))) return undefined;
  // The binding must be on them, not the customer's ("Customer shall ensure that its providers …").
  if (clauses.some((c) => clauseSubject(c)?.kind === 'customer')) return undefined;
  // "We do not require them to …", "we don't ensure that they are …": a binding refused is none (the explicit
  // disclaimers are read as `no` above, with the providers named).
  if (refusal(v, BINDING_VERB, 30) !== null) return undefined;
  // The blanked "no longer required" may have been its only binding word ("are no longer required to …"): none left.
  const m = BINDING.exec(v) ?? kept;
  if (!m) return undefined;
  const ev = evidenceAt(ctx, s, m.index, m.index + m[0].length);
  // "we will seek to require those affiliates to honor this Privacy Policy": an effort to bind them, not a binding.
  if (EFFORT.test(v.slice(Math.max(0, m.index - 40), m.index)) || effortToBind(v, m.index + m[0].length)) return { value: 'yes', evidence: ev, confidence: 0.5, review: 'an effort to bind the providers ("seek to require"), not a binding' };
  return { value: 'yes', evidence: ev, confidence: own ? 0.8 : 0.75 };
}

/** Whether the clause of `s` holding offset `at` (of its view) has the customer as its subject. */
function customerBinds(ctx: FactContext, s: Sentence, at: number): boolean {
  const c = ctx.clauses(s).find((x) => x.start - s.start <= at && at < x.end - s.start);
  return c !== undefined && clauseSubject(c)?.kind === 'customer';
}

// Bound not to pass the data on: "are obligated not to disclose", "are contractually required not to share".
const NOT_TO_DISCLOSE = /\b(?:obligated|obliged|required|bound|agreed?|committed)\s+not\s+to\s+(?:disclose|share|reveal|sell|transfer)\b/i;
// Securing the data is protecting it: "are required to secure the data they receive".
const SECURE_DATA = /\bto\s+secure\s+(?:the|your|such|any|all|this)\s+(?:[\w-]+\s+)?(?:data|information)\b/i;

/**
 * Whether the sentence binds the providers themselves not to disclose (or to secure) the data: the subject of the clause
 * holding the duty is a provider or affiliate, or the sentence opens with "They"/"These third parties" for the providers
 * of the sentence before. "We are obligated not to disclose your data to our service providers" binds the vendor.
 */
function providersBoundNotToDisclose(ctx: FactContext, s: Sentence): boolean {
  const m = NOT_TO_DISCLOSE.exec(s.view) ?? SECURE_DATA.exec(s.view);
  if (!m) return false;
  const c = ctx.clauses(s).find((x) => x.start - s.start <= m.index && m.index < x.end - s.start);
  const subject = c ? clauseSubject(c) : undefined;
  if (subject) return PROVIDER_KINDS.includes(subject.kind);
  const prev = neighbour(ctx, s, -1);
  // The sentence before names them in words (WHO) or as providers the vocabulary knows ("services providers and partners").
  return /^\W*(?:they|these|those|such)\b/i.test(s.view) && prev !== undefined && (WHO.test(prev.view) || ctx.clauses(prev).some((c) => c.hits.some((h) => h.cat === 'actor' && PROVIDER_KINDS.includes(h.kind))));
}

/**
 * `subcontractor_flowdown`: are the vendor's subcontractors / sub-processors / service providers bound by
 * the same (or equivalent) restrictions? yes when the vendor requires, ensures or contractually imposes
 * protection and use limits on them; no when it disclaims that; a provider "bound by its own privacy
 * policy" is not a flow-down and leaves the fact unspecified.
 */
export function extractSubcontractorFlowdown(ctx: FactContext): Fact<'subcontractor_flowdown'> {
  const cands: Candidate<V>[] = [];
  for (const s of operative(ctx, PREFILTER)) {
    const v = s.view;
    const prev = neighbour(ctx, s, -1);
    const refersBack = /^(?:each of them|each of these|all of them|they|these (?:providers|vendors|parties|companies)|such (?:providers|vendors|parties))\b/i.test(v) && prev !== undefined && WHO.test(prev.view);
    const w = WHO.exec(v) ?? (refersBack ? /^\S+(?:\s+of\s+\S+)?/.exec(v) : null);
    if (!w || OWN_TERMS.test(v) || OTHER_PARTY_DUTY.test(v)) continue;
    const no = refusal(v, BINDS_PROVIDERS, 50, { sentences: ctx.sentences, s });
    if (no) {
      cands.push({ value: 'no', evidence: evidenceAt(ctx, s, no.index, no.act.index + no.act[0].length), confidence: 0.7 });
      continue;
    }
    for (const re of BOUND) {
      const m = re.exec(v);
      if (!m) continue;
      // The customer promising things about its own staff is not a vendor flow-down.
      if (CUSTOMER_DUTY.test(v)) break;
      // The one required is the customer ("we may require that you pay other amounts to secure … your obligations"):
      // the customer's duty, whoever else the sentence names.
      if (re === BOUND[1] && REQUIRED_OF_CUSTOMER.test(m[0])) break;
      // A contract refused binds nobody ("are not bound by a contract prohibiting them from …", "we do not have a contract
      // prohibiting them from using …"), as the clause reading below refuses "do not require". (Only this pattern, which
      // x7facts widened to the CCPA wording, is read so here; the others' negation is left to a measured change.)
      if (re === PROHIBITED_USE && negationBefore(v, m.index, 40) >= 0) break;
      // A comparison negated binds nobody either: "information collected by third parties may not have the same security
      // protections as information you submit to us" says what the vendor does not answer for.
      if (re === BOUND[0] && negationBefore(v, m.index, 30) >= 0) break;
      // Providers the customer engages and binds ("Publisher may retain … sub-processors … having imposed on such
      // Sub-Processors the same data protection obligations as are imposed on Publisher"): the customer's duty, who acts
      // read from the clause holding the binding, as the clause reading below reads it.
      if (customerBinds(ctx, s, m.index)) break;
      const ev = evidenceAt(ctx, s, Math.min(w.index, m.index), Math.max(w.index + w[0].length, m.index + m[0].length));
      // "We take reasonable steps to ensure that our providers are bound by …": an effort, not a binding.
      if (effortToBind(v, m.index + m[0].length)) cands.push({ value: 'yes', evidence: ev, confidence: 0.5, review: 'an effort to bind the providers ("take steps to ensure"), not a binding' });
      // "equivalent data protection safeguards for the transfers of data outside the EEA" is a transfer's safeguard too.
      else if ((re !== BOUND[0] || /(?:measures|safeguards|standards)$/i.test(m[0])) && TRANSFER_SAFEGUARD.test(v)) cands.push({ value: 'yes', evidence: ev, confidence: 0.5, review: 'safeguards of a transfer abroad, not the vendor\'s own obligations' });
      // "Our service providers maintain similar security measures" describes them; measures, safeguards or standards are
      // a flow-down only when the vendor binds them ("we require", "contractually", "must").
      else if (re === BOUND[0] && /(?:measures|safeguards|standards)$/i.test(m[0]) && !IMPOSED.test(v)) cands.push({ value: 'yes', evidence: ev, confidence: 0.45, review: 'providers described as keeping similar measures, not bound to them by the vendor' });
      // README: confidentiality or "protect the data" alone, or unnamed "requirements", is not a flow-down; it takes
      // the vendor's own obligations (same, these, this Agreement's) or confidentiality with a purpose limit.
      // The purpose limit may stand in the sentence beside it, about the same providers (flowdown-pairs.ts).
      // "Subject to contractual restrictions and organizational safeguards intended to protect your Information" is the
      // same unnamed protection: it takes the same test (the protection may be named anywhere in the sentence).
      else if ((re === BOUND[1] || re === BOUND[2]) && !OWN_OBLIGATIONS.test(v) && !vendorsStandardTied(ctx, v) && !(PROTECTION.test(re === BOUND[1] ? m[0] : v) && purposeLimited(v))) cands.push(readFlowdownPair(ctx, s) ?? { value: 'yes', evidence: ev, confidence: 0.45, review: 'providers bound to protect or keep data confidential, without the vendor\'s own obligations or a purpose limit' });
      else cands.push({ value: 'yes', evidence: ev, confidence: 0.8 });
      break;
    }
  }
  // The clause reading, for sentences the patterns above did not settle.
  const settled = new Set(cands.map((c) => c.evidence.start));
  for (const s of ctx.sentences) {
    if (!isOperative(s)) continue;
    // One sentence's binding first; else the contract of one sentence with the purpose limit of the next.
    const cand = (BINDING.test(s.view) || dataKept(s.view) !== null ? readFlowdown(ctx, s) : undefined) ?? readFlowdownPair(ctx, s);
    if (cand && !settled.has(cand.evidence.start) && !cands.some((c) => (c.evidence.start ?? 0) <= (cand.evidence.start ?? 0) && (c.evidence.end ?? 0) >= (cand.evidence.end ?? 0))) cands.push(cand);
  }
  return decide('subcontractor_flowdown', demoteGovernedRuns(ctx, cands), ['yes', 'no']);
}
