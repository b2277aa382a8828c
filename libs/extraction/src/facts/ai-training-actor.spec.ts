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
