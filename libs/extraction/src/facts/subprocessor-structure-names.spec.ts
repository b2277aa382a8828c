import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText } from '../text/sentences.js';
import { isListItem } from '../clauses/structure.js';
import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
const sentence = (md: string, start: string) => {
  const doc = loadMarkdown(md);
  return analyseText(doc.text, doc.sections).sentences.find((s) => s.view.includes(start))!;
};

describe('list items bulleted as word processors write them', () => {
  it('takes a filled circle and a lower-case "o" padded with braille blanks as item markers', () => {
    const md = '# Your choices\n\n● Vendor Tools: some of our vendors offer tools, including:\n\n⠀⠀⠀⠀⠀o Quillmetrics: to opt out, visit quillmetrics.example.\n\no Nimbus Ads: to opt out, visit nimbusads.example.\n';
    expect(isListItem(sentence(md, 'Vendor Tools'))).toBe(true);
    expect(isListItem(sentence(md, 'Quillmetrics'))).toBe(true);
    expect(isListItem(sentence(md, 'Nimbus Ads'))).toBe(true);
  });

  it('does not take a sentence opening with the word "O" or with "of" for an item', () => {
    const md = '# Notes\n\nO Canada is played at the start of the event.\n\nof the following, none applies here.\n';
    expect(isListItem(sentence(md, 'O Canada'))).toBe(false);
    expect(isListItem(sentence(md, 'of the following'))).toBe(false);
  });

  it('reads the lead names of such items under a recipients intro', () => {
    const md = '# Sharing\n\nWe share your information with the following service providers:\n\n⠀⠀⠀o Quillmetrics: analytics of our pages.\n\n⠀⠀⠀o Nimbus Ads: advertising on other sites.\n';
    expect(names(md).sort()).toEqual(['Nimbus Ads', 'Quillmetrics']);
  });
});

describe('a name cell of a recipients table whose row links to the party\'s own site', () => {
  const intro = '# Advertising\n\nYour data may be shared with any of the ad technology providers listed below:\n\n| Ad technology providers | Further info |\n| --- | --- |\n';

  it('reads names that look like institutions, buildings or capitals when the link spells them', () => {
    const doc = intro + '| Adsmith | https://www.adsmith.com/privacy/ |\n| Tallow House | https://www.tallowhouse.com/gdpr/ |\n| Meridian Institute | https://www.meridian-institute.com/privacy/ |\n| KESTREL | http://www.kestrel.co.jp/terms/data_policy.html |\n';
    expect(names(doc).sort()).toEqual(['Adsmith', 'KESTREL', 'Meridian Institute', 'Tallow House']);
  });

  it('keeps such a name as written: a leading "The", digits, a lower-case brand with a legal name in parentheses', () => {
    const doc = intro + '| The Bid Desk | https://www.thebiddesk.com/general/privacy-policy |\n| Relay451 | https://relay451.com/privacy/ |\n| sendmax (Emego GmbH) | http://www.sendmax.de/?l=privacy |\n| Stripe (USA) | https://stripe.com/privacy |\n';
    expect(names(doc).sort()).toEqual(['Relay451', 'Stripe', 'The Bid Desk', 'sendmax (Emego GmbH)']);
  });

  it('leaves out a parenthesis that is a note ending in another company\'s name, not the legal name', () => {
    const doc = intro + '| Relay451 (formerly Adsmith Ltd) | https://relay451.com/privacy/ |\n| Quillmetrics (a subsidiary of Nimbus Inc.) | https://www.quillmetrics.com/privacy |\n| sendmax (Emego GmbH) | http://www.sendmax.de/?l=privacy |\n';
    expect(names(doc).sort()).toEqual(['Quillmetrics', 'Relay451', 'sendmax (Emego GmbH)']);
  });

  it('counts the table\'s "The Bid Desk" and the prose\'s "Bid Desk" as one name', () => {
    const doc = intro + '| The Bid Desk | https://www.thebiddesk.com/general/privacy-policy |\n\nWe share hashed identifiers with our advertising partners, such as The Bid Desk.\n';
    expect(names(doc)).toEqual(['The Bid Desk']);
  });

  it('does not take a word that is only a subdomain of the linked site for the party\'s name', () => {
    // A column of services beside links into the pages of the companies behind them: "analytics.google.com" is Google's site.
    const doc = '# Service providers\n\nWe share personal data with the following service providers:\n\n| Service | Privacy notice |\n| --- | --- |\n| Analytics | https://analytics.google.com/analytics/web/ |\n| Support | https://support.zendesk.com/hc/en-us/articles/privacy |\n| Payments | https://payments.google.com/legaldocument |\n| Nimbus Ads | https://www.nimbusads.com/privacy |\n';
    expect(names(doc)).toEqual(['Nimbus Ads']);
    // The party's own site under a subdomain or a country's second level still spells its name.
    expect(names(intro + '| Tallow House | https://www.tallowhouse.co.uk/privacy |\n| Relay451 | https://eu.relay451.com/privacy |\n').sort()).toEqual(['Relay451', 'Tallow House']);
  });

  it('still drops such words when the row links elsewhere', () => {
    const doc = intro + '| Adsmith | https://www.adsmith.com/privacy/ |\n| Tallow House | https://www.adsmith.com/partners/ |\n| Data Protection Institute | https://www.example.org/ |\n| KESTREL | see our cookie policy |\n';
    expect(names(doc)).toEqual(['Adsmith']);
  });
});

describe('legal names with a region or a trade name inside', () => {
  it('keeps a region in capitals before the legal suffix, and a "dba" trade name after it', () => {
    const md = '# Partners\n\nAnti-fraud companies: we may share the information required to prevent cheating. Such partners include Northwind Payments (EMEA) Ltd., UK.\n\nSoftware providers: for our questionnaires we use the software of Quillform, LLC dba Survey Quill, to store your replies.\n';
    expect(names(md).sort()).toEqual(['Northwind Payments (EMEA) Ltd.', 'Quillform, LLC dba Survey Quill']);
  });

  it('leaves the name\'s own acronym before the suffix out of the name: it is no region', () => {
    const md = '# Sub-processors\n\nYour data is hosted by Amazon Web Services (AWS), Inc. in the United States.\n\nWe share personal data with our service providers, such as Northwind Traders (NWT) Limited.\n';
    expect(names(md).sort()).toEqual(['Amazon Web Services', 'Northwind Traders']);
  });

  it('keeps a trade name only where it ends with the name, not capitalised words running on after it', () => {
    const md = '# Service providers\n\nWe share personal data with the following service providers:\n\n- Widgix, LLC dba SurveyGizmo Privacy Policy\n\nWe share personal data with our service providers, such as Quillform, LLC d/b/a Survey Quill The Survey Platform, to store replies.\n';
    expect(names(md).sort()).toEqual(['Quillform, LLC', 'Widgix, LLC']);
    expect(names('# Service providers\n\nWe share personal data with our service providers, such as Northwind Widgets, LLC d/b/a The Widget Store, who host our site.\n')).toEqual(['Northwind Widgets, LLC d/b/a The Widget Store']);
  });

  it('leaves a country after the suffix out of the name, and "dba" only as a word', () => {
    const md = '# Sub-processors\n\nWe share personal data with our service providers, such as Zendesk Inc. (USA) and Quillform, LLC database services.\n';
    expect(names(md).sort()).toEqual(['Quillform, LLC', 'Zendesk Inc']);
  });
});

describe('a provider heading with an escaped bullet left in it', () => {
  it('reads the name after the bullet', () => {
    const md = '# Analytics\n\nWe may use third-party Service Providers to monitor and analyze the use of our Service.\n\n### \\* Statwise Analytics\n\nStatwise Analytics is a web analytics service that tracks and reports website traffic.\n';
    expect(names(md)).toEqual(['Statwise Analytics']);
  });

  it('does not read it outside a section about the vendor\'s providers', () => {
    const md = '# Analytics\n\nThis section explains analytics.\n\n### \\* Statwise Analytics\n\nStatwise Analytics is a web analytics service that tracks website traffic.\n';
    expect(names(md)).toEqual([]);
  });
});

describe('a name cell in capitals whose row links to that party\'s privacy policy', () => {
  const intro = '# Advertising\n\nYour data may be shared with any of the ad technology providers listed below:\n\n| Ad technology providers | Further info |\n| --- | --- |\n| Adsmith | https://www.adsmith.com/privacy/ |\n';

  it('reads the cell as the table writes it', () => {
    expect(names(intro + '| QUILL BY K7M | http://www.k7m.example/privacy-policy/ |\n').sort()).toEqual(['Adsmith', 'QUILL BY K7M']);
  });

  it('still reads a lower-case brand whose row links to a privacy policy on another site', () => {
    expect(names(intro + '| quillworks | https://createjs.example/legal/privacy.html |\n').sort()).toEqual(['Adsmith', 'quillworks']);
  });

  it('does not read such a cell when the row links to no privacy policy', () => {
    expect(names(intro + '| QUILL BY K7M | http://www.k7m.example/about/ |\n')).toEqual(['Adsmith']);
  });
});
