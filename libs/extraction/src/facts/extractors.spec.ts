import { factOf } from '../testing/fact-of.js';
import { extractFacts } from '../extract-facts.js';

const fact = factOf;

describe('ai_training_on_customer_data', () => {
  it('reads permission, prohibition, opt-in and opt-out', () => {
    expect(fact('ai_training_on_customer_data', 'We use recordings to train our speech recognition models.')).toBe('allowed');
    expect(fact('ai_training_on_customer_data', 'Vendor shall not use Customer Data to train machine learning models.')).toBe('prohibited');
    expect(fact('ai_training_on_customer_data', "Vendor will not use PHI to train models except with Customer's written opt-in.")).toBe('opt_in');
    expect(fact('ai_training_on_customer_data', 'Content is used to improve our AI models. You may opt out in Settings.')).toBe('opt_out');
    expect(fact('ai_training_on_customer_data', 'Transcripts may be used to fine-tune our models unless the practice disables this setting.')).toBe('opt_out');
  });
  it('ignores staff training and a definition of training', () => {
    expect(fact('ai_training_on_customer_data', 'Vendor shall provide HIPAA training to its workforce every year.')).toBe('unspecified');
    expect(fact('ai_training_on_customer_data', '"Model Training" means using data to train a machine learning model.')).toBe('unspecified');
  });
});

describe('deidentified_data_use', () => {
  it('separates own use from a promise not to', () => {
    expect(fact('deidentified_data_use', 'Vendor may de-identify PHI and use de-identified data for any lawful purpose.')).toBe('allowed');
    expect(fact('deidentified_data_use', 'Vendor shall not de-identify PHI for its own purposes.')).toBe('prohibited');
    expect(fact('deidentified_data_use', 'We keep your records safe.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing', () => {
  it('marketing permission wins over a refusal to sell; a definition of sale is not a permission', () => {
    expect(fact('data_sale_or_marketing', 'We do not sell personal information. We may send you promotional emails.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'Business Associate shall not sell PHI or use it for marketing.')).toBe('prohibited');
    expect(fact('data_sale_or_marketing', '"Sale" means disclosing personal information to a third party for monetary consideration.')).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'Customer will not sell, resell or lease the Services.')).toBe('unspecified');
  });
});

describe('law_enforcement_disclosure', () => {
  it('judicial only, notice, any request, silence', () => {
    expect(fact('law_enforcement_disclosure', 'We disclose patient records to agencies only in response to a court order or a warrant signed by a judge.')).toBe('judicial_process_only');
    expect(fact('law_enforcement_disclosure', 'Vendor will notify Customer before disclosing PHI in response to a subpoena, unless prohibited by law.')).toBe('legal_process_with_notice');
    expect(fact('law_enforcement_disclosure', 'Business Associate may use or disclose PHI as required by law.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'We may share data with government agencies upon request.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'Fees are non-refundable except as required by law. The Service is provided without warranty.')).toBe('unspecified');
  });
  it('a notice clause about something else does not make notice posture', () => {
    expect(fact('law_enforcement_disclosure', 'We may disclose data to law enforcement without notice to you. We will notify you of changes to this policy.')).toBe('any_legal_request');
  });
});

describe('breach_notice_days', () => {
  it('numbers in words and digits, business days and hours converted, cure periods ignored', () => {
    expect(fact('breach_notice_days', 'Vendor shall report a Breach of Unsecured PHI no later than sixty (60) calendar days after discovery.')).toBe(60);
    expect(fact('breach_notice_days', 'Vendor will notify Customer of any Security Incident within ten business days.')).toBe(14);
    expect(fact('breach_notice_days', 'We notify customers of a data breach within 72 hours.')).toBe(3);
    expect(fact('breach_notice_days', 'A party in material breach may cure the breach within thirty (30) days of notice.')).toBeNull();
    expect(fact('breach_notice_days', 'We will notify you of a breach without undue delay.')).toBeNull();
  });
});

describe('audio_or_recording_retention_days', () => {
  it('reads retention periods of recordings only', () => {
    expect(fact('audio_or_recording_retention_days', 'Audio recordings are deleted 30 days after the session.')).toBe(30);
    expect(fact('audio_or_recording_retention_days', 'Recordings are retained for six months.')).toBe(180);
    expect(fact('audio_or_recording_retention_days', 'Audio is deleted immediately after the transcript is generated.')).toBe(0);
    expect(fact('audio_or_recording_retention_days', 'Transcripts are retained for 365 days.')).toBeNull();
    expect(fact('audio_or_recording_retention_days', 'You may keep recordings indefinitely.')).toBeNull();
  });
});

describe('subprocessors_named', () => {
  it('returns names, not sentences, and leaves out the parties', () => {
    const text = 'Acme Scribe, Inc. ("Acme") provides the Service.\n\nWe use the following sub-processors: Deepvoice Labs, Inc. (speech), Cloudnine Hosting LLC (hosting) and Summa AI.';
    expect(fact('subprocessors_named', text)).toEqual(['Deepvoice Labs, Inc.', 'Cloudnine Hosting LLC', 'Summa AI']);
  });
  it('reads list items under a sub-processor heading', () => {
    const text = 'Sub-processors\n\n- Brightline Transcription (speech to text)\n- Helix Storage Ltd (backups)';
    expect(fact('subprocessors_named', text)).toEqual(['Brightline Transcription', 'Helix Storage Ltd']);
  });
  it('is empty when providers are not named', () => {
    expect(fact('subprocessors_named', 'We share data with service providers who help us operate.')).toEqual([]);
  });
});

describe('subcontractor_flowdown', () => {
  it('binding restrictions yes; their own privacy policies are not a flow-down', () => {
    expect(fact('subcontractor_flowdown', 'Vendor shall ensure that its subcontractors agree to the same restrictions and conditions that apply to Vendor.')).toBe('yes');
    expect(fact('subcontractor_flowdown', 'These providers are bound by their own privacy policies.')).toBe('unspecified');
  });
});

describe('record_ownership', () => {
  it('customer, vendor, shared', () => {
    expect(fact('record_ownership', 'As between the parties, Customer owns all Customer Data.')).toBe('customer');
    expect(fact('record_ownership', 'Vendor does not acquire any rights in Customer Data.')).toBe('customer');
    expect(fact('record_ownership', 'All session notes created on the Platform are the property of the Company.')).toBe('vendor');
    expect(fact('record_ownership', 'Clinical records are jointly owned by the parties.')).toBe('shared');
    expect(fact('record_ownership', 'Our website links to sites that we do not own or operate.')).toBe('unspecified');
  });
});

describe('return_or_destroy_on_termination', () => {
  it('a duty is yes, discretion is no, other deletion is silence', () => {
    expect(fact('return_or_destroy_on_termination', 'Upon termination, Vendor shall return or destroy all PHI.')).toBe('yes');
    expect(fact('return_or_destroy_on_termination', 'After termination, Vendor may delete Customer Data after a reasonable period.')).toBe('no');
    expect(fact('return_or_destroy_on_termination', 'You may ask us to delete your data at any time.')).toBe('unspecified');
  });
});

describe('offshore_processing', () => {
  it('transfer abroad yes, negated transfer no, visitors from abroad silence', () => {
    expect(fact('offshore_processing', 'Support staff in India may access PHI.')).toBe('yes');
    expect(fact('offshore_processing', 'Vendor shall not store or process PHI outside the United States.')).toBe('no');
    expect(fact('offshore_processing', 'All data is stored exclusively in the United States.')).toBe('no');
    expect(fact('offshore_processing', 'If you access the Services from outside the United States, your data is transferred to the United States.')).toBe('unspecified');
  });
});

describe('baa_offered', () => {
  it('a BAA document, an offer, a refusal', () => {
    expect(fact('baa_offered', 'Business Associate Agreement\n\nThis Business Associate Agreement is between Covered Entity and Business Associate.')).toBe('yes');
    expect(fact('baa_offered', 'We will sign a business associate agreement with covered entities.')).toBe('yes');
    expect(fact('baa_offered', 'We do not sign business associate agreements.')).toBe('no');
    expect(fact('baa_offered', 'We care about your privacy.')).toBe('unspecified');
  });
});

// General clause patterns found missing by the held-out corpus, in the project's own wording.
describe('clause patterns added after the held-out review', () => {
  it('offshore: US-only storage at named facilities, and "outside the fifty/contiguous United States" negated', () => {
    expect(fact('offshore_processing', 'PHI is kept and handled solely in hosting facilities situated within the U.S.')).toBe('no');
    expect(fact('offshore_processing', 'We host practice files only on servers based in the United States.')).toBe('no');
    expect(fact('offshore_processing', 'Vendor must not allow Customer Data to be stored or viewed from any place outside the 50 United States.')).toBe('no');
    expect(fact('offshore_processing', 'Records are hosted exclusively in the United States and Ireland.')).toBe('yes');
    expect(fact('offshore_processing', 'Support is provided only from offices in the United States, but backups are kept in Canada.')).toBe('yes');
  });
  it('ai training: "improve our <several words> models" with an opt-out in the next sentence', () => {
    expect(fact('ai_training_on_customer_data', 'Anonymized call audio helps us improve our transcription and summarization models. Users can opt out of model improvement from the account privacy page.')).toBe('opt_out');
    expect(fact('ai_training_on_customer_data', 'Session notes are used to improve the accuracy of our note-drafting models.')).toBe('allowed');
    expect(fact('ai_training_on_customer_data', 'We use your feedback to improve our products and services.')).toBe('unspecified');
  });
  it('de-identified data: the vendor using it in the present tense is a permission', () => {
    expect(fact('deidentified_data_use', 'We use anonymized chat logs to enhance our triage features.')).toBe('allowed');
    expect(fact('deidentified_data_use', 'To build better scheduling tools, we analyze appointment histories in de-identified form.')).toBe('allowed');
    expect(fact('deidentified_data_use', 'We use de-identified data only to provide the Services to you.')).toBe('prohibited');
  });
  it('law enforcement: a plain subpoena in an "only …" list is not judicial-only; advance notice of a demand is notice', () => {
    expect(fact('law_enforcement_disclosure', 'Patient files are released to police or regulators solely upon a lawful subpoena, a court order or a warrant.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'We will disclose PHI only pursuant to a court order or other legal process.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'We disclose records only in response to a court order or a subpoena signed by a judge.')).toBe('judicial_process_only');
    expect(fact('law_enforcement_disclosure', 'We release visit content only under an order signed by a judge, never an administrative subpoena.')).toBe('judicial_process_only');
    expect(fact('law_enforcement_disclosure', 'We release records only in response to a court order, and never in response to a subpoena.')).toBe('judicial_process_only');
    expect(fact('law_enforcement_disclosure', 'Where the authorities require Vendor to disclose Customer Data, Vendor will send Customer prompt notice of that demand so Customer may contest it, except where notice is barred.')).toBe('legal_process_with_notice');
    expect(fact('law_enforcement_disclosure', 'Where Vendor is compelled by law to hand over Customer Data, it will provide Customer with prompt prior written notice, unless the law forbids it.')).toBe('legal_process_with_notice');
  });
  it('data sale/marketing: privacy-law definitions are not permissions; marketing email beats a refusal to sell', () => {
    expect(fact('data_sale_or_marketing', "For California residents, 'Selling' means making personal information available for value, and 'Sharing' refers to disclosure for cross-context behavioral advertising.")).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'We may email you event invitations, feature updates and promotional offers from our sponsors. We will never sell the names on your patient lists.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'We may contact you about your account, but never for marketing.')).toBe('prohibited');
    expect(fact('data_sale_or_marketing', 'Under state law, the term sale is defined as any transfer for value, including targeted advertising.')).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'This means we may show you personalized ads.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'We text patients appointment reminders only; we do not send promotional messages.')).toBe('prohibited');
  });
  it('flow-down: the customer\'s own duties and "required by … Protection Act" are not a flow-down', () => {
    expect(fact('subcontractor_flowdown', "You are responsible for getting each recipient's permission as required by the Data Protection Act.")).toBe('unspecified');
    expect(fact('subcontractor_flowdown', 'Our delivery vendors get the phone number and the message text.')).toBe('unspecified');
    // README: "protect" alone is an unspecified requirement; with a purpose limit it is a flow-down.
    expect(fact('subcontractor_flowdown', 'Subcontractors are required by Vendor to protect PHI.')).toBe('unspecified');
    expect(fact('subcontractor_flowdown', 'Subcontractors are required by Vendor to protect PHI and to use it only for the services.')).toBe('yes');
    expect(fact('subcontractor_flowdown', 'Subcontractors are required by Vendor to meet the same obligations as those set out in this Agreement.')).toBe('yes');
  });
  it('baa offered: a document declaring itself the business associate agreement', () => {
    expect(fact('baa_offered', 'This Schedule constitutes the business associate agreement that HIPAA requires between the parties.')).toBe('yes');
    expect(fact('baa_offered', 'These Healthcare Terms shall serve as a BAA between us and you.')).toBe('yes');
    expect(extractFacts('Healthcare Schedule\n\nThis Schedule constitutes the business associate agreement between Customer and Vendor.').document.kind).toBe('baa');
  });
  it('record ownership: inputs/outputs owned by the customer; "sole and exclusive property"', () => {
    expect(fact('record_ownership', 'The Subscriber owns every Prompt it submits and, where the law allows, all Outputs.')).toBe('customer');
    expect(fact('record_ownership', 'All Practice Records are and will remain the sole, exclusive and confidential property of the Practice.')).toBe('customer');
    expect(fact('record_ownership', 'All session notes are the sole and exclusive property of the Company.')).toBe('vendor');
  });
  it('return or destroy: open-ended keeping after the account is closed is no', () => {
    expect(fact('return_or_destroy_on_termination', 'If you delete your account, we may keep your profile and messages for as long as we deem them valuable.')).toBe('no');
    expect(fact('return_or_destroy_on_termination', 'After you cancel your subscription we may hold your data for our own business purposes.')).toBe('no');
  });
  it('recording retention: sessions that are never recorded keep nothing', () => {
    expect(fact('audio_or_recording_retention_days', 'Telehealth calls on our platform are not recorded.')).toBe(0);
    expect(fact('audio_or_recording_retention_days', 'We never record your video consultations.')).toBe(0);
    expect(fact('audio_or_recording_retention_days', 'Visits are not recorded unless your clinician turns on recording.')).toBeNull();
    expect(fact('audio_or_recording_retention_days', 'Calls are not recorded by default; recordings you enable are kept for 90 days.')).toBe(90);
    // Not every call recorded means some are: no answer on how long.
    expect(fact('audio_or_recording_retention_days', 'We do not record every call made to our customer service team.')).toBeNull();
  });
  it('subprocessors: a table header row is not a name', () => {
    const text = 'Subcontractors\n\n| Subcontractor | Role | Region |\n| --- | --- | --- |\n| Quarry Cloud, Inc. | Hosting | US |\n| Lattice Speech | Transcription | US |';
    expect(fact('subprocessors_named', text)).toEqual(['Quarry Cloud, Inc.', 'Lattice Speech']);
    expect(fact('subprocessors_named', 'Vendors\n\n| Vendor name | Purpose |\n|:--|:--|\n| Lattice Speech | Transcription |')).toEqual(['Lattice Speech']);
  });
});

describe('terms read as terms (issue 8)', () => {
  it('licensing contributed data to third parties for fees is a sale; licensing only de-identified data is not', () => {
    expect(fact('data_sale_or_marketing', 'Apex may license Contributed Data, in identifiable or de-identified form, to third parties, including insurers, in exchange for fees.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'We may license Customer Data to unaffiliated companies for a fee.')).toBe('allowed');
    expect(fact('data_sale_or_marketing', 'We may license de-identified data to research partners.')).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'We may license data from third parties to improve the Services.')).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'We license the Services to Customer for the fees in the Order Form.')).toBe('unspecified');
  });
  it('a named subcontractor working from facilities abroad is offshore processing; a city before the country counts', () => {
    expect(fact('offshore_processing', 'Its subcontractor Nimbus Transcription Services Pvt. Ltd. produces session transcripts from its facilities in Pune, India.')).toBe('yes');
    expect(fact('offshore_processing', 'Support staff in Toronto, Canada may access customer data.')).toBe('yes');
    expect(fact('offshore_processing', 'Our facilities in Austin, Texas produce all transcripts.')).toBe('unspecified');
    // "Pvt. Ltd." does not end the sentence, so the evidence names the subcontractor the clause is about.
    const two = 'Business Associate ensures its subcontractors agree to the same restrictions. Its subcontractor Nimbus Transcription Services Pvt. Ltd. produces session transcripts from its facilities in Pune, India.';
    expect(extractFacts(two).facts.offshore_processing.evidence.map((e) => e.quote)).toEqual(['Its subcontractor Nimbus Transcription Services Pvt. Ltd. produces session transcripts from its facilities in Pune, India.']);
  });
  it('"not required to return or destroy" when the clinician leaves the platform is no', () => {
    expect(fact('return_or_destroy_on_termination', 'When Clinician leaves the platform, Thriveline retains all records and is not required to return or destroy them.')).toBe('no');
    expect(fact('return_or_destroy_on_termination', 'If you leave the platform, we will delete your records within 30 days.')).toBe('yes');
  });
});

describe('abstaining when a clause does not support the fact', () => {
  it('a legal ground without data disclosed is a review candidate, not any_legal_request', () => {
    const text = 'Unless otherwise required by law, we do not provide refunds or credits for partial subscription periods.';
    expect(fact('law_enforcement_disclosure', text)).toBe('unspecified');
    expect(extractFacts(text).facts.law_enforcement_disclosure.review?.length).toBeGreaterThan(0);
    expect(fact('law_enforcement_disclosure', 'We may disclose your personal information if required by law.')).toBe('any_legal_request');
    expect(fact('law_enforcement_disclosure', 'Where appropriate, we will respond to requests from law enforcement officers with proof of authority.')).toBe('any_legal_request');
  });
  it('notice to the disclosing party of a compelled disclosure is notice to the customer', () => {
    expect(fact('law_enforcement_disclosure', 'The Receiving Party may disclose Confidential Information of the Disclosing Party if it is required by law; provided, however, that the Receiving Party gives the Disclosing Party prior notice of the compelled disclosure.')).toBe('legal_process_with_notice');
  });
  it('de-identified data collected, stored or regulated is not a use of the vendor\'s own', () => {
    expect(fact('deidentified_data_use', 'We may collect and store non-personally identifiable information that is connected to the use of the Service.')).toBe('unspecified');
    expect(fact('deidentified_data_use', 'Each party will comply with the requirements for processing Deidentified Data set out in the US State Privacy Laws.')).toBe('unspecified');
    expect(fact('deidentified_data_use', 'We may use aggregated data to improve our products.')).toBe('allowed');
  });
  it('a refusal by other parties is not the vendor\'s prohibition', () => {
    expect(fact('deidentified_data_use', 'If you disable tracking, third-party apps cannot request to use the Advertising Identifier, a non-personal identifier.')).toBe('unspecified');
  });
});

describe('places and names relative to the user, not the vendor', () => {
  it('a user located abroad is not offshore processing (data stored "outside the country in which you live" is: offshore-readings.spec)', () => {
    expect(fact('offshore_processing', "If you're located in the EU, UK or Switzerland, scroll down to see the rights for the data we process.")).toBe('unspecified');
    expect(fact('offshore_processing', 'Acme Inc. may store your data on servers outside the United States.')).toBe('yes');
  });
  it('an app store behind an alias, the vendor\'s own chatbot and an IP address are not sub-processors', () => {
    expect(fact('subprocessors_named', 'If you downloaded the App from the Apple Inc. ("Apple") App Store, the following notice applies.')).toEqual([]);
    expect(fact('subprocessors_named', 'We process information you provide through Little Window, our chatbot.')).toEqual([]);
    expect(fact('subprocessors_named', 'We share resolver logs with service providers such as 1.1.1.1 and Stripe.')).toEqual(['Stripe']);
  });
});

describe('short forms and representations', () => {
  it('a brand beside its full company name is one recipient; a product name stays', () => {
    expect(fact('subprocessors_named', 'We share your information with service providers such as Castle Key Insurance Company and Castle Key.')).toEqual(['Castle Key Insurance Company']);
    expect(fact('subprocessors_named', 'We share usage data with analytics providers such as Google Analytics and Google.')).toEqual(['Google Analytics', 'Google']);
  });
  it('the user representing that they own data they give is not record ownership', () => {
    expect(fact('record_ownership', 'By providing us with any personal information, you represent that you are the owner of such personal information.')).toBe('unspecified');
  });
});

describe('data_sale_or_marketing: a refused sale read from clauses', () => {
  it('a negated sale of data by the vendor or in the passive is prohibited', () => {
    expect(fact('data_sale_or_marketing', 'We will not sell or market your email address.')).toBe('prohibited');
    expect(fact('data_sale_or_marketing', 'All personal and contact information provided via this Web site will NEVER be sold or disseminated to other parties.')).toBe('prohibited');
  });
  it('not: the product not sold to the user, or a refusal scoped to one collection channel', () => {
    expect(fact('data_sale_or_marketing', 'The software and the Content are licensed, not sold or transferred to you.')).toBe('unspecified');
    expect(fact('data_sale_or_marketing', 'All information gathered this way will never be passed on or sold to any third party.')).toBe('unspecified');
  });
});
