import { factOf } from '../testing/fact-of.js';

// False assurances found in review: readings that told a practice its data was safe when a careful reader would not.
// Each case pairs the review's counter-example (and a general variant of it) with a sentence that must still answer.

describe('offshore_processing: the vendor\'s home country is its nationality, never the law its terms choose', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('a governing-law clause does not make the named country home ground', () => {
    expect(off('These Terms are governed by the laws of England and Wales. Your data is stored in the UK and in India.')).toBe('yes');
    expect(off('These Terms are governed by the laws of England and Wales. Your data is stored on servers in the United Kingdom and the United States.')).not.toBe('no');
    expect(off('Acme Inc. is a Delaware corporation. If you are in Canada, these terms are governed by the laws of Canada. Your data may be stored in Canada.')).not.toBe('no');
    expect(off('Acme, Inc. provides the Service. This Agreement is governed by the laws of the Province of Ontario and the laws of Canada. Your records are hosted on servers in Canada.')).not.toBe('no');
  });
  it('every place in the clause is read: home ground first, a foreign place after it', () => {
    expect(off('Acme is a Canadian not-for-profit corporation. Your data is stored in Canada and in India.')).toBe('yes');
  });
  it('the vendor\'s own nationality still makes its country home ground', () => {
    expect(off('Acme is a Canadian not-for-profit corporation. Your data is stored on servers located in Canada.')).not.toBe('yes');
  });
});

describe('offshore_processing: "all data on our servers in the US" with access, support or backups beside it', () => {
  const off = (t: string) => factOf('offshore_processing', t);
  it('access by a global team or backups elsewhere do not confine the data', () => {
    expect(off('All customer data is hosted on our AWS servers located in the United States, and may be accessed by our global support team.')).not.toBe('no');
    expect(off('All data is stored on our primary servers located in the United States. Backups are kept by our disaster recovery provider.')).not.toBe('no');
    expect(off('All records are maintained on our production servers located in the United States.')).not.toBe('no');
    expect(off('All information is stored on our servers located in the United States and is accessible to our personnel worldwide.')).not.toBe('no');
  });
  it('all data on the vendor\'s own servers in the US, said of all data and nothing more, still confines it', () => {
    expect(off('All information you submit will be processed and maintained on our servers located within the United States.')).toBe('no');
    expect(off('All data is stored exclusively on our servers located in the United States.')).toBe('no');
  });
});

describe('baa_offered: a BAA named as a precondition is an offer, and advice about public posting is no refusal', () => {
  const baa = (t: string) => factOf('baa_offered', t);
  it('"do not upload PHI until you have signed our BAA" offers one', () => {
    expect(baa('We recommend that you do not upload PHI until you have signed our Business Associate Agreement.')).toBe('yes');
    expect(baa('You must not submit protected health information unless you have entered into a BAA with us.')).toBe('yes');
    expect(baa('You must not submit protected health information to the Service.')).toBe('no');
  });
  it('advice not to post health data in public places is not a refusal of a BAA', () => {
    expect(baa('Health data is a special category of data. We advise that you not post such information in public forums.')).toBe('unspecified');
    expect(baa('Please do not share medical information in your public profile; users should not post health information in reviews.')).toBe('unspecified');
    expect(baa('Health data is a special category of data. We recommend you do not add such information to the Service.')).toBe('no');
  });
});

describe('return_or_destroy_on_termination: kept until the account ends, then longer, is no deletion', () => {
  const rd = (t: string) => factOf('return_or_destroy_on_termination', t);
  it('keeping that goes on after the account ends is not a deletion at its end', () => {
    expect(rd('We retain your data until you delete your account, and afterwards for as long as we have a business need.')).not.toBe('yes');
    expect(rd('We keep some data until you delete your account, and some data for longer as described below.')).not.toBe('yes');
    expect(rd('We store your information until you close your account and thereafter as needed for our records.')).not.toBe('yes');
  });
  it('keeping up to the account\'s end only is still delayed deletion', () => {
    expect(rd('We keep your data until you delete your account.')).toBe('yes');
    expect(rd('We retain your information until you close your account, and thereafter only as required by law.')).toBe('yes');
  });
});

describe('record_ownership: the records, not third parties\' websites', () => {
  const own = (t: string) => factOf('record_ownership', t);
  it('not owning content on third-party websites says nothing about the customer\'s records', () => {
    expect(own('We do not own, control, or endorse any of the information or content on third-party websites.')).toBe('unspecified');
    expect(own('We do not own or control the content of linked sites or third-party links.')).toBe('unspecified');
    expect(own('We do not own, control, or make decisions about the submitted Personal Information.')).toBe('customer');
  });
  it('what the vendor disowns must be the customer\'s or users\' records, not any information it carries', () => {
    expect(own('We do not own or endorse any of the information or content provided by advertisers.')).toBe('unspecified');
    expect(own('We do not own any of the content you upload to the Service.')).toBe('customer');
  });
});
