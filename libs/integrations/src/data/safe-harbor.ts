/**
 * The 18 HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)(i)) and field-name patterns that declare
 * them. A field list that claims to be de-identified must hold none of these.
 */
export const SAFE_HARBOR: readonly { identifier: string; re: RegExp }[] = [
  { identifier: 'names', re: /^(?:(?:first|last|given|family|full|middle|patient|client|member)[_\s-]?name|name|surname|nombre|apellido)$/i },
  { identifier: 'geographic_subdivisions', re: /zip|postal|post[_\s-]?code|street|address|\bcity\b|^city$|county|precinct|geocode|latitude|longitude|^lat$|^lng$|^lon$/i },
  { identifier: 'dates', re: /dob|birth|admi(?:t|ssion)[_\s-]?date|discharge[_\s-]?date|death|deceased|date[_\s-]?of[_\s-]?service|service[_\s-]?date|visit[_\s-]?date|appointment[_\s-]?date|^age$|nacimiento/i },
  { identifier: 'telephone_numbers', re: /phone|mobile|^tel$|telephone|cell/i },
  { identifier: 'fax_numbers', re: /\bfax/i },
  { identifier: 'email_addresses', re: /e-?mail/i },
  { identifier: 'social_security_numbers', re: /\bssn\b|^ssn|social[_\s-]?security/i },
  { identifier: 'medical_record_numbers', re: /\bmrn\b|^mrn|medical[_\s-]?record|chart[_\s-]?(?:no|number|id)|patient[_\s-]?id/i },
  { identifier: 'health_plan_beneficiary_numbers', re: /member[_\s-]?id|subscriber[_\s-]?id|beneficiary|insurance[_\s-]?(?:id|number)|policy[_\s-]?(?:id|number)|medicaid[_\s-]?id|medicare[_\s-]?id/i },
  { identifier: 'account_numbers', re: /account[_\s-]?(?:no|number|id)|acct/i },
  { identifier: 'certificate_license_numbers', re: /license[_\s-]?(?:no|number)|licence|certificate[_\s-]?(?:no|number)|driver/i },
  { identifier: 'vehicle_identifiers', re: /\bvin\b|license[_\s-]?plate|vehicle/i },
  { identifier: 'device_identifiers', re: /device[_\s-]?(?:id|serial)|serial[_\s-]?(?:no|number)|\budi\b|imei/i },
  { identifier: 'web_urls', re: /\burl\b|^url|website|homepage/i },
  { identifier: 'ip_addresses', re: /\bip\b|^ip[_\s-]?(?:addr|address)?$|ip[_\s-]?address/i },
  { identifier: 'biometric_identifiers', re: /biometric|fingerprint|voice[_\s-]?print|retina|iris/i },
  { identifier: 'full_face_photographs', re: /photo|face[_\s-]?image|headshot|selfie/i },
  { identifier: 'other_unique_identifiers', re: /^(?:national[_\s-]?id|passport(?:[_\s-]?(?:no|number))?|bsn|nhs[_\s-]?number|omang)$/i },
];

/** Specific identifiers are tried before broad ones (`ip_address` and `email_address` are not street addresses). */
const PRECEDENCE = ['ip_addresses', 'email_addresses', 'web_urls', 'fax_numbers'];
const ORDERED = [...SAFE_HARBOR].sort((a, b) => (PRECEDENCE.includes(b.identifier) ? 1 : 0) - (PRECEDENCE.includes(a.identifier) ? 1 : 0));

/** The Safe Harbor identifier a field name declares, if any. */
export function safeHarborIdentifier(field: string): string | undefined {
  const f = field.trim();
  if (!f || f.length > 80) return undefined;
  return ORDERED.find((s) => s.re.test(f))?.identifier;
}

/** Text that claims an export is de-identified (or anonymised, or a limited data set). */
export const DEIDENTIFIED_CLAIM = /de-?identif|anonymi[sz]|pseudonymi[sz]|safe[_\s-]?harbou?r|limited[_\s-]?data[_\s-]?set|\bdeid\b/i;
