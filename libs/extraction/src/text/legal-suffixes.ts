import { escapeRegExp } from './escape-regexp.js';

/**
 * The legal forms a company name ends with ("Acme, Inc.", "Rexx Systems GmbH", "Wuit Pty Ltd"), as data: one
 * vocabulary for every reader that finds, strips or recognises a legal suffix (sub-processor names, the parties of a
 * document, the vendor as a subject). A form is written as it appears; ".?" marks a dot that may be left out ("Inc.?"
 * stands for "Inc" and "Inc."). Where one form begins another, the longer comes first ("S.A.S." before "S.A."), so an
 * alternation takes the whole suffix. Add a form with the document wording it stands for.
 */
export const LEGAL_SUFFIXES: readonly string[] = [
  'Inc.?', 'Incorporated', 'LLC', 'L.L.C.', 'Ltd.?', 'Limited', 'GmbH', 'SARL', 'S.A.R.L.', 'S.A.S.?', 'SAS', 'S.A.', 'S.L.',
  // "B.V.", "N.V." lose their last dot where a sentence ends on them ("… Acme B.V. (located …)" read as "Acme B.V").
  'B.V.?', 'N.V.?', 'AG', 'SE', 'Corp.?', 'Corporation', 'PBC', 'plc', 'PLC', 'LLP', 'L.P.', 'LP', 'Pty Ltd', 'Co., Ltd.?', 'Co., ltd.?', 'Co.', 'UC', 'Oy',
  'AB', 'ASA', 'A/S', 'UAB', 'S.p.A.', 'S.r.l.', 'KK', 'K.K.', 'Pte.? Ltd.?', 'OpCo LLC', 'Unlimited Company', 'Kft.?', 'Zrt.?',
  'S.à r.l.', 'S.à.r.l.', 'UG', 'ApS', 'OÜ', 's.r.o.', 'Sp. z o.o.', 'KG',
  // US professional forms ("Harbor Counseling, PLLC", "Smith & Jones, P.C.") and the Italian "SRL". Not "PC" without
  // dots: it is far more often the computer ("your Windows PC") than the professional corporation.
  'PLLC', 'P.C.', 'SRL',
  // Malaysia's private limited company ("WeChat Malaysia Sdn. Bhd."), and its public form "Berhad".
  'Sdn.? Bhd.?', 'Bhd.?', 'Berhad',
];

/**
 * A region in parentheses that a company's legal name may hold before its suffix ("ACI Worldwide (EMEA) Ltd.", "Samsung
 * Electronics (UK) Limited", "Payward Europe Digital Solutions (CY) Limited"): a two-letter country code or a region's
 * abbreviation. Not any capitals: the name's own acronym ("Amazon Web Services (AWS), Inc.", "Northwind Traders (NWT)
 * Limited") is a note on the name, which is written without it.
 */
export const REGION_IN_NAME = String.raw`\((?:[A-Z]{2}|USA|UAE|EEA|ROI|PRC|ANZ|APJ|APAC|EMEA|LATAM|AMER|MENA|DACH|NORAM|ASEAN|CEE)\)`;

/** The suffixes as a non-capturing RegExp alternation, in the list's order (callers add the anchors and flags they need). */
export const LEGAL_SUFFIX = `(?:${LEGAL_SUFFIXES.map((f) => escapeRegExp(f).replace(/\\\.\\\?/g, '\\.?')).join('|')})`;

/** A legal suffix ending a name, with the comma and space before it ("Adsmith LLC" → "Adsmith"); any case. */
export const TRAILING_LEGAL_SUFFIX = new RegExp(String.raw`,?\s+${LEGAL_SUFFIX}$`, 'i');
