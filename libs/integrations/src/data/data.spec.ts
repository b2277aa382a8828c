import { categoriesFromText } from './categories.js';
import { safeHarborIdentifier } from './safe-harbor.js';

describe('categoriesFromText', () => {
  it.each([
    ['ADT^A04', ['demographics', 'contact', 'insurance_ids']],
    ['ORU_R01', ['diagnosis']],
    ['X12 837P', ['claims', 'diagnosis', 'insurance_ids']],
    ['session audio recording', ['session_recording']],
    ['transcript_text', ['session_transcript']],
  ])('%s → %j', (text, cats) => {
    expect(categoriesFromText(text)).toEqual(expect.arrayContaining(cats));
  });

  it('reads FHIR resource types and field names', () => {
    expect(categoriesFromText('Patient')).toEqual(['demographics']);
    expect(categoriesFromText('appointment_date')).toEqual(['scheduling']);
    expect(categoriesFromText('chief_complaint')).toEqual(['diagnosis']);
  });

  it('falls back when nothing is recognised, and never returns an empty list by default', () => {
    expect(categoriesFromText('xyz')).toEqual(['demographics']);
    expect(categoriesFromText('xyz', [])).toEqual([]);
  });
});

describe('safeHarborIdentifier', () => {
  it.each([
    ['zip', 'geographic_subdivisions'],
    ['birth_date', 'dates'],
    ['dob', 'dates'],
    ['ssn', 'social_security_numbers'],
    ['mrn', 'medical_record_numbers'],
    ['email', 'email_addresses'],
    ['phone', 'telephone_numbers'],
    ['member_id', 'health_plan_beneficiary_numbers'],
    ['ip_address', 'ip_addresses'],
    ['first_name', 'names'],
    ['email_address', 'email_addresses'],
    ['street_address', 'geographic_subdivisions'],
  ])('%s is %s', (field, id) => {
    expect(safeHarborIdentifier(field)).toBe(id);
  });

  it('passes fields that are not identifiers', () => {
    for (const f of ['phq9_score', 'diagnosis_code', 'state', 'year_of_visit_bucket', 'record_count']) expect(safeHarborIdentifier(f)).toBeUndefined();
  });
});
