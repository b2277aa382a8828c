import { factOf } from '../testing/fact-of.js';
import { subprocessorNames as names } from '../testing/subprocessor-names.js';

/**
 * General reader rules found by reading the answers on unlabelled real documents (issue 7, precision before
 * recall): who the author is, table rows under spanned cells, things that are not organisations, instruments that
 * are no ground, notices that are not about a demand, and refusals that are not about the data. Each case has a twin
 * that still answers, so the rule is shown to abstain only where the clause does not say it.
 */
describe('the author introducing itself names the vendor (definitions.spec.ts reads the names)', () => {
  it('so the vendor named as the operator of its own services is no sub-processor', () => {
    const md = '# Privacy Policy\n\nWe at Fernhollow Bikes care about your data.\n\n## Service providers\n\nWe share data with the following service providers:\n\n* Fernhollow Bikes, which runs the rental system\n* Paystride, which processes payments\n';
    expect(names(md)).toEqual(['Paystride']);
  });
});

describe('sub-processor names: tables with spanned cells, and things that are not organisations', () => {
  it('a row shorter than its header aligns with the header\'s last columns', () => {
    const md = [
      '# Third-party cookies',
      '',
      'The third parties that receive data through cookies on our site:',
      '',
      '| Category | Third party name | Cookie name | Purpose |',
      '| --- | --- | --- | --- |',
      '| Analytics | Metricwell | mw_id | Counts visits for Metricwell. |',
      '| Quillmetrics | qm_session | Measures pages for Quillmetrics. |',
    ].join('\n');
    expect(names(md)).toEqual(expect.arrayContaining(['Metricwell', 'Quillmetrics']));
    expect(names(md)).not.toContain('qm_session');
  });
  it('a short row\'s access cell is read under the same column as its name', () => {
    const md = [
      '# Sub-processors',
      '',
      'We share personal data with the following sub-processors:',
      '',
      '| Purpose | Vendor | Access to personal data |',
      '| --- | --- | --- |',
      '| Hosting | Quarry Cloud | Yes |',
      '| Postbird | No |',
      '| Lanternmail | Yes |',
    ].join('\n');
    expect(names(md)).toEqual(expect.arrayContaining(['Quarry Cloud', 'Lanternmail']));
    expect(names(md)).not.toContain('Postbird');
  });
  it('legal citations and technical artefacts are not organisations', () => {
    const md = '# Service providers\n\nWe share data with the following service providers:\n\n* Article 49\n* Data Export API\n* Live ID Verification\n* Paystride\n';
    expect(names(md)).toEqual(['Paystride']);
  });
  it('the ordinary-word tail of a longer legal name is no name of its own', () => {
    // The words are ordinary in this document: it writes them in lower case too.
    const md = '# Service providers\n\nWe protect information with technology and secure communications.\n\nWe share data with our processors Quillcorp (Asia) Information Technology Co., Ltd. and zentrix Communications, LLC, and with Paystride Holdings, Inc.\n';
    expect(names(md)).not.toContain('Information Technology Co.');
    expect(names(md)).not.toContain('Communications, LLC');
    expect(names(md)).toContain('Paystride Holdings, Inc.');
  });
    it('names joined by "&" are read one by one, without the vendor; one company\'s name stays whole', () => {
    const md = '# Privacy Policy\n\nAt Quillory, your privacy is a priority.\n\n## Service providers\n\nWe share data with the following service providers:\n\n| Recipient | Purpose |\n| --- | --- |\n| Metricwell Analytics & Quillory | Audience measurement |\n| Brightline Ads & Brightline Clarity | Advertising |\n| Marks & Fenwick | Printing |\n';
    expect(names(md).sort()).toEqual(['Brightline Ads', 'Brightline Clarity', 'Marks & Fenwick', 'Metricwell Analytics']);
  });
});

describe('law enforcement: instruments that are no ground, notices that are not about a demand', () => {
  const le = (text: string) => factOf('law_enforcement_disclosure', text);
  it('an instrument that is violated is no ground for a disclosure', () => {
    expect(le('Sites may only display material that is not in conflict or violation of any court order.')).toBe('unspecified');
    expect(le('We disclose personal data only when required by a court order.')).toBe('judicial_process_only');
  });
  it('a judicial rule about something other than data is no judicial rule', () => {
    expect(le('Except as required by a valid court order, we will not sell or transfer any Digital Assets in your account.')).not.toBe('judicial_process_only');
  });
  it('a notice whose legal ground is only its exception is a notice of changes', () => {
    expect(le('If we change these Terms, we will give you advance notice (unless changes are required sooner because of new legal requirements).')).toBe('unspecified');
    expect(le('If we receive a subpoena for your data, we will notify you before we disclose it.')).toBe('legal_process_with_notice');
  });
  it('"inform yourself" is the user\'s own inquiry, not a notice to the user', () => {
    expect(le('You should inform yourself as to the legal requirements of using the service in your jurisdiction.')).not.toBe('legal_process_with_notice');
  });
  it('"warrant" in a list of disclaimer verbs is no warrant', () => {
    expect(le('We provide third-party services only as a convenience and do not review, approve, endorse, warrant, or make any representations about them.')).toBe('unspecified');
  });
});

describe('de-identified data: what "anonymous" and "pseudonymised" qualify', () => {
  const de = (text: string) => factOf('deidentified_data_use', text);
  it('"anonymous" is de-identified data only before a word for data', () => {
    expect(de('We may run an anonymous reporting system for complaints.')).toBe('unspecified');
    expect(de('We may use anonymous, statistical information to improve the website.')).toBe('allowed');
  });
  it('pseudonymised data alone is still personal data: no answer', () => {
    expect(de('We may use pseudonymised information to improve our services.')).toBe('unspecified');
    expect(de('We may use anonymised information to improve our services.')).toBe('allowed');
  });
});

describe('data sale or marketing: refusals that are not about the data', () => {
  const ds = (text: string) => factOf('data_sale_or_marketing', text);
  it('a refused marketing use must be of data or of contact with the person', () => {
    expect(ds('Publishers not eligible for advertising must buy a paid plan.')).toBe('unspecified');
    expect(ds('We do not allow the use of our trademark in advertising.')).toBe('unspecified');
    expect(ds('No personal information will be shared with third parties for their marketing purposes.')).toBe('prohibited');
  });
  it('a product sold to the user, or what an act is called, is no refusal to sell data', () => {
    expect(ds('Digital content is licensed, not sold, to you by the content provider.')).toBe('unspecified');
    expect(ds('A purchase does not constitute a sale of the underlying content.')).toBe('unspecified');
    expect(ds('We will never sell your content to other platforms.')).toBe('prohibited');
  });
  it('an instruction to the user binds the user', () => {
    expect(ds('Illegal activities: Do not use the forums to promote illegal activities.')).toBe('unspecified');
    // The title of a privacy link is no instruction: the refusal after it stands.
    expect(ds('Do Not Sell My Personal Data: We do not sell personal data to third parties.')).toBe('prohibited');
  });
  it('"list" is data only as a list of people', () => {
    expect(ds('If you are a retailer not selling your own brands, you may list items for sale in our ads.')).not.toBe('prohibited');
    expect(ds('We do not sell or rent our mailing lists.')).toBe('prohibited');
  });
});

describe('offshore processing: a place is a destination only when data moves to it', () => {
  const off = (text: string) => factOf('offshore_processing', text);
  it('a place named for a licence, a law or people is no destination', () => {
    expect(off('You hold all rights to license your content in each territory where you have fans, including in Canada.')).toBe('unspecified');
    expect(off('If you are a resident in the UK, please see Section 12 for the legal bases of our processing of personal data.')).toBe('unspecified');
  });
  it('a place reached by a movement of data is one', () => {
    expect(off('Your personal data may be stored on servers in Canada.')).toBe('yes');
    expect(off('We use hosting services which may be located in India.')).toBe('yes');
    // Every place of the clause is looked at, not only the first one.
    expect(off('If you are a resident in the UK, your personal data is stored on servers in India.')).toBe('yes');
  });
});
