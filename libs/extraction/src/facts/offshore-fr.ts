/**
 * The French reading of `offshore_processing` (issue 7), for the French documents of European vendors: data sent,
 * processed or stored outside the EU ("vos données peuvent être transmises à des sociétés situées hors de l'Union
 * européenne", "susceptibles d'être traitées hors de l'UE"), or confined to it by a refusal of that movement ("ne sont
 * jamais transférées hors de l'UE").
 */

// Outside the EU or EEA ("hors de l'Union européenne", "en dehors de l'EEE", "hors UE") or to third countries.
const FR_OUTSIDE_EU = /\b(?:hors|en dehors)\s+(?:de\s+)?(?:l['’]\s*)?(?:union europ[ée]enne|ue|eee|espace [ée]conomique europ[ée]en)\b|\bvers des pays tiers\b|\bdans des pays tiers\b/gi;
// What moves is personal data: transmitted, transferred, processed, hosted or stored (their French participles and nouns).
// Also the singular ("aucune donnée n'est transférée") and the vendor's verb before the data ("nous ne transférons pas vos données").
const FR_DATA_MOVES = /\b(?:donn[ée]es?|informations)\b[^.;]{0,160}?\b(?:transf[ée]r\w*|transmi\w*|trait[ée]\w*|h[ée]berg[ée]\w*|stock[ée]\w*|communiqu[ée]\w*)|\b(?:transferts?|transmissions?|h[ée]bergement|stockage|traitement)\b[^.;]{0,80}?\bdonn[ée]es\b|\b(?:transf[ée]r|transmet|h[ée]berg|stock|trait|communiqu)\w*\s+(?:pas\s+|jamais\s+|aucune?\s+)?(?:[\w'’]+\s+){0,2}?donn[ée]es?\b/i;
// Where the user is, not where data goes: the place in a clause whose subject is the user ("Si vous résidez hors de l'UE,
// vos données sont traitées en France") or after a verb of residence or of where one connects from ("clients résidant
// hors de l'UE", "depuis un pays situé en dehors de l'UE"). Read before the place, up to a clause break.
const FR_USER_PLACE = /(?:\b(?:si|lorsque|quand|lorsqu['’])\s*(?:vous|l['’]\s*utilisat\p{L}*|le client|l['’]\s*internaute)\b[^,;.]*|(?<!\p{L})(?:résid|habit|domicili|depuis)\p{L}*[^,;.]{0,50})$/iu;
// The movement verbs a French refusal negates.
const MOVE = String.raw`(?:transf[ée]r|transmi|transmett|trait[ée]|h[ée]berg|stock|communiqu|envoy|export)\p{L}*`;
const WORD = String.raw`[\p{L}'’]+\s+`;
const NOT_JOIN = String.raw`(?!(?:et|ou|mais)\s)`;
// A refusal of the movement itself, the negation around its verb: "ne sont (jamais) transférées", "ne peuvent pas être
// hébergées", "ne transférons pas", "aucune donnée n'est transmise". A negation of another verb ("Nous ne vendons pas vos
// données, mais …", "Si vous ne souhaitez pas …") refuses nothing here; "ne … que" (only) is a restriction, no refusal.
const FR_REFUSED = new RegExp(
  String.raw`(?:\bne\s+|\bn['’]\s*)(?:${NOT_JOIN}${WORD}){0,2}?(?:pas|jamais|plus)\s+(?:${NOT_JOIN}${WORD}){0,2}?${MOVE}` +
    String.raw`|(?:\bne\s+|\bn['’]\s*)${MOVE}\s+(?:${WORD})?(?:pas|jamais|aucune?)(?!\p{L})` +
    String.raw`|(?<!\p{L})aucune?\s+(?:${NOT_JOIN}${WORD}){0,4}?(?:ne\s+|n['’]\s*)(?:${WORD}){0,2}?${MOVE}`,
  'giu',
);
// Between the refused verb and the place: no new clause ("…, mais", "; …").
const CLAUSE_BREAK = /[;:]|(?<!\p{L})(?:mais|cependant|toutefois|néanmoins|sauf)(?!\p{L})/iu;
const FR_EXCEPTION = /(?<!\p{L})(?:sauf|à moins|excepté|hormis|sous réserve)(?!\p{L})/iu;

/** The first place outside the EU a French sentence sends data to, and whether the movement there is refused. */
export function frenchOutsideEu(v: string): { m: RegExpExecArray; refused: boolean } | undefined {
  if (!FR_DATA_MOVES.test(v)) return undefined;
  for (const m of v.matchAll(FR_OUTSIDE_EU)) {
    const before = v.slice(0, m.index);
    if (FR_USER_PLACE.test(before)) continue;
    let last: RegExpExecArray | undefined;
    for (const r of before.matchAll(FR_REFUSED)) last = r as RegExpExecArray;
    const refused = last !== undefined && !CLAUSE_BREAK.test(before.slice(last.index + last[0].length)) && !FR_EXCEPTION.test(v);
    return { m: m as RegExpExecArray, refused };
  }
  return undefined;
}
