import { factOf } from '../testing/fact-of.js';
import { factContext } from '../extract-facts.js';
import { loadMarkdown } from '../loaders/markdown-loader.js';
import { homeRegion } from './offshore-home.js';

const off = (text: string) => factOf('offshore_processing', text);

// A British or French vendor's policy with a US-state supplement: the supplement's words (California, CCPA) say where some
// users are, not where the vendor is, so "outside the UK and the EEA" is outside the vendor's home region (README).
const ccpaPart = [
  '## Privacy Notice for California Residents',
  '',
  'If you are a California resident, the California Consumer Privacy Act (CCPA) gives you additional rights. California law defines personal information broadly. Under the CCPA you may ask what we hold. Residents of California may also opt out of sharing.',
].join('\n');

describe('offshore_processing: the home region of a European vendor with a US-state supplement', () => {
  it('a British vendor processing data outside the UK and the EEA is offshore', () => {
    const text = [
      '# Privacy Policy',
      '',
      'Acme Media Limited is the controller of your data. You can reach our Data Protection Officer at any time. We rely on the UK GDPR and the GDPR for our lawful bases. You may complain to a supervisory authority, in the UK the Information Commissioner.',
      '',
      '## Where we process your data',
      '',
      'We operate a global business, so your personal information may be processed and stored outside the UK and the European Economic Area.',
      '',
      ccpaPart,
    ].join('\n');
    expect(off(text)).toBe('yes');
  });
  it('a French vendor whose only American words are a CCPA aside for California residents', () => {
    const text = [
      '# Privacy Policy',
      '',
      'In accordance with the General Data Protection Regulation (GDPR) and the California Consumer Privacy Act, Xandor processes your data. You may complain to the CNIL, or to the CCPA if you are a California resident. Our data protection officer answers requests.',
      '',
      '## Is your data transmitted outside of the European Union?',
      '',
      'The data that Xandor collects about you is potentially transmitted outside of the European Union.',
    ].join('\n');
    expect(off(text)).toBe('yes');
  });
});

describe('offshore_processing: a transfer abroad as the subject of a refusal', () => {
  it('"Transmission to third countries … will not take place" confines; with "unless" it allows the transfer', () => {
    expect(off('Acme GmbH processes your data. Transmission of your data to third countries outside the EU/EEA will not take place.')).toBe('no');
    expect(off('Acme GmbH processes your data. Transmission to third countries outside the EU/EEA will not take place unless we have been given reasonable guarantees.')).toBe('yes');
  });
});

// The home region as the bench reads a Markdown policy (loader sections with their levels).
function homeOf(md: string): ReturnType<typeof homeRegion> {
  const doc = loadMarkdown(md);
  return homeRegion(factContext(doc.text, { sections: doc.sections }).ctx);
}
const steps = Array.from({ length: 8 }, (_, i) => `We explain here how each of your requests is handled, in plain words, step ${i + 1} of the process.`).join(' ');
const usOwn = '# Privacy Policy\n\nAcme is based in the United States and follows applicable state laws. We store all personal data on servers located in the United States.';
const europePart = `## Information for individuals in Europe\n\nThe GDPR applies to our processing of your personal data. The GDPR gives you the right of access and the right to erasure. You may lodge a complaint with the supervisory authority of your Member State. Our data protection officer can be contacted about any GDPR request. We rely on standard contractual clauses when personal data leaves the EEA. ${steps}`;
const californiaPart = '## California privacy rights\n\nThe CCPA gives California consumers more rights. The CPRA adds a right to correct. Under the CCPA you may opt out of sales. California consumers may use an authorized agent. The CCPA forbids discrimination. California consumers may ask what we hold.';

describe('offshore_processing: the home region of an American vendor with a long section for Europeans', () => {
  it('a section for individuals in Europe over half the policy is still addressed to them: the vendor stays American', () => {
    expect(homeOf([usOwn, europePart, californiaPart].join('\n\n'))).toBe('us');
    expect(homeOf([usOwn, californiaPart, europePart].join('\n\n'))).toBe('us');
  });
  it('one part for EEA users holding the whole policy titles it: the vendor stays European', () => {
    const eea = '# Privacy notice for users in the EEA\n\nAcme processes your personal data under the GDPR. You may complain to the supervisory authority of your Member State. Our data protection officer answers requests. The GDPR gives you rights in the European Union. We may transfer your personal data outside the EEA.\n\n## Your rights\n\nYou can ask for access under the GDPR.';
    expect(homeOf([eea, californiaPart].join('\n\n'))).toBe('eu');
  });
});

describe('offshore_processing: a refusal of some transfers abroad only is no confinement', () => {
  it('transfers to third countries refused only where protection is lacking, or on a condition', () => {
    expect(off('Acme GmbH processes your data. Transmission of your data to third countries that do not offer an adequate level of protection will not take place.')).not.toBe('no');
    expect(off('Acme GmbH processes your data. Transmission to third countries will not take place if no adequacy decision exists.')).not.toBe('no');
    // The plain refusal still confines.
    expect(off('Acme GmbH processes your data. Transmission to third countries does not take place and is not planned.')).toBe('no');
  });
});

describe('offshore_processing: a section under one region\'s law is addressed to its residents, on either side', () => {
  it('a British vendor with a "U.S. State Laws" section and a "UK GDPR" section stays European', () => {
    const md = [
      '# Privacy Policy',
      `Acme Media is the controller of your data. You can reach our Data Protection Officer, or complain to the Information Commissioner. ${steps}`,
      '## Your rights under certain U.S. State Laws',
      'Some U.S. states, such as California, give residents rights under the CCPA and similar laws of other U.S. states.',
      '## Your rights under the UK GDPR',
      'The UK GDPR and the EU GDPR give you the right of access. Under the GDPR you may object. The GDPR lets you ask for erasure. A supervisory authority hears complaints, and a Member State authority may too. The GDPR applies in the European Union and the EEA. The Data Protection Act 2018 and the GDPR also apply.',
    ].join('\n\n');
    expect(homeOf(md)).toBe('eu');
  });
});
