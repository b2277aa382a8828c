import { subprocessorNames as names } from '../testing/subprocessor-names.js';

// Counter-examples from the review of the session's sub-processor rules (issue 7): each was read right before them.
const orbit = (heading: string, body: string): string => `# Orbit Privacy Policy\n\nOrbit Health Inc. ("Orbit", "we") provides the service.\n\n# ${heading}\n\n${body}`;

describe('examples of a kind of organisation: who uses them, and whether the sentence denies it', () => {
  it('does not read the tools of the customers or users as the vendor\'s providers', () => {
    expect(names(orbit('Integrations', 'Practices that use scheduling tools such as Calendly or Acuity can import their appointments into Orbit.'))).toEqual([]);
    expect(names(orbit('Integrations', 'Many clinics use practice-management platforms such as Kareo or DrChrono alongside Orbit.'))).toEqual([]);
  });

  it('does not read examples the vendor says it does not use or share data with', () => {
    expect(names('# Advertising\n\nWe never use ad-tech companies that track you across sites, such as Criteo or Taboola.')).toEqual([]);
    expect(names('# Advertising\n\nWe do not share your data with marketing platforms that build advertising profiles, such as Acxiom.')).toEqual([]);
    expect(names('# Sharing\n\nWe do not share your personal information with advertising companies such as Criteo or Taboola.')).toEqual([]);
    // The older reading after a provider noun or a verb: the same denial.
    expect(names('# Advertising\n\nUnlike many apps, we do not rely on advertising platforms such as Google Ads or Meta Ads.')).toEqual([]);
    expect(names('# Sharing\n\nWe never share your health data with analytics companies such as Mixpanel or Amplitude.')).toEqual([]);
    expect(names('# Sharing\n\nWe do not use third-party analytics tools, such as Mixpanel or Amplitude, on this site.')).toEqual([]);
    // A denial with an exception names the recipients all the same.
    expect(names('# Sharing\n\nWe do not share your personal information with anyone except service providers such as Stripe.')).toEqual(['Stripe']);
  });

  it('does not read the vendor\'s own services or authorities as recipients', () => {
    expect(names(orbit('Our services', 'We provide premium services, such as HealthCoach Plus and SleepWell, to registered members.'))).toEqual([]);
    expect(names('# Sharing\n\nWe disclose information to third parties, such as Federal and State Agencies, when the law requires it.')).toEqual([]);
  });

  it('still reads examples the vendor shares data with', () => {
    expect(names('# Sharing\n\nWe may share your information with third parties, such as Stripe, who process payments for us.')).toEqual(['Stripe']);
    expect(names('# Sharing\n\nWe may share your data with service providers that process payments for us, for example Stripe.')).toEqual(['Stripe']);
  });
});

describe('the provider column of a cookie table: the same row checks as a row read by its policy link', () => {
  const table = (rows: string[]): string => ['# Cookies', '', '| Cookie | Set by | Purpose |', '| --- | --- | --- |', ...rows, ''].join('\n');

  it('does not read a row that says its cookie holds no personal information, nor the site\'s owner', () => {
    expect(names(table(['| _hjid | Hotjar | Heatmaps. This cookie does not collect any personal information. |']))).toEqual([]);
    expect(names(table(['| _session | Website owner | Keeps you signed in. |']))).toEqual([]);
    expect(names(table(['| _session | Website owner | Keeps you signed in. |', '| lang | Us | Remembers your language. |', '| _hjid | Hotjar | Heatmaps. This cookie does not collect any personal information. |', '| _ga | Statwise | Analytics. |']))).toEqual(['Statwise']);
  });
});

describe('a provider said to receive anonymous or aggregated data: dropped only when that is all it receives', () => {
  it('keeps a provider another name shares a word with, or that gets identifiers besides', () => {
    expect(names('# Hosting\n\nWe use Amazon Web Services to host our servers and your account records. Amazon may also receive aggregated usage data about the service.')).toEqual(['Amazon Web Services']);
    expect(names('# Analytics\n\nWe use Mixpanel to understand how you use the app. Mixpanel receives aggregated usage information and device identifiers.')).toEqual(['Mixpanel']);
    expect(names('# Analytics\n\nWe use Statwise to understand how you use the app. Statwise may also receive aggregated usage statistics.')).toEqual(['Statwise']);
  });

  it('still drops a provider said to get only aggregated data', () => {
    expect(names('# Analytics\n\nWe use Statwise to understand how you use the app. Statwise receives only aggregated usage statistics.')).toEqual([]);
  });
});

describe('a name before a kind of product ("the X platform"): a provider only when shown as an organisation', () => {
  it('does not read the vendor\'s own product', () => {
    expect(names(orbit('Data', 'Your readings are processed by the Smart Triage service, our in-house engine.'))).toEqual([]);
    expect(names(orbit('Data', 'Your readings are processed by the Care Insights platform before your clinician sees them.'))).toEqual([]);
  });

  it('reads the brand the document names as an organisation elsewhere', () => {
    expect(names(orbit('Data', 'Your readings are processed by the Care Insights platform. Care Insights Ltd stores them in Ireland.'))).toEqual(expect.arrayContaining([expect.stringMatching(/^Care Insights/)]));
    // One works with another party, not with one's own product.
    expect(names('# Marketing\n\nWe work with the Adsmith network for the purposes of affiliate marketing.')).toEqual(['Adsmith']);
  });
});

describe('a quoted name after a verb of using it', () => {
  it('is not a provider when a kind of technique or feature follows it', () => {
    expect(names("# Cookies\n\nWe use 'Session Replay' technology to understand how visitors navigate the site.")).toEqual([]);
    expect(names('# Cookies\n\nWe use “Smart Resume” functionality to remember where you stopped.')).toEqual([]);
  });

  it('is still read inside the quotes otherwise', () => {
    expect(names('# Wi-Fi\n\nWe use ‘Airlink Wireless’ to provide the Wi-Fi in our stores.')).toEqual(['Airlink Wireless']);
  });
});

describe('review of the tenth session: a device is no company', () => {
  it('"PC" without dots is the computer, not a professional corporation', () => {
    expect(names('# Sharing\n\nOur service providers process the data collected by the Acme desktop app on your Windows PC.')).toEqual([]);
  });
});
