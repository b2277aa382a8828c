import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: providers contractually bound to the vendor\'s instructions or standard', () => {
  it('a processing agreement that confines a provider to the vendor\'s instructions', () => {
    expect(flow('We have concluded a data processing agreement with this provider, which ensures that the data is processed only according to our instructions.')).toBe('yes');
  });
  it('"agreements that oblige those parties" to process on instructions, whoever they were called before', () => {
    expect(flow('We may provide information to trusted businesses for processing on our behalf. When this is done, it is subject to agreements that oblige those parties to process such information only on our instructions and in compliance with this Privacy Policy.')).toBe('yes');
  });
  it('the companies of the vendor\'s group held to the same commitment', () => {
    expect(flow('Vodafone Group ensures that all Vodafone companies maintain the same privacy commitment and that appropriate safeguards are in place.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: instructions without a contract, and other parties\' own providers', () => {
  it('a factual claim that providers follow instructions is not a binding', () => {
    expect(flow('Our processors only process your personal data according to our instructions.')).toBe('unspecified');
  });
  it('another party required to bind its own providers', () => {
    expect(flow('In such case the fleet company shall be required to ensure that its employees and service providers conform to the requirements of these General Terms.')).toBe('unspecified');
  });
  it('a group claim without the vendor\'s own standard', () => {
    expect(flow('All Vodafone companies may receive your data.')).toBe('unspecified');
  });
});
