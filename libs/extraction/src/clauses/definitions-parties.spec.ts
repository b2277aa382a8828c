import { extractFacts } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText, viewPrefix } from '../text/sentences.js';
import { readDefinitions } from './definitions.js';

// Who is who in a document: the vendor under its brand as well as its legal entity, and the parties a document
// defines as its customer. Texts written for these tests, not taken from the corpus.
function definitions(md: string) {
  const doc = loadMarkdown(md);
  const a = analyseText(doc.text, doc.sections);
  return readDefinitions(viewPrefix(a, 60_000), undefined, a.sentences, []);
}
const facts = (md: string) => {
  const doc = loadMarkdown(md);
  return extractFacts(doc.text, { sections: doc.sections, links: doc.links }).facts;
};

describe('readDefinitions: the brand listed with "we"', () => {
  const DEFINED = 'The app is operated by Brightwater Holdings Ltd. As used here, the terms "Zenly," "us," "we," the "Company" and "our" shall refer to Brightwater Holdings Ltd.';
  const DISCLOSES = 'You agree that Zenly may access, preserve and disclose your account information if required to do so by law or to comply with legal process.';

  it('takes every quoted alias listed with "we" as a vendor name, the brand as well as the entity', () => {
    const d = definitions(`# Terms\n\n${DEFINED}`);
    expect(d.vendorNames).toEqual(expect.arrayContaining(['Zenly', 'Brightwater Holdings Ltd']));
    expect(d.vendorNames).not.toContain('Company');
  });

  it('reads a disclosure by the brand as the vendor\'s, which it was not while the brand was unknown', () => {
    expect(facts(`# Terms\n\n${DEFINED}\n\n${DISCLOSES}`).law_enforcement_disclosure.value).toBe('any_legal_request');
    const unnamed = 'The app is operated by Brightwater Holdings Ltd. As used here, "us," "we" and "our" shall refer to Brightwater Holdings Ltd.';
    expect(facts(`# Terms\n\n${unnamed}\n\n${DISCLOSES}`).law_enforcement_disclosure.value).toBe('unspecified');
  });

  it('does not take a quoted document title before the definition as a name', () => {
    const d = definitions('# Terms\n\nIn these "Terms of Use", "we" means Brightwater GmbH and its branches.');
    expect(d.vendorNames).toContain('Brightwater GmbH');
    expect(d.vendorNames.some((n) => /terms/i.test(n))).toBe(false);
  });
});

describe('readDefinitions: the author written in the third person', () => {
  const acts = ['Quillo may suspend an account that breaks these rules.', 'Quillo reserves the right to remove any upload.', 'Quillo will not sell your files.', 'Quillo may change these terms at any time.', 'Quillo shall not be liable for lost files.'];

  it('takes the name most often the subject of "may", "will", "reserves" as the author, even beside another legal entity', () => {
    const d = definitions(`# Terms\n\nThe service is published by Harbor Nine SAS.\n\n${acts.join(' ')}`);
    expect(d.vendorNames).toContain('Quillo');
  });

  it('does not take a third party as the author in a document that speaks as "we"', () => {
    const third = acts.map((s) => s.replace('Quillo', 'Google'));
    const we = ['We may suspend accounts.', 'We will answer requests.', 'We may update this policy.', 'We shall keep logs.', 'We will not sell data.', 'We may contact you.'];
    const d = definitions(`# Policy\n\nHarbor Nine SAS ("we") runs this site.\n\n${third.join(' ')} ${we.join(' ')}`);
    expect(d.vendorNames).not.toContain('Google');
  });

  it('does not take a third party acting only in one section of a small policy as the author, nor drop it as a recipient', () => {
    const ga = ['Google may use the data collected to tailor its ads.', 'Google will use this information to evaluate your use of the site.', 'Google may transfer this information to third parties.', 'Google will not associate your IP address with other data.', 'Google may share the data with its partners.', 'Google shall process the data in the United States.'];
    const md = `# Privacy Policy\n\nHarbor Nine Ltd ("we") runs this site. We collect your email. We may contact you.\n\n## What we collect\n\n${['name', 'email', 'address', 'orders', 'device', 'messages', 'reviews', 'payments', 'visits'].map((x) => `We collect your ${x}.`).join(' ')}\n\n## Google Analytics\n\n${ga.join(' ')}\n\n## Recipients\n\nWe share your personal data with Google Analytics and Stripe for analytics and payments.`;
    expect(definitions(md).vendorNames).not.toContain('Google');
    expect(facts(md).subprocessors_named.value).toEqual(expect.arrayContaining(['Google Analytics']));
  });

  it('does not take a party word as the author ("Sub-processor shall", "Recipient may")', () => {
    for (const word of ['Sub-processor', 'Recipient']) {
      const acts5 = ['shall delete data.', 'shall notify us.', 'may not disclose data.', 'will encrypt data.', 'shall return data.'].map((a, i) => `## Part ${i + 1}\n\n${word} ${a}`);
      expect(definitions(`# Data terms\n\nHarbor Nine Inc. engages others.\n\n${acts5.join('\n\n')}`).vendorNames).not.toContain(word);
    }
  });

  it('needs the name at least five times: a name acting twice is no author', () => {
    const d = definitions(`# Terms\n\nThe service is published by Harbor Nine SAS.\n\n${acts.slice(0, 2).join(' ')}`);
    expect(d.vendorNames).not.toContain('Quillo');
  });
});

describe('readDefinitions: parties defined as the customer', () => {
  it('reads an alias listed with "you" as the customer, and a duty on it as no promise of the vendor', () => {
    const md = '# Partner conditions\n\nThese conditions are an agreement between you ("you" or "Rider") and Brightwater Pty Ltd ("Company", "we").\n\nUpon termination of this agreement, the Rider shall delete all copies of the Company Materials.';
    expect(definitions(md).customerNames).toEqual(['Rider']);
    expect(facts(md).return_or_destroy_on_termination.value).toBe('unspecified');
  });

  it('still reads the vendor\'s own deletion on termination', () => {
    const md = '# Partner conditions\n\nThese conditions are an agreement between you ("you" or "Rider") and Brightwater Pty Ltd ("Company", "we").\n\nUpon termination of this agreement, we shall delete all copies of the Rider\'s data.';
    expect(facts(md).return_or_destroy_on_termination.value).toBe('yes');
  });

  it('reads a defined term that means a kind of user as the customer, not one that names a thing', () => {
    const d = definitions('# Terms\n\n1. "Account Partner" means a User who applied to sell goods through the platform.\n2. "Access Keys" means any user name or password issued to you.\n3. "Partner SCCs" means the Customer SCCs for transfers.');
    expect(d.customerNames).toEqual(['Account Partner']);
  });

  it('does not read a parenthesis naming both "we" and "you" as the customer\'s', () => {
    expect(definitions('# Terms\n\nThe parties ("Parties", "we", "you") agree as follows.').customerNames).toEqual([]);
  });
});

describe('readDefinitions: aliases of "we" given in the passive ("is referred to as")', () => {
  const OPERATOR = 'The marketplace is run by Quillmart Inc., a Delaware company. The operator is further referred to as “We”, “Us” or “Quillmart”.';
  it('takes the brand aliased with "we" as a vendor name', () => {
    expect(definitions(`# Privacy\n\n${OPERATOR}`).vendorNames).toContain('Quillmart');
  });
  it('not aliases of the customer, nor a list without "we"', () => {
    expect(definitions('# Terms\n\nThe buyer is referred to as "You" or "Client". The seller is referred to as "Merchant" or "Vendor".').vendorNames).toEqual([]);
  });
  it('a disclosure by the brand, in a document that speaks as "we" and names other companies, is the vendor\'s', () => {
    const others = 'We use Parcelo to ship orders. Parcelo shares tracking data with us. We keep your data safe. We do not sell it. We explain more below. We may update this policy. We will notify you. We answer questions. We are here to help. We care.';
    const disclosure = 'Quillmart also provides the above data to law enforcement authorities when we receive requests for information in relation to their investigations.';
    expect(facts(`# Privacy\n\n${OPERATOR}\n\n${others}\n\n${disclosure}`).law_enforcement_disclosure.value).toBe('any_legal_request');
  });
});
