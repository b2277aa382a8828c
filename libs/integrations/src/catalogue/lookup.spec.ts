import { hostOf, lookupVendor } from './lookup.js';

describe('lookupVendor', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'llm_provider', 'OpenAI'],
    ['connect.facebook.net', 'analytics_tracker', 'Meta Pixel'],
    ['https://www.google-analytics.com/g/collect', 'analytics_tracker', 'Google Analytics'],
    ['https://myres.openai.azure.com/openai/deployments/x', 'llm_provider', 'Azure OpenAI'],
    ['generativelanguage.googleapis.com', 'llm_provider', 'Google Gemini'],
    ['https://api.deepgram.com/v1/listen', 'llm_provider', 'Deepgram'],
    ['https://x.fhir.azurehealthcareapis.com/Patient', 'cloud_storage', 'Azure Health Data Services (FHIR)'],
    ['https://bucket.s3.amazonaws.com/key', 'cloud_storage', 'Amazon S3'],
    ['sftp.officeally.com', 'clearinghouse', 'Office Ally'],
    ['Change Healthcare', 'clearinghouse', 'Change Healthcare'],
    ['SimplePractice', 'ehr', 'SimplePractice'],
    ['Upheal', 'ai_notetaker', 'Upheal'],
    ['static.hotjar.com', 'analytics_tracker', 'Hotjar'],
    ['api.twilio.com', 'communications', 'Twilio'],
    ['js.stripe.com', 'payment_processor', 'Stripe'],
    ['LiveRamp', 'data_broker', 'LiveRamp'],
  ])('%s → %s', (input, role, name) => {
    expect(lookupVendor(input)).toMatchObject({ role, name });
  });

  it('prefers the most specific host suffix', () => {
    expect(lookupVendor('healthcare.googleapis.com')?.name).toBe('Google Cloud Healthcare API');
    expect(lookupVendor('storage.googleapis.com')?.name).toBe('Google Cloud Storage');
  });

  it('returns undefined for unknown hosts and names', () => {
    expect(lookupVendor('intranet.clinic.test')).toBeUndefined();
    expect(lookupVendor('HL7 PID segment')).toBeUndefined();
    expect(lookupVendor('')).toBeUndefined();
  });

  it('accepts extra entries that win over the catalogue', () => {
    const extra = [{ name: 'Local Clearinghouse', role: 'clearinghouse' as const, hosts: ['claims.local.test'] }];
    expect(lookupVendor('https://claims.local.test/submit', extra)).toEqual({ name: 'Local Clearinghouse', role: 'clearinghouse' });
    expect(lookupVendor('https://claims.local.test/submit')).toBeUndefined();
  });

  it('extracts hosts from URLs but not from bare words', () => {
    expect(hostOf('https://user@api.x.test:8443/p?q=1')).toBe('api.x.test');
    expect(hostOf('jdbc-less word')).toBeUndefined();
    expect(hostOf('http://mysql/db')).toBe('mysql');
  });
});
