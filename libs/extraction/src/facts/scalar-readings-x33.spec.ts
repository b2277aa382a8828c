import { describe, expect, it } from '@jest/globals';
import { factOf } from '../testing/fact-of.js';

// Readings from the develop sets' misses of the scalar facts where unseen recall is weakest (issue 7, session 33).

const own = (text: string) => factOf('record_ownership', text);

describe('record_ownership: what the vendor makes or collects itself beside content the customer keeps', () => {
  it('the vendor owning AI outputs or the usage data it collects leaves the customer owning its content', () => {
    expect(own('You retain any rights in prompts and other content you submit to our AI Features ("Inputs"). The Company owns all AI-generated content ("Outputs").')).toBe('customer');
    expect(own('You retain ownership of the copyright in Your Content. All data the Company collects ("Usage Data") about use of the Platform by you or others is the property of the Company.')).toBe('customer');
  });
  it('near miss: the vendor owning the content the customer submits still makes the answer shared', () => {
    expect(own('You retain ownership of the copyright in Your Content. All session notes you upload to the Platform are the property of the Company.')).toBe('shared');
  });
  it('alone, the vendor owning the data it collects is still read as the vendor\'s', () => {
    expect(own('All usage data we collect about your use of the Platform is the property of the Company.')).toBe('vendor');
  });
  it('records named as excluded from what the vendor owns are not owned by it', () => {
    expect(own('All intellectual property in or related to the Platform (including our software and logo, but excluding Your Content) is the property of the Company.')).toBe('unspecified');
    // Near miss: records the vendor owns with the exclusion elsewhere still read.
    expect(own('All session notes created on the Platform (excluding billing records) are the property of the Company.')).toBe('vendor');
  });
});

describe('record_ownership: data the customer collects is not the vendor\'s own', () => {
  it('"data you collect … is the property of the Company" beside content the customer keeps stays shared', () => {
    expect(own('You retain ownership of the copyright in Your Content. All data you collect through the Platform is the property of the Company.')).toBe('shared');
    // The collector is the customer's side whatever the modal or the word for its people.
    expect(own('You retain ownership of your Content. All data you may collect through the Platform is the property of the Company.')).toBe('shared');
    expect(own('You retain ownership of your Content. All records that clinicians collect through the Platform are the property of the Company.')).toBe('shared');
  });
  it('outputs that are the practice\'s records or come with its inputs are not the vendor\'s own', () => {
    expect(own('You retain ownership of your Content. All Outputs, including transcripts and clinical notes generated from your recordings, are the property of the Company.')).toBe('shared');
    expect(own('You retain all rights in your Inputs. The Company owns all Outputs and all Inputs.')).toBe('shared');
    expect(own('You retain ownership of your Content. All data the Company collects, including your health information, is the property of the Company.')).toBe('shared');
  });
});

const flow = (text: string) => factOf('subcontractor_flowdown', text);

describe('subcontractor_flowdown: the data kept "as if we were handling it", named in general', () => {
  it('"your personal information is looked after as if we were handling it" after the providers are named', () => {
    expect(flow('We use service providers to process your information on our behalf. We make sure that your personal information is looked after as if we were handling it directly.')).toBe('yes');
    // "Other companies" doing the work on the vendor's behalf are its providers, as third parties are.
    expect(flow('We often use other companies to process your personal information on our behalf. For example, sending you emails.\n\nWe make sure that your personal information is looked after as if we were handling it directly.')).toBe('yes');
  });
  it('near misses: no comparison with the vendor, or no providers named before', () => {
    expect(flow('We use service providers to process your information on our behalf. We make sure that your personal information is looked after carefully.')).toBe('unspecified');
    expect(flow('We make sure that your personal information is looked after as if we were handling it directly.')).toBe('unspecified');
  });
});

const le = (text: string) => factOf('law_enforcement_disclosure', text);

describe('law_enforcement_disclosure: a report to authorities that also hands over the user\'s data', () => {
  it('"report … to law enforcement officials … and to disclose any information … relating to you" is a disclosure to them', () => {
    expect(le('We also reserve the right to report any suspected unauthorized use of the Website to law enforcement officials, regulators or third parties and to disclose any information necessary or appropriate to such persons or entities relating to you.')).toBe('any_legal_request');
  });
  it('near misses: a report of conduct alone, or a report beside another act, stays out', () => {
    expect(le('We also reserve the right to report any suspected unauthorized use of the Website to law enforcement officials.')).toBe('unspecified');
    expect(le('We will report you to the authorities and terminate your account.')).toBe('unspecified');
  });
  it('near misses: the data handed to someone other than the authorities after the report stays out', () => {
    expect(le('We may report any suspected fraud to law enforcement and share information about the incident with our payment processor.')).toBe('unspecified');
    expect(le('We may report abuse to the relevant authorities and disclose your content to other users who were affected.')).toBe('unspecified');
    expect(le('We may report violations to the police and disclose your account information to them.')).toBe('any_legal_request');
  });
});
