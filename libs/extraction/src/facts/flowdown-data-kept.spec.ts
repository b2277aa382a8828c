import { factOf } from '../testing/fact-of.js';

const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: the data given to providers kept to the vendor\'s own standard', () => {
  it('"it will be maintained in accordance with … this Privacy Notice" after the providers it goes to', () => {
    expect(flow('Hosting vendors help us run the app. Your records may be sent to these vendors from time to time. If so, they will be maintained in accordance with the commitments we make in this Privacy Notice.')).toBe('yes');
  });
  it('"we make sure that it is looked after as if we were handling it"', () => {
    expect(flow('We use service providers to process your information on our behalf.\n\nWe make sure that this information is looked after as if we were handling it directly.')).toBe('yes');
  });
});

describe('subcontractor_flowdown: what the data rule does not read', () => {
  it('a description of the policy\'s scope, not a commitment', () => {
    expect(flow('Hosting vendors help us run the app. Your records are processed in accordance with this Privacy Notice.')).toBe('unspecified');
  });
  it('"your information" in general, after a third party named for something else', () => {
    expect(flow('We shall not be liable to you or any third party for any termination of your account. Your information will be maintained and deleted in accordance with our Privacy Policy.')).toBe('unspecified');
  });
  it('no providers named before the data', () => {
    expect(flow('We collect your records when you sign up. If so, they will be maintained in accordance with the commitments we make in this Privacy Notice.')).toBe('unspecified');
  });
  it('kept to another party\'s standard', () => {
    expect(flow('Hosting vendors help us run the app. Your records may be sent to these vendors. If so, they will be maintained in accordance with the vendors\' own privacy policies.')).toBe('unspecified');
  });
});
