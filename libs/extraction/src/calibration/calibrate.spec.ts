import { extractDocument } from '../extract-document.js';
import { extractFacts, factContext } from '../extract-facts.js';
import { loadDocument } from '../loaders/load-document.js';
import { probability } from './calibrate.js';
import { CALIBRATION } from './calibration-weights.js';
import { nameFeatures, scalarFeatures } from './features.js';

// Markdown as a user uploads it: the loader gives the sections (headings) the features read.
const md = (text: string) => new TextEncoder().encode(text);
async function contextOf(text: string) {
  const doc = await loadDocument(md(text), 'policy.md');
  return factContext(doc.text, { sections: doc.sections }).ctx;
}

// The `long` feature (index 8) of an answer quoting the opening of `text`, a paragraph of its own.
async function longOf(text: string): Promise<number> {
  const ctx = await contextOf(`# Terms\n\n${text}\n`);
  const at = ctx.text.indexOf(text);
  return scalarFeatures(ctx, 'law_enforcement_disclosure', { value: 'any_legal_request', confidence: 0.8, evidence: [{ quote: text.slice(0, 80), start: at, end: at + 80 }], reviewValues: [] })[8];
}

const TABLE = [
  '# Privacy Policy', '', 'We are Acme Notes.', '', '## Our sub-processors', '', 'We share customer data with the following sub-processors.', '',
  '| Name | Purpose |', '|---|---|', '| Stripe, Inc. | payments |', '| Zendesk, Inc. | support tickets |', '| Amazon Web Services, Inc. | hosting |',
  '| Twilio Inc. | messages |', '| Mailgun Technologies, Inc. | email |', '',
].join('\n');

describe('calibrated confidence', () => {
  it('reads a name listed under a providers heading as stronger evidence than the same name in prose elsewhere', async () => {
    const prose = '# Privacy Policy\n\nWe are Acme Notes.\n\n## About us\n\nOur founders used to work at Stripe, Inc. before they started Acme Notes.\n';
    const listed = await contextOf(TABLE);
    const told = await contextOf(prose);
    const a = nameFeatures(listed, 'Stripe, Inc.', 5);
    const b = nameFeatures(told, 'Stripe, Inc.', 1);
    expect(a.slice(0, 2)).toEqual([1, 1]); // a table row, under a heading about providers
    expect(b.slice(0, 2)).toEqual([0, 0]);
    expect(probability(CALIBRATION.names, 'subprocessors_named', a)).toBeGreaterThan(probability(CALIBRATION.names, 'subprocessors_named', b));
  });

  it('gives a clause under a heading about the fact more confidence than the same clause under another heading', async () => {
    const clause = 'We may disclose your personal information to law enforcement if required by law.';
    const under = async (h: string) => (await extractDocument(md(`# Privacy Policy\n\n## ${h}\n\n${clause}\n`), 'policy.md')).facts.law_enforcement_disclosure;
    const topical = await under('Legal requests from government authorities');
    const aside = await under('Cookies');
    expect(topical.value).toBe('any_legal_request');
    expect(topical.confidence).toBeGreaterThan(aside.confidence);
    const ctx = await contextOf(`# P\n\n## Cookies\n\n${clause}\n`);
    const x = scalarFeatures(ctx, 'law_enforcement_disclosure', { value: 'any_legal_request', confidence: 0.8, evidence: [{ quote: clause, start: ctx.text.indexOf(clause), end: ctx.text.indexOf(clause) + clause.length }], reviewValues: [] });
    expect(x[3]).toBe(0); // heading feature: "Cookies" is not about the fact
  });

  it('keeps the readings\' own confidence when asked for uncalibrated answers', () => {
    const text = '# Privacy Policy\n\n## Cookies\n\nWe may disclose your personal information to law enforcement if required by law.\n';
    const raw = extractFacts(text, { uncalibrated: true }).facts.law_enforcement_disclosure;
    const calibrated = extractFacts(text).facts.law_enforcement_disclosure;
    expect(raw.confidence).toBe(0.7);
    expect(calibrated.confidence).not.toBe(raw.confidence);
  });

  it('abstains on names below the threshold without losing any: every dropped name is a review candidate with a quote', async () => {
    const doc = await loadDocument(md(TABLE), 'policy.md');
    const firm = extractFacts(doc.text, { sections: doc.sections }).facts.subprocessors_named;
    expect(firm.value.length).toBe(5);
    const strict = extractFacts(doc.text, { sections: doc.sections, minConfidence: 0.999 }).facts.subprocessors_named;
    expect(strict.value).toEqual([]);
    expect(strict.evidence).toEqual([]);
    const dropped = strict.review?.find((r) => Array.isArray(r.value) && r.value.length === 5);
    expect(dropped?.value).toEqual(firm.value);
    expect(dropped?.evidence.length).toBe(5);
    for (const e of dropped!.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  });

  it('reads a list written inline as a list, not as a run-on sentence, unless its items are clauses of their own', async () => {
    const listed = 'Acme may keep and disclose any information it considers necessary to (a) meet any law, rule, court order or request of a public authority that applies to it, (b) enforce these terms and look into possible breaches of them, (c) find, stop or otherwise deal with fraud, abuse and technical problems of the service, (d) answer the questions users send to its support team, or (e) protect the rights and safety of Acme, of its users and of the public.';
    const clauses = 'When the contract ends: (a) the licences Acme granted to the customer end at once and for every product of the account; (b) the customer may ask for more time to export its files, for a fee set by the price list; and (c) Acme may delete the files and the account data of the customer within a commercially reasonable period of time after the end of the contract.';
    expect(listed.length).toBeGreaterThan(350);
    expect(clauses.length).toBeGreaterThan(350);
    expect(await longOf(listed)).toBe(0);
    expect(await longOf(clauses)).toBe(1);
  });

  it('reads as a list the inline items whose modal stands once in the opening, before the first item', async () => {
    const shared = 'Acme may, at its sole discretion and without any notice to the user, (a) suspend or end the account of any user who breaks these terms or the law, (b) remove any content that users post or share through the service, (c) report what it finds to the proper authorities when it believes the law requires it, or (d) take any other step it considers needed to protect the service and its users.';
    expect(shared.length).toBeGreaterThan(350);
    expect(await longOf(shared)).toBe(0);
  });
});
