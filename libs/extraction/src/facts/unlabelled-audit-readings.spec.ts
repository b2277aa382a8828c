import { extractFacts } from '../extract-facts.js';
import { loadDocument } from '../loaders/load-document.js';
import { factOf } from '../testing/fact-of.js';

/**
 * Readings fixed after auditing what the rules asserted on unlabelled OTA documents (issue 7, x29sale): who acts in a
 * clause about advertising, what "aggregate" qualifies, ownership kept "in, and …, the content", a possessive before the
 * data in a legal disclosure, and reports or removals that hand no data over on request. Sentences written for the project.
 */
const sale = (text: string) => factOf('data_sale_or_marketing', text);
const le = (text: string) => factOf('law_enforcement_disclosure', text);
const deid = (text: string) => factOf('deidentified_data_use', text);
const own = (text: string) => factOf('record_ownership', text);

describe('data_sale_or_marketing: advertising as another party\'s conduct', () => {
  it('a sponsor or the reader allowed to advertise is not the vendor marketing with data', () => {
    expect(sale('Breweries may advertise their soft drinks if the landing page sells no beer.')).toBe('unspecified');
    expect(sale('| Categories you can advertise, subject to review |')).toBe('unspecified');
  });
  it('the vendor marketing to the person still reads', () => {
    expect(sale('We may advertise our premium plans to you based on how you use the app.')).toBe('allowed');
  });
  it('goods sold on the person\'s behalf are no sale of their data', () => {
    expect(sale('You authorise us to sell the mugs printed with your artwork at the price you set.')).toBe('unspecified');
    expect(sale('We may sell your personal information to list brokers.')).toBe('allowed');
  });
  it('a customer running personalised ads, or a link named after ads, states no use by the vendor', () => {
    expect(sale('If you run personalised advertising through our tag:')).toBe('unspecified');
    expect(sale('* [Personalised ads settings](https://example.com/ads)')).toBe('unspecified');
    expect(sale('If you sign up, we may show you personalised ads.')).toBe('allowed');
  });
  it('a menu of links, or an icon and a link, is no statement; a sentence with a link still is', () => {
    expect(sale('*   [Help centre](https://example.com/help)\n*   [Tailored ads opt-out](https://example.com/optout)')).toBe('unspecified');
    expect(sale('![](//cdn.example.com/i.png)[_About tailored advertising_](https://example.com/about)')).toBe('unspecified');
    expect(sale('We show personalised ads; see [our ads page](https://example.com/ads).')).toBe('allowed');
  });
  it('the same menu in a loaded Markdown document (the loader keeps link texts and their spans)', async () => {
    const read = async (md: string) => {
      const doc = await loadDocument(Buffer.from(md), 'Policy.md');
      return extractFacts(doc.text, { sections: doc.sections, links: doc.links ?? [], uncalibrated: true }).facts.data_sale_or_marketing.value;
    };
    expect(await read('# Footer\n\n*   [Help centre](https://example.com/help)\n*   [Tailored ads opt-out](https://example.com/optout)\n')).toBe('unspecified');
    expect(await read('# Ads\n\nWe show you tailored ads, as [our ads page](https://example.com/ads) explains.\n')).toBe('allowed');
  });
  it('the customer\'s duty with an adverb before the verb stays the customer\'s', () => {
    expect(sale('You further agree that newsletters you send to your own subscribers will follow e-mail marketing law.')).toBe('unspecified');
  });
  it('the person agreeing is not whom the ads are chosen for', () => {
    expect(sale('The member agrees that Acme may display ads within the free tier.')).toBe('unspecified');
  });
  it('a payment exchanged for something other than data is no sale of data', () => {
    expect(sale('We do not permit sponsored posts published in exchange for money.')).toBe('unspecified');
  });
  it('a rule for developers, ads or anyone else is not the vendor refusing a sale', () => {
    expect(sale('* Developers must not pass player identifiers to ad networks or advertisers.')).toBe('unspecified');
    expect(sale('Ads must not use fear to promote supplements.')).toBe('unspecified');
    expect(sale('We do not allow anyone to promote violent groups.')).toBe('unspecified');
  });
  it('the vendor refusing still reads, also when it bars third parties on the person\'s behalf', () => {
    expect(sale('We will never use your content to advertise our products.')).toBe('prohibited');
    expect(sale('We do not allow third parties to sell your personal information.')).toBe('prohibited');
  });
});

describe('deidentified_data_use: "aggregate" qualifies data, not an amount', () => {
  it('an aggregate count, summaries in aggregate or claims not aggregated are not data', () => {
    expect(deid('The provider will deliver the aggregate number of impressions booked by the end of the flight.')).toBe('unspecified');
    expect(deid('A claim may go to small claims court if it is not aggregated with the claims of others.')).toBe('unspecified');
    expect(deid('No reader may repost more than five excerpts in aggregate per week.')).toBe('unspecified');
  });
  it('aggregated data, data aggregated, or aggregation of the person\'s data still read', () => {
    expect(deid('We may share aggregated usage statistics with our partners.')).toBe('allowed');
    expect(deid('The information we collect will be aggregated and used to improve our services.')).toBe('allowed');
    expect(deid('We may aggregate your personal information with that of other members to study trends.')).toBe('allowed');
  });
});

describe('record_ownership: rights kept "in, and …, the content"', () => {
  it('an aside after the preposition or "any and all of your rights" keeps the records the customer\'s', () => {
    expect(own('You retain all rights in, and remain liable for, the content you upload.')).toBe('customer');
    expect(own('You retain any and all of your rights to any content you post.')).toBe('customer');
  });
  it('the vendor keeping rights in its own service is not record ownership', () => {
    expect(own('We retain all rights in, and title to, the Services.')).toBe('unspecified');
  });
  it('owners named as alternatives state no holder of the records', () => {
    expect(own('Material on the site may be owned by us, by our licensors, or by users like you.')).toBe('unspecified');
    expect(own('All User Content is owned by you or your licensors.')).toBe('customer');
    expect(own('Customer Data is and remains the property of the customer.')).toBe('customer');
  });
});

describe('law_enforcement_disclosure: whose data, and what is handed over', () => {
  it('"your account information" after the verb is the data disclosed, not a recipient', () => {
    expect(le('We may disclose your account information where we are required to do so by law.')).toBe('any_legal_request');
  });
  it('information given to the person is still not a disclosure to an authority', () => {
    expect(le('We will provide you with a copy of your records as required by law.')).toBe('unspecified');
  });
  it('a report the law mandates, or a removal in response to requests, answers no request for data', () => {
    expect(le('If we find such material, we report it to the national hotline as required by law.')).toBe('unspecified');
    expect(le('We are not liable for content removal in response to court orders or police requests.')).toBe('unspecified');
    expect(le('We may disclose your data and remove posts in response to police requests.')).toBe('any_legal_request');
  });
  it('complying with laws while disagreeing with governments names no authority receiving data', () => {
    expect(le('We must comply with local laws, even where we disagree with governments about them.')).toBe('unspecified');
    expect(le('We comply with government requests for member data as required by law.')).toBe('any_legal_request');
  });
});

// Review of x29sale: sentences where the new readings must not fire (written for the project).
describe('near misses of the audit readings', () => {
  it('a condition on the user using the service, then the vendor showing ads, is the vendor advertising', () => {
    expect(sale('When you use our app we show you personalised ads based on your activity.')).toBe('allowed');
    expect(sale('If you use our free plan we will show you ads based on your browsing history.')).toBe('allowed');
  });
  it('"the App" refusing is the vendor\'s product refusing, not a governed third-party app', () => {
    expect(sale('The App does not sell your personal data to anyone.')).toBe('prohibited');
  });
  it('the vendor barring advertisers from using the person\'s data is its refusal', () => {
    expect(sale('We do not permit advertisers to use your personal information for targeted advertising.')).toBe('prohibited');
  });
  it('third parties advertising to the person on their browsing is advertising on the person\'s data', () => {
    expect(sale('Third parties may advertise to you based on your browsing on our site.')).toBe('allowed');
  });
  it('a disclosure listed with a removal in response to a legal request still discloses', () => {
    expect(le('We may suspend accounts or disclose data in response to court orders.')).toBe('any_legal_request');
    expect(le('We may remove content or disclose your information in response to a subpoena.')).toBe('any_legal_request');
  });
  it('data used or shared "in (the) aggregate" is aggregated data', () => {
    expect(deid('We may use your information in the aggregate to improve our services.')).toBe('allowed');
    expect(deid('We may share user information in aggregate with advertisers.')).toBe('allowed');
  });
  it('alternative owners that are all on the person\'s side keep the records the person\'s', () => {
    expect(own('Your data belongs to you or to the third party from whom you received it.')).toBe('customer');
  });
});
