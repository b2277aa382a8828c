import { factOf } from '../testing/fact-of.js';

const ai = (text: string) => factOf('ai_training_on_customer_data', text);

describe('ai_training_on_customer_data: the vendor training on customer data', () => {
  it('still reads the vendor\'s own use, and its refusals', () => {
    expect(ai('We may use your content to train our artificial intelligence models.')).toBe('allowed');
    expect(ai('We will not use your inputs to train our AI models.')).toBe('prohibited');
    expect(ai('You grant us a license to use Your Content to train AI and machine learning models.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: rules for the user or third parties are not the vendor\'s training', () => {
  it('the user barred from training on the vendor\'s services or materials', () => {
    expect(ai('You may not use the AI services, or data from the AI services, to create, train or improve any AI technology.')).toBe('unspecified');
    expect(ai('You will not, and will not allow any third party to, use any of Our Materials to develop or improve machine learning models.')).toBe('unspecified');
    expect(ai('Third parties accessing the Site are prohibited from using such Content to train artificial intelligence models.')).toBe('unspecified');
  });
  it('an item of a list of forbidden uses', () => {
    expect(ai('You agree not to:\n\n* copy or resell the Services;\n* use any data from the Site to develop or train any machine learning model.')).toBe('unspecified');
  });
  it('staff training next to machine learning used as a means', () => {
    expect(ai('We use machine learning to categorise queries, identify areas for improvement and support staff training.')).toBe('unspecified');
  });
});

describe('ai_training_on_customer_data: public data and pointers are not the customer\'s data', () => {
  it('training on publicly available data, and a pointer to another document', () => {
    expect(ai('We may collect information that is publicly available online or from other public sources to help train our AI models.')).toBe('unspecified');
    expect(ai('More information about AI processing and model-training is available in our Privacy Policy.')).toBe('unspecified');
  });
  it('the customer\'s data next to public data still counts', () => {
    expect(ai('We train our AI models on your content and on publicly available data.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: a control a few sentences after the use', () => {
  it('"If you don\'t want your content used in this way" after the training is opt_out; a control over something else is not', () => {
    expect(ai('We use your content to train our machine learning models. Content is stored securely. If you don\'t want your content used in this way, go to settings to change your preference.')).toBe('opt_out');
    expect(ai('We use your content to train our machine learning models. If you don\'t want to receive marketing emails, go to settings.')).toBe('allowed');
  });
});

describe('ai_training_on_customer_data: a control refused, or pointing at another use, is no control over the training', () => {
  const use = 'We use your content to train our machine learning models.';
  it('a refused control in the next sentence leaves the use allowed', () => {
    expect(ai(`${use} You cannot opt out of this use.`)).toBe('allowed');
    expect(ai(`${use} You may not opt out of this use.`)).toBe('allowed');
    expect(ai(`${use} There is no way to opt out of this use.`)).toBe('allowed');
    expect(ai(`${use} You won't be able to turn off this use.`)).toBe('allowed');
    expect(ai(`${use} It is not possible to opt out of this use.`)).toBe('allowed');
    // The refusal of someone else's control, after the user's, leaves the user's control.
    expect(ai(`${use} Users can opt out of this use, but administrators cannot.`)).toBe('opt_out');
  });
  it('"used in this way" after another use stated in between points at that use', () => {
    expect(ai(`${use} We also use your contact details to send you newsletters. If you don't want your data used for these purposes, unsubscribe via the link in each email.`)).toBe('allowed');
    expect(ai(`${use} We also share your email address with advertisers. If you do not want your email used in this way, contact us.`)).toBe('allowed');
    // Access by staff to the same data is no other purpose: the control still points back at the training.
    expect(ai(`${use} Our employees may access, review and use your content. If you don't want your content used in this way, go to settings.`)).toBe('opt_out');
  });
});
