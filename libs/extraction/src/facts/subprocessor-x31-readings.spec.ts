import { loadMarkdown } from '../loaders/markdown-loader.js';
import { analyseText, viewPrefix } from '../text/sentences.js';
import { readDefinitions } from '../clauses/definitions.js';
import { sortedSubprocessorNames, subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;
const vendorNamesOf = (md: string): string[] => {
  const doc = loadMarkdown(md);
  const a = analyseText(doc.text, doc.sections);
  return readDefinitions(viewPrefix(a, 60_000), a.sentences[0]?.view, a.sentences, []).vendorNames;
};

// Readings added after ota-fresh30/31 were first read (issue 7): each case failed before its reading.
describe('who the document is about, for the names it gives', () => {
  it('does not take a defined term after "hereinafter" as a name of the vendor', () => {
    const md = '# Use of Cookies\n\nQuillo is very concerned about respecting your privacy and invites you to read this document (hereinafter "the Policy").\n\nThe Quillo app, available on the Grapple Play Store (hereinafter, "the Application"), sets trackers that collect details on your device (hereinafter, "User Details"). These user details are kept.';
    const v = vendorNamesOf(md);
    expect(v).toContain('Quillo');
    expect(v).not.toEqual(expect.arrayContaining(['Grapple Play Store']));
    expect(v.some((n) => /Policy|Application|User Details/.test(n))).toBe(false);
  });

  it('keeps a brand a "hereafter" parenthesis gives the vendor, and "we/our"', () => {
    expect(vendorNamesOf('# Terms\n\nSendmail SAS, a company registered in Paris (hereafter "Brevo") operates the service at [www.brevo.com](https://www.brevo.com).')).toContain('Brevo');
    expect(vendorNamesOf('# Privacy\n\nWe, Hygraph GmbH, Berlin, Germany (hereinafter "we/our"), take data protection seriously.')).toContain('Hygraph GmbH');
  });

  it('does not take a question opening the title as the vendor', () => {
    expect(vendorNamesOf('# How Cookies are used by Wide Lens\n\nThe site uses cookies.')).not.toContain('How');
  });

  it('does not take a frequent third-party brand as the vendor when the document names its own site by another domain', () => {
    const md = [
      '# Cookie Policy',
      'widelens.com puts small files onto your computer. By continuing to use this website (widelens.com) you agree to this cookie policy.',
      '## How cookies are used by Wide Lens',
      '## Google Analytics',
      'We use Google Analytics software to collect information about how you use widelens.com. Google Analytics stores information about the pages you visit. Google Analytics sets cookies. Google Analytics reports to us.',
      '## Google',
      'Google advertising cookies are set. Google uses them. Google links devices. Google stores preferences. Google maps are shown.',
    ].join('\n\n');
    expect(vendorNamesOf(md)).not.toContain('Google');
    expect(names(md)).toContain('Google Analytics');
  });

  it('keeps the frequent brand as the vendor when its site\'s domain spells no name the document writes', () => {
    const brand = Array.from({ length: 10 }, (_, i) => `Brightfield ${['collects', 'stores', 'keeps', 'sends', 'deletes'][i % 5]} your notes.`).join(' ');
    const md = `# Privacy Policy\n\n${brand}\n\nBy using this website (bfnotes.com) you agree to this policy.\n\nWe share your information with Brightfield Labs for support. We use Stripe to process payments.`;
    expect(vendorNamesOf(md)).toContain('Brightfield');
    expect(names(md)).toEqual(['Stripe']);
  });
});

describe('names in cookie and tracker tables', () => {
  const table = [
    '# Trackers',
    'Quillo is very concerned about respecting your privacy.',
    '## Technical needs',
    'Certain Trackers are specific to the Application.',
    '|     |     |     |',
    '| --- | --- | --- |',
    '| **Tracker name** | **Company/partner name** | **Purpose** |',
    '| **Callio** | Callio | FUNCTIONAL Needed to make a video call with another user. |',
    '| **quillsight** | Quillo | FUNCTIONAL Needed to provide the service. |',
    '| **Tunely** | Tunely | FUNCTIONAL Collects musical preferences when users consented to Tunely sharing these preferences with Quillo. |',
    '| **Sign in with Pear** | Pear | FUNCTIONAL Enables subscription Sign-in with Pear |',
    '',
  ].join('\n');

  it('reads a "Company/partner name" column of a tracker table, without the vendor, a sign-in or a party sharing with the vendor', () => {
    expect(names(table)).toEqual(['Callio']);
  });

  it('reads a platform in a cookie table\'s company column as a tracker, not as a platform the vendor has a page on', () => {
    const md = ['# Cookies', '', '| Cookie name | Company | Domain | Purpose |', '| --- | --- | --- | --- |', '| \\_fbp | Facebook | quillo.com | Measures audience statistics on the Website. |', ''].join('\n');
    expect(names(md)).toEqual(['Facebook']);
  });

  it('does not read a platform in a cookie table\'s company column when the row says the cookie holds no personal data', () => {
    const md = ['# Cookies', '', '| Cookie name | Company | Purpose |', '| --- | --- | --- |', '| fr | Facebook | This cookie holds no personal information. |', ''].join('\n');
    expect(names(md)).toEqual([]);
  });
});

describe('names in prose', () => {
  it('reads "share with X" when the data follows the names', () => {
    expect(names('# Privacy\n\nWhen you enter your email address, we may share with Rampline and its group companies information that we collect from you, such as your email.')).toEqual(['Rampline']);
    expect(names('# Privacy\n\nIf you use our chatbot payment, we will share with Fooface Pay or any other linked payments provider the following information: your name.')).toEqual([]);
    expect(names('# Privacy\n\n**Sharing with Managed Accounts and Administrators:** If you created an account with your corporate email, we may share your data with your company.')).toEqual([]);
  });

  it('reads a social button of any kind word, not a sign-in button', () => {
    expect(names('# Third Party Services\n\nThe Platform includes Social Media Features, such as the Fooface Link button and Widgets. These features may collect your IP address.')).toEqual(['Fooface']);
    expect(names('# Third Party Services\n\nThe Platform includes Social Media Features, such as the Fooface Sign-In button. These features may collect your IP address.')).toEqual([]);
  });

  it('reads the examples of a kind the vendor shares data with after collecting it', () => {
    expect(names('# Payments\n\nWe collect your information and share it with the third-party service for processing (such as Paystride).')).toEqual(['Paystride']);
    expect(names('# Content\n\nWe also appreciate that End Users may wish to record their gameplay and share it with the Community or through video streaming services such as Streamly.')).toEqual([]);
  });

  it('does not read examples of a kind of account the user links', () => {
    const item = (after: string) => `# Other sources\n\n1. **Social Media Platforms and Other Third-Party Services:**\n    \n    (Social media platforms include Fooface. Third-party services include Quillpay and Nookly.)\n    \n    ${after}\n`;
    expect(names(item('You can link your social media or other third-party account to our service. By linking the services, you authorize us to collect information they give us.'))).toEqual([]);
    // Without the linking, the examples of the provider noun are read as before.
    expect(names(item('We describe them below.'))).toEqual(['Quillpay', 'Nookly']);
  });

  it('reads a big platform the vendor uses to serve ads, or shows its ads through, or to which information is shared', () => {
    expect(names('# Advertising\n\nFor example, we use Google to serve ads on our services.')).toEqual(['Google']);
    expect(names('# Advertising\n\nFor example, when we build an audience to serve you our ad through Facebook, you can opt out.')).toEqual(['Facebook']);
    expect(names('# Android\n\nIf you use the Android Application, any information provided by you via the Android Application may be shared with Google in connection with the Google Functionality.')).toEqual(['Google']);
    expect(names('# Analytics\n\nYou may prevent usage data from being transmitted to Google if you install the plugin.')).toEqual([]);
  });

  it('reads a short name the text gives a company with its legal suffix as that company', () => {
    expect(names('# Apps\n\nOur apps are available via the Google Inc. ("Google") store. Any information provided by you may be shared with Google.')).toEqual(['Google Inc.']);
  });
});

// Precision on unlabelled documents (name-audit-sample seed 77): a sign-in source given as a direct object, an ordinal.
describe('names that are no recipients', () => {
  it('does not read services the user accesses to log in, given as the verb\'s direct object', () => {
    expect(names('# Collection\n\nIn addition, if you access third-party services, such as Fooface, Quillbook, or Chirper, from our sites or apps, to log into our sites or apps, we may collect information from these third-party services.')).toEqual([]);
  });

  it('does not read an ordinal as a name', () => {
    expect(names('# Scope\n\nAny services hosted by 3rd party providers and services are excluded from scope.')).toEqual([]);
  });
});

describe('the vendor\'s group', () => {
  const md = [
    '# Privacy',
    '',
    '* If you are a user located in the EEA: **Quill Europe B.V.,** a Dutch company, located at Main Street 1, Amsterdam, will be your data controller; and',
    '* If you are a user located outside of the EEA: **Quill International Pte. Ltd.**, a Singaporean company, will be your data controller.',
    '',
    '# Who do we share your data with?',
    '',
    '* **related group companies.** We share your Personal Information within our group of companies. These related group companies include Quill Europe B.V. (located in the Netherlands), Quill International Pte. Ltd. (located in Singapore) and, to provide customer support services, Quill Malaysia Sdn. Bhd. (located in Malaysia).',
    '',
  ].join('\n');

  it('reads the group companies a sentence enumerates after sharing with the group, without the residence-based controllers', () => {
    expect(sortedSubprocessorNames(md)).toEqual(['Quill Malaysia Sdn. Bhd.']);
  });

  it('does not read the subsidiaries a sentence enumerates when "we" takes in the subsidiaries', () => {
    const group = [
      '# Privacy',
      '',
      'Rollwave, Inc. and its subsidiaries and affiliates (“we”, “our” or “us”) offer marketing services.',
      '',
      '* **With our subsidiaries:** Our subsidiaries will only process your data for the purposes explained here. Our subsidiaries are Rollwave Limited (Ireland), Adwave Limited (UK) and Rollwave Pty Limited (Australia).',
      '',
    ].join('\n');
    expect(sortedSubprocessorNames(group)).toEqual([]);
  });
});
