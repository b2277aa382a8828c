/** What is done to data (actions), and to what (objects), by kind (vocabulary.ts). */
import type { Entries } from './vocabulary.js';

export const ACTIONS: Record<string, Entries> = {
  disclose: {
    verbs: ['disclose', 'share', 'release', 'reveal', 'transfer', 'transmit', 'give', 'make available', 'hand over', 'turn over', 'communicate', 'furnish', 'produce', 'pass', 'pass on', 'send', 'provide', 'report', 'grant access', 'give access', 'allow access', 'forward'],
    exact: ['disclosure', 'disclosures', 'sharing', 'transfer of', 'access to'],
    separable: ['make … available', 'hand … over', 'turn … over', 'pass … on'],
  },
  sell: { verbs: ['sell', 'rent', 'lease', 'trade', 'monetize', 'monetise', 'resell'], exact: ['sale', 'sale of', 'sales of', 'selling'] },
  market: { verbs: ['market', 'advertise', 'promote'], exact: ['marketing', 'advertising', 'advertisement', 'advertisements', 'ads', 'promotional', 'newsletter', 'newsletters', 'direct marketing', 'targeted advertising', 'interest-based advertising', 'personalized advertising', 'personalised advertising', 'behavioral advertising', 'behavioural advertising', 'cross-context behavioral advertising', 'personalized ads', 'targeted ads', 'marketing communications', 'marketing emails', 'promotional emails', 'promotional messages', 'promotional communications', 'marketing messages'] },
  train: { verbs: ['train', 'retrain', 're-train', 'fine-tune', 'finetune'], exact: ['training', 'model training'] },
  deidentify: {
    verbs: ['de-identify', 'deidentify', 'anonymize', 'anonymise', 'aggregate', 'pseudonymize', 'pseudonymise'],
    exact: ['de-identified', 'deidentified', 'anonymized', 'anonymised', 'aggregated', 'anonymous', 'de-identification', 'anonymization', 'anonymisation', 'aggregate', 'pseudonymized', 'non-personal', 'non-personally identifiable', 'non-identifiable', 'not personally identifiable', 'not identifiable to you', 'statistical',
      // Data said to name no one by what it cannot do: "data that, by itself, cannot identify or be attributed specifically to you",
      // "The information we retain cannot identify you".
      'cannot identify you', 'can not identify you', 'cannot identify or be attributed'],
  },
  use: { verbs: ['use', 'process', 'analyze', 'analyse', 'exploit', 'utilize', 'utilise', 'leverage', 'combine'] },
  retain: { verbs: ['retain', 'keep', 'store', 'hold', 'preserve', 'archive', 'maintain'], exact: ['retention'] },
  // "will be marked for deletion": the act, though its word is a noun.
  delete: { verbs: ['delete', 'destroy', 'erase', 'purge', 'dispose of', 'remove', 'return', 'permanently delete'], exact: ['deletion', 'destruction', 'erasure', 'marked for deletion', 'scheduled for deletion', 'flagged for deletion', 'queued for deletion'] },
  notify: { verbs: ['notify', 'inform', 'alert', 'advise', 'tell', 'give notice', 'provide notice', 'give you notice', 'provide you with notice', 'send notice', 'forward the request', 'forward such request', 'forward any such request', 'forward the demand'], exact: ['notice', 'notification', 'prior notice', 'advance notice'] },
  comply: { verbs: ['comply with', 'respond to', 'cooperate with', 'answer'] },
  // Who holds the records: "Customer will own", "belongs to Acme", "copyrights … belong to you", "remains yours".
  own: {
    verbs: ['own', 'belong to'],
    exact: ['ownership', 'property', 'owner', 'owners', 'title to', 'right, title and interest', 'right, title, and interest', 'proprietary rights', 'proprietary right', 'ownership rights', 'copyright', 'copyrights', 'remains yours', 'remain yours', 'stays yours', 'is yours', 'are yours'],
  },
  bind: { verbs: ['require', 'bind', 'obligate', 'oblige', 'impose', 'contractually require', 'contractually bind', 'contractually obligate', 'flow down'], exact: ['bound by', 'subject to'] },
  host: { verbs: ['host', 'locate', 'store', 'process', 'transfer', 'access', 'house'] },
  sign: { verbs: ['sign', 'execute', 'enter into', 'offer', 'agree to'] },
  collect: { verbs: ['collect', 'receive', 'obtain', 'gather'] },
};

export const OBJECTS: Record<string, Entries> = {
  content: {
    exact: ['content', 'contents', 'customer data', 'customer content', 'your data', 'your content', 'user content', 'user data', 'client data', 'client content', 'phi', 'protected health information', 'health information', 'messages', 'communications', 'files', 'documents', 'recordings', 'transcripts', 'inputs', 'outputs', 'prompts', 'submissions', 'uploads', 'records', 'notes', 'stored content', 'content data', 'message content', 'your files'],
  },
  personal: { exact: ['personal data', 'personal information', 'personally identifiable information', 'pii', 'information', 'data', 'details', 'your information', 'user information', 'account information', 'account data', 'contact information', 'contact details', 'usage data', 'email address', 'email addresses'] },
  health: { exact: ['health data', 'health information', 'medical information', 'medical data', 'phi', 'protected health information', 'health-related information', 'health related information', 'health records', 'medical records', 'sensitive health information'] },
};
