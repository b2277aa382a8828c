import { aggregationHubRule } from './builtin/aggregation-hub.rule.js';
import { aiTrainingRule } from './builtin/ai-training.rule.js';
import { baaChainBreakRule } from './builtin/baa-chain-break.rule.js';
import { claimsAggregationRule } from './builtin/claims-aggregation.rule.js';
import { dataSaleOrMarketingRule } from './builtin/data-sale-or-marketing.rule.js';
import { deidentifiedReuseRule } from './builtin/deidentified-reuse.rule.js';
import { expiredBaaRule } from './builtin/expired-baa.rule.js';
import { identifiableResearchDataRule } from './builtin/identifiable-research-data.rule.js';
import { minimumNecessaryRule } from './builtin/minimum-necessary.rule.js';
import { missingBaaRule } from './builtin/missing-baa.rule.js';
import { noReturnOrDestroyRule } from './builtin/no-return-or-destroy.rule.js';
import { noSubcontractorFlowdownRule } from './builtin/no-subcontractor-flowdown.rule.js';
import { notetakerCannotDisableRule } from './builtin/notetaker-cannot-disable.rule.js';
import { offshoreProcessingRule } from './builtin/offshore-processing.rule.js';
import { part2WithoutConsentRule } from './builtin/part2-without-consent.rule.js';
import { psychotherapyNotesExposedRule } from './builtin/psychotherapy-notes-exposed.rule.js';
import { recordingRetentionRule } from './builtin/recording-retention.rule.js';
import { recordingWithoutConsentRule } from './builtin/recording-without-consent.rule.js';
import { secretInConfigRule } from './builtin/secret-in-config.rule.js';
import { sensitiveDetailExposedRule } from './builtin/sensitive-detail-exposed.rule.js';
import { slowBreachNoticeRule } from './builtin/slow-breach-notice.rule.js';
import { trackingTechnologyRule } from './builtin/tracking-technology.rule.js';
import { unauthorizedThirdPartyDisclosureRule } from './builtin/unauthorized-third-party-disclosure.rule.js';
import { unencryptedTransportRule } from './builtin/unencrypted-transport.rule.js';
import { vendorOwnsRecordsRule } from './builtin/vendor-owns-records.rule.js';
import { weakLawEnforcementPostureRule } from './builtin/weak-law-enforcement-posture.rule.js';
import type { Rule } from './rule.js';

/**
 * Every builtin rule, explicitly listed (no discovery magic): order is the order product.md lists them and
 * the order `custody rules` prints them.
 */
export const REGISTRY: readonly Rule[] = Object.freeze([
  missingBaaRule,
  expiredBaaRule,
  noSubcontractorFlowdownRule,
  baaChainBreakRule,
  psychotherapyNotesExposedRule,
  aiTrainingRule,
  deidentifiedReuseRule,
  dataSaleOrMarketingRule,
  weakLawEnforcementPostureRule,
  vendorOwnsRecordsRule,
  noReturnOrDestroyRule,
  slowBreachNoticeRule,
  recordingRetentionRule,
  notetakerCannotDisableRule,
  recordingWithoutConsentRule,
  claimsAggregationRule,
  trackingTechnologyRule,
  unencryptedTransportRule,
  offshoreProcessingRule,
  unauthorizedThirdPartyDisclosureRule,
  identifiableResearchDataRule,
  minimumNecessaryRule,
  part2WithoutConsentRule,
  sensitiveDetailExposedRule,
  secretInConfigRule,
  aggregationHubRule,
]);
