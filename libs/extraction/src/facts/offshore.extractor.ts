import type { Fact } from '@custody/domain';
import { pointsElsewhere } from '../clauses/actor-readings.js';
import type { Candidate, FactContext } from './fact-context.js';
import { decide, evidenceAt, negatedBefore, neighbour, operative, partsUnder } from './fact-context.js';
import { frenchOutsideEu } from './offshore-fr.js';
import {
  ACCESS_ABROAD_CONCEDED,
  ACCESS_ELSEWHERE,
  CONFINED_WORD,
  EU_CONFINED,
  FOREIGN_AFTER,
  FOREIGN_LATER,
  NO,
  NO_TRANSFER_ABROAD,
  PARTIAL_SYSTEMS,
  QUALIFIED_BEFORE,
  refusedOffshore,
  refusedTransferAbroad,
} from './offshore-confined.js';
import { homeCountry, homeRegion } from './offshore-home.js';
import {
  ANOTHER_COUNTRY,
  beyondHome,
  INCOMING_TEMPLATE,
  LAST_MOVE_VERB,
  OUTSIDE_USERS_COUNTRY,
  PLACE,
  placeDataMovesTo,
  PLACES,
  TO_US_AFTER,
  YES,
} from './offshore-places.js';
import {
  DATA_MOVES,
  DATA_OBJECT,
  DPF,
  EEA_PLACE,
  EU_OUTSIDE,
  FOR_USERS_OUTSIDE,
  FROM_ABROAD,
  HELD,
  HYPOTHETICAL,
  INCOMING,
  MECHANISM_HEADING,
  NOT_MOVEMENT,
  OUT_OF_EUROPE,
  PREFILTER,
  PROCESS,
  PROVIDER_HERE,
  US_PLACE,
  withoutTermsNotData,
  WORKS_FROM_ABROAD,
} from './offshore-vocabulary.js';
import { demoteGovernedRuns } from './governed-runs.js';

type V = Fact<'offshore_processing'>['value'];
// A purchase settled abroad ("some transactions might require foreign currency conversion or be processed in another
// country"): where a payment is handled, a billing matter, not where the person's data is stored or processed.
const PAYMENT_ABROAD = /\b(?:transactions?|payments?|purchases?|orders?|currency)\b[^.;]{0,60}\b(?:processed|handled)\b/i;

// This module exported homeRegion before its readings moved to offshore-*.ts; importers keep finding it here.
export { homeRegion } from './offshore-home.js';

/**
 * `offshore_processing` (README convention): yes when data may be stored or processed outside the vendor's home
 * region — outside the US for a US vendor, outside the EEA/Switzerland for a European one; no only when the text
 * confines storage and processing to the home region. Read from clauses where data moves (transfer, storage,
 * processing, access), not legal addresses, users located abroad, transfers into the home region, or the
 * mechanisms of a transfer (standard contractual clauses, frameworks) on their own, which go to review.
 * A named place outside the US is offshore for a US (or unknown) vendor; for a European vendor, a place in the
 * US or another third country is, and "only within the EU/EEA" is `no`.
 */
export function extractOffshore(ctx: FactContext): Fact<'offshore_processing'> {
  const cands: Candidate<V>[] = [];
  const home = homeRegion(ctx);
  const country = home === undefined ? homeCountry(ctx.text) : undefined;
  const mechanism = partsUnder(ctx, MECHANISM_HEADING);
  for (const s of operative(ctx, PREFILTER)) {
    // A licence's territory and goods shipped are passed over, the rest of the sentence is read.
    const v = withoutTermsNotData(s.view);
    // "To learn more about … the personal data processed … in the United Kingdom, visit here": a page named, not a transfer.
    if (pointsElsewhere(v)) continue;
    const inMechanism = mechanism.some(([a, b]) => s.start >= a && s.start < b);
    const works = WORKS_FROM_ABROAD.exec(v);
    if (works && PROVIDER_HERE.test(v) && !(home === 'eu' && EEA_PLACE.test(works[0])) && !negatedBefore(v, works.index, 60)) {
      cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, works.index, works.index + works[0].length), confidence: 0.8 });
      continue;
    }
    // The same reading in French, for the French documents of European vendors ("vos données peuvent être transmises à des
    // sociétés situées hors de l'Union européenne", "susceptibles d'être traitées hors de l'UE"): data sent, processed or
    // stored outside the EU. A refusal ("ne sont pas transférées hors de l'UE") confines it; "ne … que" is a restriction.
    if (home !== 'us') {
      const fr = frenchOutsideEu(v);
      if (fr) {
        cands.push({ value: fr.refused ? 'no' : 'yes', evidence: evidenceAt(ctx, s, fr.m.index, fr.m.index + fr.m[0].length), confidence: fr.refused ? 0.75 : 0.8 });
        continue;
      }
    }
    if (!PROCESS.test(v) || !DATA_MOVES.test(v) || !DATA_OBJECT.test(v) || NOT_MOVEMENT.test(v)) continue;
    const ev = (m: RegExpExecArray) => evidenceAt(ctx, s, m.index, m.index + m[0].length);
    // The mechanism of a transfer (SCCs, annexes, DPF self-certification) does not say data goes abroad.
    if (inMechanism || DPF.test(v) || (home !== 'eu' && INCOMING.test(v))) {
      const m = /\S[^]*/.exec(v)!;
      if (home === 'eu' && EU_OUTSIDE.test(v) && !DPF.test(v)) cands.push({ value: 'yes', evidence: ev(m), confidence: 0.6, review: 'transfer mechanism only (standard contractual clauses, an annex or a framework)' });
      continue;
    }
    // "Third Country Transfers: None", "we do not transfer your data outside the EEA": confined to the home region.
    if (home !== 'us') {
      const none = NO_TRANSFER_ABROAD.exec(v) ?? refusedTransferAbroad(v);
      // Not a refusal qualified by the law ("Neither party shall transfer Personal Data outside the EEA in breach of the
      // Data Protection Laws" refuses unlawful transfers only) or by an exception, after it or in an aside before it ("We
      // will not, without your consent, transfer …").
      if (none && !/\b(?:except|unless|however|but|without|other than|in (?:breach|violation|contravention) of)\b/i.test(v.slice(none.index)) && !QUALIFIED_BEFORE.test(v.slice(0, none.index))) {
        cands.push({ value: 'no', evidence: ev(none), confidence: 0.85 });
        continue;
      }
    }
    // "we may transfer your personal data outside of the EU" from a vendor that is not American: data leaves its region.
    if (home === undefined) {
      const out = OUT_OF_EUROPE.exec(v);
      if (out && !negatedBefore(v, out.index, 80) && !FROM_ABROAD.test(v) && !HYPOTHETICAL.test(v)) {
        cands.push({ value: 'yes', evidence: ev(out), confidence: 0.75 });
        continue;
      }
    }
    if (home === 'eu') {
      const conf = EU_CONFINED.exec(v);
      if (conf && !/\b(?:except|unless|however|but)\b/i.test(v.slice(conf.index))) {
        cands.push({ value: 'no', evidence: ev(conf), confidence: 0.8 });
        continue;
      }
      const out = EU_OUTSIDE.exec(v);
      if (out && !negatedBefore(v, out.index, 80) && !FROM_ABROAD.test(v)) {
        cands.push({ value: 'yes', evidence: ev(out), confidence: 0.8 });
        continue;
      }
      // A transfer to a US provider ("transferred to a server of … Acme Inc. (…, USA) and processed there").
      const us = US_PLACE.exec(v);
      if (us && /\b(?:transferr?\w*|processed there|stored (?:in|on)|hosted (?:in|on|by)|servers? (?:in|located in))\b/i.test(v) && !FROM_ABROAD.test(v) && !negatedBefore(v, us.index, 80)) {
        cands.push({ value: 'yes', evidence: ev(us), confidence: 0.75 });
        continue;
      }
    }
    const no = NO.map((re) => re.exec(v)).find((m) => m !== null) ?? refusedOffshore(v) ?? undefined;
    const rest = no ? v.slice(no.index + no[0].length) : '';
    // "All data is hosted on our servers in the US" says where the data sits, not who reaches it from where: not with
    // access, support or backups beside it (here or in the next sentence), nor of the "primary" servers only.
    const all = no !== undefined && /^(?:all|any)\b/i.test(no[0]) && !CONFINED_WORD.test(no[0]);
    const next = all ? neighbour(ctx, s, 1) : undefined;
    const loose = all && (PARTIAL_SYSTEMS.test(no[0]) || ACCESS_ELSEWHERE.test(v) || (next !== undefined && ACCESS_ELSEWHERE.test(next.view)));
    if (no && !loose && !FOREIGN_AFTER.test(rest) && !FOREIGN_LATER.test(rest)) {
      cands.push({ value: 'no', evidence: ev(no), confidence: 0.85 });
      continue;
    }
    for (const re of YES) {
      const m = re === PLACE ? placeDataMovesTo(v) : re.exec(v);
      if (!m || (re === ANOTHER_COUNTRY && (home === 'eu' || PAYMENT_ABROAD.test(v.slice(Math.max(0, m.index - 80), m.index + m[0].length))))) continue;
      // The clause layer's negation reader ("including, but not limited to, the United States or other countries" is a
      // list, not a negation; "we do not sell data and transfer it to India" states the transfer).
      const at = re === OUTSIDE_USERS_COUNTRY ? m.index + (LAST_MOVE_VERB.exec(m[0])?.index ?? 0) : m.index;
      const negated = negatedBefore(v, at, 90);
      const usTarget = /\b(?:united states|u\.s\.|usa|us)\b/i.test(m[0]);
      if (negated && usTarget) {
        const conceded = ACCESS_ABROAD_CONCEDED.exec(v.slice(m.index));
        if (conceded) cands.push({ value: 'yes', evidence: evidenceAt(ctx, s, m.index + conceded.index, m.index + conceded.index + conceded[0].length), confidence: 0.8 });
        else cands.push({ value: 'no', evidence: ev(m), confidence: 0.85 });
        break;
      }
      if (negated) break;
      // Where the user is ("If you are located outside the United States, …") is no destination, but the same sentence may
      // go on to one beyond the vendor's country ("… processed in the United States or in any other country in which we
      // have facilities"): the next pattern is tried.
      if (FROM_ABROAD.test(v) && re !== OUTSIDE_USERS_COUNTRY && !beyondHome(v, m)) continue;
      // "outside the United States" right after "for users": where they are.
      const users = FOR_USERS_OUTSIDE.exec(v);
      if (users && m.index === users.index + users[0].length) continue;
      // A European vendor's home region is many countries: outside the user's own country may still be inside the EEA.
      if (re === OUTSIDE_USERS_COUNTRY && home === 'eu') break;
      // The next sentence may stand in a paragraph of its own (the template's lines are separate paragraphs).
      // The template's sentences come in either order ("If you are located outside … we transfer the data … to …" may
      // stand before the "outside your state, province, country" sentence): both neighbours are read.
      // "the transfer of your Personal Information outside of your home country, (including the United States)": the one
      // destination named is the US vendor's home, so the sentence speaks to users abroad whose data comes in.
      if (re === OUTSIDE_USERS_COUNTRY && home !== 'eu' && TO_US_AFTER.test(v.slice(m.index + m[0].length)) && !FOREIGN_LATER.test(v.slice(m.index + m[0].length))) break;
      if (re === OUTSIDE_USERS_COUNTRY && (INCOMING_TEMPLATE.test(`${v} ${ctx.sentences[s.index + 1]?.view ?? ''}`) || INCOMING_TEMPLATE.test(ctx.sentences[s.index - 1]?.view ?? ''))) break;
      // For a European vendor, a place inside the EEA is home ground, unless the clause names it as where data is hosted
      // for the customer (kept as offshore from the US practice's side: "Customer Personal Data is hosted in Germany").
      if (home === 'eu' && EEA_PLACE.test(m[0]) && !/\b(?:hosted|stored|processed|processing)\b[^.;]{0,70}$/i.test(v.slice(Math.max(0, m.index - 80), m.index + 12))) break;
      if (HYPOTHETICAL.test(v)) {
        cands.push({ value: 'yes', evidence: ev(m), confidence: 0.55, review: 'a hypothetical transfer ("if any transfers are necessary")' });
        break;
      }
      // A vendor of neither region keeping the data in its own country ("a Canadian not-for-profit" whose "servers
      // [are] located in Canada", a bank under English law whose "data will be held in the UK"): home ground.
      // Every place of the clause is read: "stored in the UK and in India" names home ground and a place abroad, and
      // the US is abroad for such a vendor ("servers in the United Kingdom and the United States").
      if (country && country.test(m[0])) {
        const abroad = [...v.matchAll(PLACES)].find((p) => !country.test(p[0])) ?? US_PLACE.exec(v);
        if (abroad) cands.push({ value: 'yes', evidence: ev(abroad as RegExpExecArray), confidence: 0.75 });
        else if (HELD.test(v)) cands.push({ value: 'no', evidence: ev(m), confidence: country.doubt ? 0.6 : 0.7 });
        break;
      }
      cands.push({ value: 'yes', evidence: ev(m), confidence: 0.8 });
      break;
    }
  }
  return decide('offshore_processing', demoteGovernedRuns(ctx, cands), ['yes', 'no']);
}
