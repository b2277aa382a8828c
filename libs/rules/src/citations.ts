import type { Citation } from '@custody/domain';

const ecfr45 = (section: string, para = ''): string =>
  `https://www.ecfr.gov/current/title-45/section-${section}${para ? `#p-${section}${para}` : ''}`;

/**
 * The citations builtin rules use, in one place so the same reference is always written the same way.
 * Paragraph-level refs point at the eCFR anchor of that paragraph.
 */
export const CITE = {
  baDisclosure: { ref: '45 CFR 164.502(e)', title: 'Disclosures to business associates', url: ecfr45('164.502', '(e)') },
  baContractsSecurity: { ref: '45 CFR 164.308(b)(1)', title: 'Business associate contracts and other arrangements', url: ecfr45('164.308', '(b)(1)') },
  baContractTerms: { ref: '45 CFR 164.504(e)', title: 'Business associate contracts: required terms', url: ecfr45('164.504', '(e)') },
  baPermittedUses: { ref: '45 CFR 164.504(e)(2)(i)', title: 'A BAA may not authorise uses the covered entity could not make itself', url: ecfr45('164.504', '(e)(2)(i)') },
  baBreachReport: { ref: '45 CFR 164.504(e)(2)(ii)(C)', title: 'BA must report breaches of unsecured PHI as required by 164.410', url: ecfr45('164.504', '(e)(2)(ii)(C)') },
  subcontractorFlowdown: { ref: '45 CFR 164.504(e)(2)(ii)(D)', title: 'Subcontractors agree to the same restrictions and conditions', url: ecfr45('164.504', '(e)(2)(ii)(D)') },
  subcontractorDisclosure: { ref: '45 CFR 164.502(e)(1)(ii)', title: 'BA disclosures to subcontractors need satisfactory assurances', url: ecfr45('164.502', '(e)(1)(ii)') },
  subcontractorSecurity: { ref: '45 CFR 164.314(a)(2)(iii)', title: 'Business associate contracts with subcontractors', url: ecfr45('164.314', '(a)(2)(iii)') },
  returnOrDestroy: { ref: '45 CFR 164.504(e)(2)(ii)(J)', title: 'Return or destroy PHI at termination', url: ecfr45('164.504', '(e)(2)(ii)(J)') },
  access: { ref: '45 CFR 164.524', title: "Individuals' right of access to PHI", url: ecfr45('164.524') },
  baAccess: { ref: '45 CFR 164.504(e)(2)(ii)(E)', title: 'BA makes PHI available for access under 164.524', url: ecfr45('164.504', '(e)(2)(ii)(E)') },
  psychotherapyNotesDef: { ref: '45 CFR 164.501', title: 'Definition of psychotherapy notes (kept separate from the medical record)', url: ecfr45('164.501') },
  psychotherapyNotesAuth: { ref: '45 CFR 164.508(a)(2)', title: 'Authorization required for psychotherapy notes', url: ecfr45('164.508', '(a)(2)') },
  saleOfPhi: { ref: '45 CFR 164.502(a)(5)(ii)', title: 'Sale of PHI prohibited without authorization', url: ecfr45('164.502', '(a)(5)(ii)') },
  marketingAuth: { ref: '45 CFR 164.508(a)(3)', title: 'Authorization required for marketing', url: ecfr45('164.508', '(a)(3)') },
  saleAuth: { ref: '45 CFR 164.508(a)(4)', title: 'Authorization required for sale of PHI', url: ecfr45('164.508', '(a)(4)') },
  baUseLimits: { ref: '45 CFR 164.502(a)(3)', title: 'A BA may use or disclose PHI only as its contract permits or requires', url: ecfr45('164.502', '(a)(3)') },
  deidentification: { ref: '45 CFR 164.502(d)', title: 'Uses and disclosures of de-identified information', url: ecfr45('164.502', '(d)') },
  deidStandard: { ref: '45 CFR 164.514(a)–(b)', title: 'De-identification standard and implementation', url: ecfr45('164.514', '(a)') },
  safeHarbor: { ref: '45 CFR 164.514(b)(2)', title: 'Safe Harbor: the 18 identifiers that must be removed', url: ecfr45('164.514', '(b)(2)') },
  lawEnforcement: { ref: '45 CFR 164.512(f)', title: 'Disclosures for law enforcement purposes (permitted, never required)', url: ecfr45('164.512', '(f)') },
  adminRequest: { ref: '45 CFR 164.512(f)(1)(ii)(C)', title: 'Administrative requests: permitted only under strict conditions', url: ecfr45('164.512', '(f)(1)(ii)(C)') },
  judicial: { ref: '45 CFR 164.512(e)', title: 'Disclosures for judicial and administrative proceedings', url: ecfr45('164.512', '(e)') },
  breachNotice: { ref: '45 CFR 164.410(b)', title: 'BA breach notice: without unreasonable delay, no later than 60 days', url: ecfr45('164.410', '(b)') },
  safeguards: { ref: '45 CFR 164.530(c)', title: 'Administrative, technical and physical safeguards', url: ecfr45('164.530', '(c)') },
  minimumNecessary: { ref: '45 CFR 164.502(b)', title: 'Minimum necessary standard', url: ecfr45('164.502', '(b)') },
  minimumNecessaryImpl: { ref: '45 CFR 164.514(d)', title: 'Minimum necessary: implementation specifications', url: ecfr45('164.514', '(d)') },
  transmission: { ref: '45 CFR 164.312(e)(1)', title: 'Transmission security', url: ecfr45('164.312', '(e)(1)') },
  transmissionEncryption: { ref: '45 CFR 164.312(e)(2)(ii)', title: 'Encryption of ePHI in transit', url: ecfr45('164.312', '(e)(2)(ii)') },
  riskAnalysis: { ref: '45 CFR 164.308(a)(1)(ii)(A)', title: 'Risk analysis', url: ecfr45('164.308', '(a)(1)(ii)(A)') },
  authorizationElements: { ref: '45 CFR 164.508(c)', title: 'Core elements of a valid authorization', url: ecfr45('164.508', '(c)') },
  authorizationExpired: { ref: '45 CFR 164.508(b)(2)(i)', title: 'An authorization whose expiration date has passed is not valid', url: ecfr45('164.508', '(b)(2)(i)') },
  part2Consent: { ref: '42 CFR 2.31', title: 'Part 2: consent requirements', url: 'https://www.ecfr.gov/current/title-42/section-2.31' },
  part2Qso: { ref: '42 CFR 2.11', title: 'Part 2: qualified service organization (definition)', url: 'https://www.ecfr.gov/current/title-42/section-2.11' },
  accessControl: { ref: '45 CFR 164.312(a)(1)', title: 'Access control', url: ecfr45('164.312', '(a)(1)') },
  authentication: { ref: '45 CFR 164.312(d)', title: 'Person or entity authentication', url: ecfr45('164.312', '(d)') },
  passwordManagement: { ref: '45 CFR 164.308(a)(5)(ii)(D)', title: 'Password management', url: ecfr45('164.308', '(a)(5)(ii)(D)') },
  calPenal632: {
    ref: 'Cal. Penal Code § 632',
    title: 'Recording a confidential communication without the consent of all parties',
    url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?sectionNum=632.&lawCode=PEN',
  },
  apaRecording: { ref: 'APA Ethics Code, Standard 4.03', title: 'Recording: obtain permission from all persons before recording', url: 'https://www.apa.org/ethics/code' },
  ocrTracking: {
    ref: 'HHS OCR, Use of Online Tracking Technologies by HIPAA Covered Entities and Business Associates (rev. March 2024)',
    title: 'Tracking technologies on authenticated pages receive PHI; a BAA or authorization is required',
    url: 'https://www.hhs.gov/hipaa/for-professionals/privacy/guidance/hipaa-online-tracking/index.html',
  },
  ftcHbnr: { ref: '16 CFR Part 318', title: 'FTC Health Breach Notification Rule', url: 'https://www.ecfr.gov/current/title-16/part-318' },
} as const satisfies Record<string, Citation>;

/** Each all-party-consent state's recording statute, cited on `recording_without_consent` findings. */
export const STATE_RECORDING_STATUTES: Readonly<Record<string, Citation>> = {
  CA: CITE.calPenal632,
  CT: { ref: 'Conn. Gen. Stat. § 52-570d', title: 'Recording telephonic communications without consent of all parties' },
  DE: { ref: 'Del. Code tit. 11, § 1335', title: 'Violation of privacy (recording a private conversation)' },
  FL: { ref: 'Fla. Stat. § 934.03', title: 'Interception of oral communications' },
  IL: { ref: '720 ILCS 5/14-2', title: 'Eavesdropping' },
  MD: { ref: 'Md. Code, Cts. & Jud. Proc. § 10-402', title: 'Interception of oral communications' },
  MA: { ref: 'Mass. Gen. Laws ch. 272, § 99', title: 'Interception of wire and oral communications' },
  MI: { ref: 'Mich. Comp. Laws § 750.539c', title: 'Eavesdropping upon private conversation' },
  MT: { ref: 'Mont. Code Ann. § 45-8-213', title: 'Violation of privacy in communications' },
  NV: { ref: 'Nev. Rev. Stat. § 200.620', title: 'Interception of wire communications' },
  NH: { ref: 'N.H. Rev. Stat. § 570-A:2', title: 'Interception of telecommunication or oral communication' },
  OR: { ref: 'Or. Rev. Stat. § 165.540', title: 'Obtaining contents of communications' },
  PA: { ref: '18 Pa. C.S. § 5703', title: 'Interception of oral communications' },
  WA: { ref: 'Wash. Rev. Code § 9.73.030', title: 'Intercepting or recording private communications' },
};
