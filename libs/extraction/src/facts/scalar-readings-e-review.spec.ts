import { factOf } from '../testing/fact-of.js';

// Review of the twenty-first session's scalar readings (scalar-readings-e.spec.ts): sentences a careful reader reads
// otherwise than those rules did. Each failed on the merged rules before the fix beside it.

describe('ai_training: "without your consent" excepts the training only when it is the training\'s own exception', () => {
  const ai = (t: string) => factOf('ai_training_on_customer_data', t);
  it('consent as the exception of another act joined after the refusal leaves the refusal plain', () => {
    expect(ai('We do not use your data to train our AI models, and we will not share it with third parties without your consent.')).toBe('prohibited');
    expect(ai('We never use your content to train machine learning models or disclose it to anyone without your permission.')).toBe('prohibited');
    expect(ai('We do not train our models on your data, nor do we share your data with anyone without your consent.')).toBe('prohibited');
    expect(ai('We do not use your content to train AI models; we will not disclose it without your consent.')).toBe('prohibited');
    expect(ai('We do not use Customer Data to train AI models or process it for any other purpose without Customer\'s documented instructions.')).toBe('prohibited');
  });
  it('the training\'s own exception, with its object and a second training verb between, is still opt_in', () => {
    expect(ai('We will not use your voice notes to train or improve our AI models without your explicit consent.')).toBe('opt_in');
    expect(ai('Acme does not use chat transcripts to train AI models and machine learning algorithms without the prior consent of the account holder.')).toBe('opt_in');
  });
});

describe('subcontractor_flowdown: a provider required under a legal agreement is bound', () => {
  const flow = (t: string) => factOf('subcontractor_flowdown', t);
  it('"required under legally binding contracts", "pursuant to a legal agreement" are the vendor\'s contracts, not the law', () => {
    expect(flow('Our subprocessors are required under legally binding contracts to use personal data only for the purposes of providing services to us and to keep it confidential.')).toBe('yes');
    expect(flow('Our vendors are required pursuant to a legal agreement with us to keep your information confidential and to use it solely for providing services to us.')).toBe('yes');
  });
  it('the law with a contract beside it binds the providers by the contract', () => {
    expect(flow('Our subprocessors are required by law and by contract to keep your data confidential and to use it only for the purposes we specify.')).toBe('yes');
    expect(flow('Service providers are required under law and under contract to protect your data and to use it only on our instructions.')).toBe('yes');
  });
  it('the law or a legal demand compelling the vendor still binds no provider', () => {
    expect(flow('We may disclose account records to third parties to the extent required under our statutory obligations or pursuant to a legal process.')).toBe('unspecified');
  });
});

describe('record_ownership: the user\'s warranty ends where a clause of its own begins', () => {
  const own = (t: string) => factOf('record_ownership', t);
  it('an ownership statement joined after the warranty, with its own subject, still names the owner', () => {
    expect(own('You represent and warrant that you have obtained all necessary consents from your clients, and we agree that you own all client records you upload.')).toBe('customer');
    expect(own('You hereby represent and warrant that your Content complies with these Terms, and you will continue to own all of your Content.')).toBe('customer');
  });
  it('"owned by you" as what the vendor disclaims any claim to still names the owner', () => {
    expect(own('We do not claim ownership of any data owned by you.')).toBe('customer');
    expect(own('Acme does not claim any intellectual property rights in content owned by you.')).toBe('customer');
  });
  it('"owned by you" describing what the user may post names no owner', () => {
    expect(own('You may only post content owned by you, content you have permission to post, and content in the public domain.')).toBe('unspecified');
  });
  it('what follows "that" inside the warranty is still warranted', () => {
    expect(own('You represent and warrant that your uploads are original, and that you own all rights in them.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: an industry code named a code of conduct or a recommendation', () => {
  const sale = (t: string) => factOf('data_sale_or_marketing', t);
  it('the code\'s name is no use of data', () => {
    expect(sale('Our partners adhere to the NAI Code of Conduct for interest-based advertising.')).toBe('unspecified');
    expect(sale('We comply with the EASA Best Practice Recommendation on Online Behavioural Advertising.')).toBe('unspecified');
  });
  it('a use beside the code still counts', () => {
    expect(sale('We follow the NAI Code of Conduct for interest-based advertising and use your browsing history to show you interest-based ads.')).toBe('allowed');
  });
});
