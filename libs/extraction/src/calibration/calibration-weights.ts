/**
 * The extraction's confidence calibration, written by test/bench/support/fit-calibration.ts (do not edit by hand;
 * re-run it with --write and review the diff like data). Fitted on the tuning corpora only (project, holdout, shared, ota-tune, ota-check, ota-fresh, ota-fresh2, ota-fresh3, ota-fresh4, ota-fresh5, ota-fresh6, ota-fresh7, ota-fresh8, ota-fresh9, ota-fresh10, ota-fresh11, ota-fresh12, ota-fresh13, ota-fresh14, ota-fresh15, ota-fresh16)
 * and on earlier extractors' answers on those sets while they were unseen; 2609 answers, 419 wrong.
 * Features are explained in features.ts; left at weight 0 as they did not carry to a left-out corpus: scalar conflict; names suffix, providerSentence, structured.
 * Each fact's threshold is the lowest (at least 0.5) at which the
 * leave-one-corpus-out precision of that fact's answers reaches 0.95, else the one with the best F0.5.
 */
import type { FactName } from '@custody/domain';
import type { LogisticModel } from './calibrate.js';

export const CALIBRATION: { scalar: LogisticModel; names: LogisticModel; thresholds: Record<FactName, number> } = {
  "scalar": {
    "features": [
      "prior",
      "support",
      "conflict",
      "heading",
      "operative",
      "contract",
      "terms",
      "itemised",
      "long",
      "exception"
    ],
    "weights": [
      1.157,
      0.933,
      0,
      1.162,
      0.431,
      0.812,
      -0.719,
      0.588,
      -0.223,
      -0.791
    ],
    "bias": 1.083,
    "perValue": {
      "ai_training_on_customer_data=allowed": -0.118,
      "ai_training_on_customer_data=opt_in": 0.024,
      "ai_training_on_customer_data=opt_out": 0.039,
      "ai_training_on_customer_data=prohibited": -0.026,
      "audio_or_recording_retention_days": 0.005,
      "baa_offered=no": 0.05,
      "baa_offered=yes": 0.063,
      "breach_notice_days": -0.076,
      "data_sale_or_marketing=allowed": 0.306,
      "data_sale_or_marketing=prohibited": -0.243,
      "deidentified_data_use=allowed": -0.045,
      "deidentified_data_use=prohibited": -0.022,
      "law_enforcement_disclosure=any_legal_request": -0.021,
      "law_enforcement_disclosure=judicial_process_only": -0.11,
      "law_enforcement_disclosure=legal_process_with_notice": -0.041,
      "offshore_processing=no": 0.051,
      "offshore_processing=yes": 0.151,
      "record_ownership=customer": 0.219,
      "record_ownership=shared": -0.182,
      "record_ownership=vendor": 0.034,
      "return_or_destroy_on_termination=no": -0.025,
      "return_or_destroy_on_termination=yes": -0.194,
      "subcontractor_flowdown=yes": 0.16
    }
  },
  "names": {
    "features": [
      "structured",
      "providerHeading",
      "suffix",
      "mentions",
      "providerSentence",
      "listSize",
      "contract",
      "terms",
      "linked",
      "ownBrand"
    ],
    "weights": [
      0,
      0.966,
      0,
      -0.67,
      0,
      0.297,
      -0.878,
      -1.103,
      0.763,
      -1.679
    ],
    "bias": 1.436,
    "perValue": {}
  },
  "thresholds": {
    "baa_offered": 0.55,
    "breach_notice_days": 0.69,
    "subcontractor_flowdown": 0.71,
    "subprocessors_named": 0.41,
    "ai_training_on_customer_data": 0.7,
    "deidentified_data_use": 0.6,
    "data_sale_or_marketing": 0.71,
    "law_enforcement_disclosure": 0.65,
    "record_ownership": 0.55,
    "return_or_destroy_on_termination": 0.65,
    "audio_or_recording_retention_days": 0.6,
    "offshore_processing": 0.55
  }
};
