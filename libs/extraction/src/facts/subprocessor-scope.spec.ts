import { subprocessorNames } from '../testing/subprocessor-names.js';

const names = subprocessorNames;

describe('sub-processors in numbered lists whose markers stand apart', () => {
  // Converted pages pad "1." with spaces; the sentence splitter then cuts the marker from its entry.
  const ads = '# Third-party policies\n\nThird parties we use for advertising:\n\n1.  [Bidstream](https://bidstream.example/privacy)\n2.  [Adwhirl](https://adwhirl.example/privacy)\n3.  [Rubiq](https://rubiq.example/privacy)\n4.  [Sovra](https://sovra.example/privacy)\n5.  [tRealBid](https://trealbid.example/privacy)\n';

  it('reads every entry of a list of the third parties the vendor uses, however long', () => {
    expect(names(ads)).toEqual(expect.arrayContaining(['Bidstream', 'Adwhirl', 'Rubiq', 'Sovra', 'tRealBid']));
  });

  it('does not read the list of sign-in providers that follows', () => {
    const md = `${ads}\nThird parties we use for logging in:\n\n1.  [Facelink](https://facelink.example/privacy)\n2.  [Keyfob](https://keyfob.example/privacy)\n`;
    const out = names(md);
    expect(out).toEqual(expect.arrayContaining(['Bidstream', 'Sovra']));
    expect(out).not.toContain('Facelink');
    expect(out).not.toContain('Keyfob');
  });
});

describe('the vendor itself under the name of the entity behind the document', () => {
  it('is not a recipient where the policy says it applies to that entity or that it was renamed', () => {
    const md = '# Who we are\n\nThis Privacy Policy applies to Quillon Holding Co. (formerly Adverra Inc.), a corporation registered in Delaware.\n\n# Sharing\n\nWe disclose data to Quillon Holding Co. and to our hosting provider Nimbusflare Inc. to run the service.\n';
    const out = names(md);
    expect(out).toEqual(expect.arrayContaining([expect.stringMatching(/^Nimbusflare/)]));
    expect(out.some((n) => n.startsWith('Quillon'))).toBe(false);
  });

  it('is not a recipient where the product is a project of it, while its parent still is', () => {
    const md = '# About\n\nThis notice is for Mailwing distributed by Kestrel Technologies Corporation.\n\n# Disclosure\n\nKestrel Technologies Corporation, a subsidiary of Heron Foundation, shares infrastructure with it, so your data may be disclosed to Heron Foundation. Support requests are sent to Kestrel Technologies Corporation and to our provider Helpdeskly Inc.\n';
    const out = names(md);
    expect(out).toEqual(expect.arrayContaining(['Heron Foundation', expect.stringMatching(/^Helpdeskly/)]));
    expect(out.some((n) => n.startsWith('Kestrel'))).toBe(false);
  });

  it('leaves a third-party service "provided by" its own company a recipient', () => {
    const md = '# Disclosure\n\nWe use Mapline to show maps. This service is provided by Mapline LLC, and we send it your approximate location.\n';
    expect(names(md)).toEqual(expect.arrayContaining([expect.stringMatching(/^Mapline/)]));
  });

  it('does not read the sites a collective definition of the vendor covers', () => {
    const md = '# Privacy\n\nPresswerk websites (collectively "Presswerk.org" in this document) refer to sites hosted on Presswerk.org, CampWerk.org and bbWerk.org.\n\n# Sharing\n\nWe use Nimbusflare to host CampWerk.org and bbWerk.org; we share your data with Nimbusflare.\n';
    const out = names(md);
    expect(out).not.toContain('CampWerk.org');
    expect(out).not.toContain('bbWerk.org');
  });
});

describe('entries that do not receive personal data', () => {
  it('leaves out a listed provider whose entry says it collects no personal information', () => {
    const md = '# Sharing of personal information\n\nWe share persistent identifiers with the following service providers:\n\n- Nimbusflare: Serves the website.\n- Mathplay: Provides some of the games. Does not collect or store personal information, including persistent identifiers.\n- Statwise: Counts visits.\n';
    const out = names(md);
    expect(out).toEqual(expect.arrayContaining(['Nimbusflare', 'Statwise']));
    expect(out).not.toContain('Mathplay');
  });

  it('does not read what the user does in items after "when you:" as the vendor using a provider', () => {
    const md = '# Information we collect\n\nWe collect Personal Information about you when you:\n\n- Buy a vehicle from our dealers\n- Enroll in Starlink Assist and use Starlink Assist services\n';
    expect(names(md)).toEqual([]);
  });

  it('does not take a weekday for a name', () => {
    expect(names('# Contact\n\nOur support team uses Helpdeskly and is available Monday through Wednesday.')).not.toContain('Wednesday');
  });
});

describe('providers as titles: paragraphs set apart and subsection headings', () => {
  it('reads titles set apart as paragraphs after an intro that announces the providers', () => {
    const md = '# Payments\n\nThe payment processors we work with are:\n\nQuickpay or Coinstream:\n\nTheir Privacy Policy can be viewed at https://quickpay.example/privacy\n\nPaystride:\n\nTheir Privacy Policy can be viewed at https://paystride.example/privacy\n';
    expect(names(md)).toEqual(expect.arrayContaining(['Quickpay', 'Coinstream', 'Paystride']));
  });

  it('does not read such titles after an intro about something else', () => {
    const md = '# Your choices\n\nThe settings you can change are:\n\nNotifications:\n\nTurn e-mails on or off at any time.\n\nLocation:\n\nTurn location sharing on or off.\n';
    expect(names(md)).toEqual([]);
  });

  it('reads a subsection heading that names a provider of a section about the vendor using providers', () => {
    const md = '# 13. Analytics\n\nWe may use third-party Service Providers to monitor and analyze the use of our Service.\n\n## Statwise Analytics\n\nStatwise Analytics is a web analytics service that tracks and reports website traffic.\n';
    expect(names(md)).toContain('Statwise Analytics');
    // Without the sentence relating the vendor to providers, the heading is a topic.
    expect(names('# 13. Analytics\n\nThis section explains analytics.\n\n## Statwise Analytics\n\nStatwise Analytics is a web analytics service that tracks website traffic.\n')).toEqual([]);
  });

  it('does not read two words a PDF text layer glued together as a name', () => {
    expect(names('# Definitions\n\nWe may use the services of variousService Providers in order to process your data more effectively.')).toEqual([]);
  });
});

describe('trigger vocabulary of provider passages', () => {
  it('reads a provider named after a passive verb with an adverb', () => {
    expect(names('# Payment\n\nAcme does not collect banking data. Your bank details are collected and processed directly by Paystride.')).toContain('Paystride');
  });

  it('reads the party the vendor shares data with, the vendor being the subject', () => {
    expect(names('# Acme Privacy Policy\n\nTo increase transparency, Acme shares data about removal requests with Lumenix, which studies them.')).toContain('Lumenix');
    // The user sharing is not the vendor passing data on.
    expect(names('# Sharing\n\nThe user shares photos with Friendbook when they choose to.')).toEqual([]);
  });

  it('reads examples after web analytics and ad servers, and a provider list written as "Providers List:"', () => {
    expect(names('# Analytics\n\nWe may use third-party web analytics on our Services, such as Statwise or Flurrix.')).toEqual(expect.arrayContaining(['Statwise', 'Flurrix']));
    expect(names('# Ads\n\nWe also allow other third parties (e.g., ad networks and ad servers such as Clickbeam and others) to serve tailored ads on the Services.')).toContain('Clickbeam');
    expect(names('# Feature tools\n\nFeature Tool Providers List: Kanvo Labs Inc, which has its privacy policy at kanvo.example.')).toEqual([expect.stringMatching(/^Kanvo Labs Inc/)]);
  });

  it('reads examples of the organisations the vendor shares information with', () => {
    expect(names('# Sharing\n\nWhere you have consented, we may share your information with charitable services such as Helping Hands Ireland.')).toContain('Helping Hands Ireland');
  });

  it('does not read examples in a parenthesis when the clause before it passes no data', () => {
    expect(names('# Orders\n\nAcceptance may also be indicated via third parties (payment service providers like Quickpay), by activating the services.')).toEqual([]);
  });

  it('reads a big platform when the text names its ad network', () => {
    expect(names("# Ads\n\nAd clicks are managed by Microsoft's ad network, which has committed not to profile you.")).toContain('Microsoft');
    expect(names('# Sign-in\n\nYour account is managed by Microsoft when you sign in.')).not.toContain('Microsoft');
  });
});

describe('corporate names with lower-case words of another language', () => {
  it('reads the name from its start rather than from its last capitalised words', () => {
    const md = '# Service providers\n\nOur bank (Erste Kasse der oesterreichischen Sparbank AG, Hauptplatz 1, Wien) needs to receive the transaction information to process your payment.';
    const out = names(md);
    expect(out).toContain('Erste Kasse der oesterreichischen Sparbank AG');
    expect(out).not.toContain('Sparbank AG');
  });
});
