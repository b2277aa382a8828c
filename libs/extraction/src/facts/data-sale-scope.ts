import { introChain } from '../clauses/structure.js';
import type { FactContext } from './fact-context.js';

// Refusals of data_sale_or_marketing that hold for part of the data only: the data of one collection channel, the items
// of a list whose lead-in narrows them to one law or mode, or a sale conceded in the same sentence. They stay prohibited
// but go to review.

// "Mobile information" is the text-messaging programme's data (the carriers' wording: "No mobile information will be
// shared with third parties/affiliates for marketing/promotional purposes"), one channel, not all personal data.
export const SCOPED = /\b(?:this way|in this (?:way|manner|context)|through (?:this|the) (?:form|newsletter|feature|survey|contest|sweepstakes))\b|\b[Nn]o mobile information\b|\bmobile information (?:will|shall|is) not\b|\b(?:text messag\w*|sms) (?:originator )?opt-in data\b/i;
export const CHANNEL_REVIEW = 'a refusal about the data of one collection channel only';
// A sale conceded after the refusal in the same sentence ("…, though we may sell any license you grant us").
// Also a right to stop the sharing offered after it ("we do not sell your personal data but … exercise your Do Not Share
// rights"): the data is shared (for cross-context advertising, the sense the privacy laws give "share"), so the refusal is
// of the sale alone. "Do not share" must be the right's name (rights, request, link …): "but we do not share it either"
// refuses the sharing too.
export const CONCEDED = /\b(?:though|although|but|however|except that)\b[^.;]{0,40}\bmay\s+(?:\w+\s+){0,2}?(?:sell|rent|license|licence|transfer)\b|\b(?:though|although|but|however)\b[^.;]{0,80}\b(?:do not share (?:rights?|requests?|preferences?|links?|options?|settings?)|opt(?:-| )?out of (?:the )?sharing)\b/i;

// A list's lead-in that scopes its items to part of the data or one law ("With respect to Customer Personal Data processed
// under Restricted Data Processing, and to the extent that CCPA applies …:"): a refusal among the items holds only there.
// Not the legal hedge "to the extent permitted by law".
const SCOPED_LEAD = /^\W*(?:[\d.]+\s*)?(?:with respect to|in respect of|to the extent|insofar as)\b(?!\s+(?:permitted|required|allowed|authori[sz]ed)\b)(?![^:]{0,30}\b(?:permitted|allowed) (?:by|under)\b)/i;
// The lead-in must actually narrow: name a law or a place's law, residents of a place, or data processed under a named
// mode or programme. "With respect to all Customer Personal Data:", "To the extent that Acme processes Customer Personal
// Data on Customer's behalf:" or "Insofar as Acme acts as a Processor:" cover all the vendor's data, so the refusals
// under them stand.
const NARROWING_LAW = /\b(?:(?:CCPA|CPRA|CDPA|VCDPA|CPA|CTDPA|UCPA|TDPSA|GDPR|LGPD|PIPEDA|PIPL|APPI)\b|(?:California|Virginia|Colorado|Connecticut|Utah|Texas|Oregon|Nevada|Montana|Iowa|Delaware)\b|state (?:data |consumer )?(?:privacy|protection) (?:laws?|acts?|statutes?)\b|resid(?:ents?|ing)\b)/i;
// Not case-insensitive: a named mode is capitalised ("processed under Restricted Data Processing"), the contract is not one.
const UNDER_NAMED_MODE = /\bprocessed under (?:the )?(?!(?:Agreement|Addendum|DPA|Terms|Contract|Order)\b)[A-Z]\w*/;
const scopes = (lead: string) => SCOPED_LEAD.test(lead) && (NARROWING_LAW.test(lead) || UNDER_NAMED_MODE.test(lead));

/** The scoping lead-in of the list a sentence is an item of, if any (a marker touching its text counts, see isListItem). */
export function scopingLead(ctx: FactContext, s: Parameters<FactContext['clauses']>[0]): string | undefined {
  return introChain(ctx.sentences, s).find((lead) => scopes(lead.view))?.view;
}
export const SCOPED_REVIEW = 'a refusal scoped by its list\'s lead-in to part of the data or one law';
