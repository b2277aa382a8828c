import { subprocessorNames } from '../testing/subprocessor-names.js';
import { entitiesInParentheses, initials, spelledAcronyms, withWrittenArticle } from './subprocessor-identity.js';

const names = subprocessorNames;

describe('an acronym and the name it spells, both read as providers: one party, by its full name', () => {
  it('writes the full name once when both are kept', () => {
    expect(names('# Sharing\n\nWe share data with infrastructure partners (such as NCS).\n\nOur technology service providers like Northwind Cloud Services have reasonable security measures in place.')).toEqual(['Northwind Cloud Services']);
  });

  it('writes the full name when only the acronym passed (the full name read in ordinary words)', () => {
    const text =
      '# Sharing\n\nWe share data with technology service providers, including infrastructure partners (such as CWS).\n\n' +
      'We work hard to ensure that the third parties we give access to, such as our technology service providers like Central Web Services, have security measures in place.\n\n' +
      'Our central team keeps a list of the web services and other services you use.';
    expect(names(text)).toEqual(['Central Web Services']);
  });

  it('writes the name the document defines the acronym as', () => {
    const text = '# About\n\nThis agreement was signed with Northwind Cloud Services, Inc. (“NCS”) in 2020.\n\n# Sharing\n\nWe store your data with our hosting provider NCS.';
    expect(names(text)).toEqual(['Northwind Cloud Services, Inc.']);
    // An acronym defined as a standard, not a company (no legal suffix), stays a term the document defines.
    expect(names('# About\n\nWe follow the National Cyber Standard (“NCS”).\n\n# Sharing\n\nWe store your data with hosting providers certified under NCS.')).toEqual([]);
  });

  it('leaves an acronym alone when the words it could spell are no provider the document names', () => {
    // "Customer Welfare Standards" is a standard the text cites, not a name read in a provider clause.
    expect(names('# Hosting\n\nOur hosting provider is CWS, which stores your data. We follow the Customer Welfare Standards of our industry.')).toEqual(['CWS']);
  });

  it('spells only capitalised words, skipping "of" and "and", and needs three letters', () => {
    expect(initials('Amazon Web Services')).toBe('AWS');
    expect(initials('Bureau of Motor Records')).toBe('BMR');
    expect(initials('Amazon')).toBeUndefined();
    expect(initials('Acme Web Services Ltd')).toBeUndefined();
    expect(spelledAcronyms(['GA', 'Google Analytics'], [], '').size).toBe(0);
  });
});

describe('an acronym listed beside a name it happens to spell: two parties', () => {
  it('keeps both when one sentence names them side by side', () => {
    expect(names('# Sharing\n\nWe share data with service providers such as AWS and Advanced Web Solutions.')).toEqual(['AWS', 'Advanced Web Solutions']);
    expect(names('# Sharing\n\nOur service providers include AWS (hosting) and Advanced Web Solutions (website maintenance).')).toEqual(['AWS', 'Advanced Web Solutions']);
  });
});

describe('two parties sharing a word stay two', () => {
  it('keeps two products of one brand and a store beside its group\'s cloud', () => {
    expect(names('# Providers\n\nWe use service providers such as Google Analytics and Google Cloud.')).toEqual(['Google Analytics', 'Google Cloud']);
    // AWS, the group's cloud, is not spelled by Amazon Pay, its payments business: two recipients as written.
    expect(names('# Providers\n\nWe use service providers such as AWS and Amazon Pay.')).toEqual(['AWS', 'Amazon Pay']);
  });
});

describe('legal entities a parenthesis gives a name right before it: that party again', () => {
  it('reports the name before the parenthesis once', () => {
    const text =
      '# Chat\n\nThe instant messaging service is provided by our partner ChatHub (data controllers: Qiaoqiao Technology Co., Ltd. and ChatHub (Asia) Information Technology Co., Ltd.). ' +
      'ChatHub will collect your chat information and share a copy of it with us.';
    expect(entitiesInParentheses(text, ['ChatHub', 'Qiaoqiao Technology Co., Ltd.', 'Information Technology Co., Ltd.'])).toEqual(new Set(['Qiaoqiao Technology Co., Ltd.', 'Information Technology Co., Ltd.']));
    expect(names(text)).toEqual(['ChatHub']);
  });

  it('keeps entities a parenthesis gives in a phrase of its own (affiliates, a party used), not as the name\'s entities', () => {
    const text = '# Sharing\n\nWe share data with service providers such as Salesforce (including Slack Technologies, LLC and Tableau Software, LLC) and Zendesk.';
    expect(names(text)).toEqual(['Salesforce', 'Slack Technologies, LLC', 'Tableau Software, LLC']);
  });

  it('keeps an entity the document also names on its own, and entities in parentheses after a kind of provider', () => {
    const text = '# Partners\n\nOur ad partners: Admobi (Gamma Ventures LLC), Bidly Inc.\n\nWe also share usage data with Gamma Ventures LLC, which hosts our servers.';
    expect(entitiesInParentheses(text, ['Admobi', 'Gamma Ventures LLC', 'Bidly Inc.'])).toEqual(new Set());
    expect(names('# Payments\n\nWe share card data with our payment processors (Stripe, Inc. and Paystream Ltd.) to process your payments.')).toEqual(['Stripe, Inc.', 'Paystream Ltd']);
  });
});

describe('a capital "The" opening a name mid-sentence is part of the name as written', () => {
  it('keeps it', () => {
    expect(names('# Advertising\n\nThird-party providers such as Xandria or The AdHouse receive your browsing data to show you ads.')).toEqual(['Xandria', 'The AdHouse']);
  });

  it('does not add a lower-case "the", nor one opening a sentence or an entry', () => {
    expect(withWrittenArticle('the AdHouse', 'AdHouse', 'or ')).toBe('AdHouse');
    expect(withWrittenArticle('The AdHouse', 'AdHouse', '. ')).toBe('AdHouse');
    expect(withWrittenArticle('The AdHouse', 'AdHouse', '')).toBe('AdHouse');
    expect(withWrittenArticle('The AdHouse', 'AdHouse', 'or ')).toBe('The AdHouse');
  });
});
