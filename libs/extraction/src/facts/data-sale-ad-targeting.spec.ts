import { factOf } from '../testing/fact-of.js';

/**
 * data_sale_or_marketing (issue 7): advertising chosen by the person's data named by its verb or as "advertisements",
 * and promotions listed among the messages the vendor sends. Sentences written for the project.
 */
const sale = (text: string) => factOf('data_sale_or_marketing', text);

describe('data_sale_or_marketing: targeting named by its verb', () => {
  it('personalising or customising the ads shown to the person is targeted advertising', () => {
    expect(sale('We use this information to customize the content and advertising shown to you on our apps.')).toBe('allowed');
    expect(sale('Acme may use your listening history to personalise the ads you hear.')).toBe('allowed');
  });
  it('"targeted advertisements" reads as "targeted ads"', () => {
    expect(sale('Acme and its partners may use your posts to create targeted advertisements.')).toBe('allowed');
  });
  it('wins over a refused sale elsewhere (what the vendor may do counts)', () => {
    expect(sale('We will not sell your personal information to third parties. We use it to tailor the advertising you see on our website.')).toBe('allowed');
  });
  it('the person as the object of targeting, or of the ads offered, is targeted advertising', () => {
    expect(sale('Ad networks may place these cookies to learn what visitors like and target them with ads on other websites.')).toBe('allowed');
    expect(sale('We use these cookies to offer you advertisements that match your interests.')).toBe('allowed');
  });
  it('not a product offered to businesses, nor a campaign targeted', () => {
    expect(sale('We offer advertising services to businesses of every size.')).toBe('unspecified');
    expect(sale('Our sales team can help you target campaigns with ads in several languages.')).toBe('unspecified');
  });
  it('"advertising" offered to the person is a product or its absence, not ads shown on their data', () => {
    expect(sale('We offer you advertising services to promote your business to our users.')).toBe('unspecified');
    expect(sale('We offer users an advertising-free version of the app for a monthly fee.')).toBe('unspecified');
    expect(sale('We offer users ads-free browsing for a monthly fee.')).toBe('unspecified');
  });
  it('a refused targeting or offer of ads is no permission', () => {
    expect(sale('We do not target you with ads.')).toBe('unspecified');
    expect(sale('We do not allow advertisers to target you with ads based on your health information.')).toBe('unspecified');
    expect(sale('We will not offer you advertisements based on your browsing.')).toBe('unspecified');
  });
  it('not the person\'s own ad settings, nor a refused personalisation', () => {
    expect(sale('You can customize your ads preferences at any time in your account.')).toBe('unspecified');
    expect(sale('We do not personalize advertising based on your browsing.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: promotions among the messages the vendor sends', () => {
  it('messages sent by the vendor "including … promotional messages" are marketing, "not limited to" negating nothing', () => {
    expect(sale('The service includes text messages sent by Acme including, but not limited to, reminders and promotional messages.')).toBe('allowed');
    expect(sale('Your details may be used for communicating with you about the service, including about new features and promotions.')).toBe('allowed');
  });
  it('messages whose listed contents hold no promotion are not marketing', () => {
    expect(sale('The service includes text messages sent by Acme including, but not limited to, reminders and security codes.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: who personalises the ads', () => {
  it('the person choosing their own ads is no use of their data by the vendor', () => {
    expect(sale('You can personalize your ads in your account settings.')).toBe('unspecified');
    expect(sale('Users can personalise the advertising they see in the app.')).toBe('unspecified');
    expect(sale('The Ad Center lets you customize the ads you see.')).toBe('unspecified');
  });
  it('another company personalising ads on its own is its act, not the vendor\'s', () => {
    expect(sale('Third parties may personalise ads on their own sites based on their own data.')).toBe('unspecified');
    expect(sale('Advertisers may tailor advertisements on their websites.')).toBe('unspecified');
  });
  it('the vendor personalising stays targeting, the person named only as whom the ads reach', () => {
    expect(sale('We may personalize the ads you see based on your activity.')).toBe('allowed');
    expect(sale('Your information helps us tailor the advertising you see.')).toBe('allowed');
  });
});

describe('data_sale_or_marketing: promotions in messages another party sends', () => {
  it('messages "sent by" advertisers, partners or other users are theirs', () => {
    expect(sale('Messages sent by advertisers, including promotions, are not our responsibility.')).toBe('unspecified');
    expect(sale('Emails sent by other users, including promotions, are their responsibility.')).toBe('unspecified');
    expect(sale('Messages sent by our retail partners, including promotional messages, follow their own terms.')).toBe('unspecified');
  });
});
