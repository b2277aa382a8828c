import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText, viewPrefix } from '../text/sentences.js';
import { randomStrings } from '../testing/random-strings.js';
import { abbreviations, ownEntityElsewhere, readDefinitions, SELF_INTRODUCTION } from './definitions.js';

function definitions(md: string) {
  const doc = loadMarkdown(md);
  const a = analyseText(doc.text, doc.sections);
  return readDefinitions(viewPrefix(a, 60_000), undefined, a.sentences, []);
}

function names(md: string): string[] {
  const doc = loadMarkdown(md);
  const r = extractFacts(doc.text, { sections: doc.sections, links: doc.links });
  for (const e of r.facts.subprocessors_named.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
  return r.facts.subprocessors_named.value as string[];
}

// A brand named far more often than any other capitalised word: the dominant-brand guess picks it.
const GOOGLE_HEAVY = [
  'We use Google Analytics to measure visits. Google Analytics sets cookies. Google may transfer data to Google servers.',
  'Google Tag Manager loads Google scripts. You can read Google Privacy terms. Google Ads may show ads. Google Fonts are loaded.',
  'Google Maps shows the office. Google reCAPTCHA protects forms. Google processes the data on our behalf.',
].join('\n\n');

describe('readDefinitions: who "we" are', () => {
  it('does not take a frequent third-party brand as the vendor when the document names its own legal entity', () => {
    const md = `# Privacy Policy\n\nThis policy is issued by Wuit Pty Ltd ("we", "us").\n\n${GOOGLE_HEAVY}`;
    const d = definitions(md);
    expect(d.vendorNames).toContain('Wuit Pty Ltd');
    expect(d.vendorNames).not.toContain('Google');
    // Its products are then read as what they are: providers the vendor uses.
    expect(names(md)).toContain('Google Analytics');
  });

  it('keeps the frequent brand as the vendor when no other party is defined (a policy Google writes about itself)', () => {
    const d = definitions(`# Privacy Policy\n\n${GOOGLE_HEAVY}`);
    expect(d.vendorNames).toContain('Google');
    expect(names(`# Privacy Policy\n\n${GOOGLE_HEAVY}`)).not.toContain('Google Analytics');
  });

  it('keeps the brand when the defined entity carries it ("Acme Cloud GmbH" and "Acme")', () => {
    expect(ownEntityElsewhere(['Acme Cloud GmbH'], 'Acme')).toBe(false);
    expect(ownEntityElsewhere(['Hygraph GmbH'], 'Google')).toBe(true);
    // No legal entity among the names: nothing says the brand is someone else's.
    expect(ownEntityElsewhere(['Hygraph'], 'Google')).toBe(false);
  });

  it('reads "we" defined as either of two entities', () => {
    const d = definitions('# Terms\n\nIn this Agreement, the terms "we" or "us" refer to either Epicure Games, Inc. or Epicure Commerce GmbH, depending on where you live.');
    expect(d.vendorNames).toEqual(expect.arrayContaining(['Epicure Games, Inc.', 'Epicure Commerce GmbH']));
  });

  it('reads the entities "we refer to … as "us" or "we""', () => {
    const d = definitions('# Terms\n\nWe refer to Quillmark Inc., Quillmark Ireland Ltd. and Inkpress, Inc. collectively as "Quillmark," "us," or "we" throughout these Terms.');
    expect(d.vendorNames).toEqual(expect.arrayContaining(['Quillmark Inc.', 'Quillmark Ireland Ltd.', 'Inkpress, Inc.', 'Quillmark']));
    // Aliases that are not "we" (the customer) name no vendor.
    const other = definitions('# Terms\n\nWe refer to Northwind Traders Ltd. collectively as "Customer" or "you".');
    expect(other.vendorNames).not.toContain('Northwind Traders Ltd.');
  });
});

describe('the author introducing itself at the start names the vendor', () => {
  const vendorNames = (md: string) => definitions(md).vendorNames;
  it('reads "We at X", "At X,", "X, the owner of this Website" and "operated by X"', () => {
    expect(vendorNames('# Privacy Policy\n\nWe at Fernhollow Bikes take the protection of your data seriously.\n')).toContain('Fernhollow Bikes');
    expect(vendorNames('# Our commitment\n\nAt Quillory, your privacy is a priority.\n')).toContain('Quillory');
    expect(vendorNames('# Privacy Policy\n\nThis Policy applies between you and Marrowgate Software Ltd, the owner and provider of this Website.\n')).toContain('Marrowgate Software Ltd');
    expect(vendorNames('# Privacy Policy\n\nThis policy applies to the websites and apps operated by Tandlewick.\n')).toContain('Tandlewick');
    // A name elsewhere in the text is not the author.
    expect(vendorNames('# Privacy Policy\n\nWe take privacy seriously. We host data with Fernhollow Bikes.\n')).not.toContain('Fernhollow Bikes');
  });
});

describe('the author vowing to protect privacy, and the party an agreement is made with, name the vendor', () => {
  const vendorNames = (md: string) => definitions(md).vendorNames;
  it('reads "X takes online privacy very seriously" opening a sentence as the author', () => {
    expect(vendorNames('# Privacy Policy\n\nSavorwick Publishing takes online privacy very seriously. We actively protect the privacy of users of our web sites.\n')).toContain('Savorwick Publishing');
    expect(vendorNames('# Privacy\n\nThe Ardent Circle GmbH takes the protection of your data very seriously.\n').map((n) => n.replace(/^The /, ''))).toContain('Ardent Circle GmbH');
  });
  it('not a provider described as careful, nor "we" vowing', () => {
    expect(vendorNames('# Privacy Policy\n\nWe use Marlow Analytics, which takes privacy very seriously.\n')).not.toContain('Marlow Analytics');
    expect(vendorNames('# Privacy Policy\n\nWe take privacy seriously. Fernhollow Bikes hosts our data.\n')).not.toContain('Fernhollow Bikes');
    expect(vendorNames('# Privacy Policy\n\nFernhollow Bikes takes payments seriously.\n')).not.toContain('Fernhollow Bikes');
  });
  it('reads "entered into by and between X and the Publisher" as the vendor', () => {
    expect(vendorNames('# Publisher Master Services Agreement\n\nThis Agreement, effective as of the Effective Date, is entered into by and between Quillmatic and the Publisher listed on such Service Order.\n')).toContain('Quillmatic');
  });
  it('not a name between two others where no agreement is made', () => {
    expect(vendorNames('# Payments\n\nFunds move between Stripe and the Merchant account within two days.\n')).not.toContain('Stripe');
    expect(vendorNames('# Terms\n\nThis Agreement is entered into by and between Quillmatic and Harbor Foods Ltd.\n')).not.toContain('Quillmatic');
  });
});

describe('short forms the document defines for kinds of data', () => {
  it('reads "(non-PI)" as de-identified data, from the words before it', () => {
    const terms = abbreviations('We may collect Personal Information (PI) and non-Personal Information (non-PI) when you use the services.');
    expect(terms).toEqual([{ phrase: 'non-PI', cat: 'action', kind: 'deidentify' }]);
  });
  it('leaves short forms of laws and roles, and the ones the vocabulary knows', () => {
    expect(abbreviations('Under the General Data Protection Regulation (GDPR) you may write to our Data Protection Officer (DPO) about Protected Health Information (PHI).')).toEqual([]);
  });
  it('so a clause on the short form is read as one on de-identified data', () => {
    const text = 'We collect Personal Information (PI) and non-Personal Information (non-PI) about you.\n\nNon-PI collected through your queries is used to understand how our whole user population uses the Services and to improve them.';
    expect(extractFacts(text, { uncalibrated: true }).facts.deidentified_data_use.value).toBe('allowed');
    // Without the definition the short form is nothing the reader knows.
    expect(extractFacts(text.split('\n\n')[1], { uncalibrated: true }).facts.deidentified_data_use.value).toBe('unspecified');
  });
});

describe('SELF_INTRODUCTION', () => {
  it('holds one of its needed words in every match (a sentence without them is not run through the pattern)', () => {
    const alphabet = ['We at ', 'we at ', 'At ', 'Acme', 'Acme Ltd', ',', ' ', 'the ', 'Acme takes privacy ', 'seriously', ' the owner', ' as operator', 'provider', 'publisher', 'controller', ' of this Website', ' of the App', 'services ', 'site ', 'operated by ', 'owned by ', 'offered by ', 'and ', '- ', 'x', 'Acme is concerned about your privacy'];
    const matched = SELF_INTRODUCTION.map(() => 0);
    for (const v of randomStrings(alphabet, 40000, 10, 3)) {
      for (const [k, { re, needs }] of SELF_INTRODUCTION.entries()) {
        re.lastIndex = 0;
        if (!re.test(v)) continue;
        matched[k]++;
        expect({ v, re: re.source, held: needs.some((w) => v.includes(w)) }).toEqual({ v, re: re.source, held: true });
      }
    }
    // Each pattern is exercised.
    expect(Math.min(...matched)).toBeGreaterThan(10);
  });
});
