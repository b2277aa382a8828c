/**
 * The extraction's confidence calibration, written by test/bench/support/fit-calibration.ts (do not edit by hand;
 * re-run it with --write and review the diff like data). Fitted on the tuning corpora only (project, holdout, shared, ota-tune, ota-check, ota-fresh, ota-fresh2, ota-fresh3, ota-fresh4, ota-fresh5, ota-fresh6, ota-fresh7, ota-fresh8, ota-fresh9, ota-fresh10, ota-fresh11, ota-fresh12, ota-fresh13, ota-fresh14, ota-fresh15, ota-fresh16)
 * and on earlier extractors' answers on those sets while they were unseen; 2609 answers, 419 wrong.
 * Features are explained in features.ts. Each fact's threshold is the lowest (at least 0.5) at which the
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
      1.182,
      0.9,
      -0.136,
      1.199,
      0.574,
      0.867,
      -0.804,
      0.573,
      -0.266,
      -0.801
    ],
    "bias": 0.939,
    "perValue": {
      "ai_training_on_customer_data=allowed": -0.44,
      "ai_training_on_customer_data=opt_in": 0.358,
      "ai_training_on_customer_data=opt_out": 0.549,
      "ai_training_on_customer_data=prohibited": -0.23,
      "audio_or_recording_retention_days": 0.112,
      "baa_offered=no": 0.654,
      "baa_offered=yes": 0.682,
      "breach_notice_days": -0.603,
      "data_sale_or_marketing=allowed": 1.06,
      "data_sale_or_marketing=prohibited": -0.907,
      "deidentified_data_use=allowed": 0.046,
      "deidentified_data_use=prohibited": -0.246,
      "law_enforcement_disclosure=any_legal_request": 0.075,
      "law_enforcement_disclosure=judicial_process_only": -0.876,
      "law_enforcement_disclosure=legal_process_with_notice": -0.188,
      "offshore_processing=no": 0.66,
      "offshore_processing=yes": 0.483,
      "record_ownership=customer": 0.928,
      "record_ownership=shared": -2.342,
      "record_ownership=vendor": 0.525,
      "return_or_destroy_on_termination=no": -0.063,
      "return_or_destroy_on_termination=yes": -0.463,
      "subcontractor_flowdown=yes": 0.628
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
      0.224,
      0.939,
      -0.173,
      -0.725,
      0.143,
      0.278,
      -0.837,
      -1.085,
      0.722,
      -1.604
    ],
    "bias": 1.47,
    "perValue": {}
  },
  "thresholds": {
    "baa_offered": 0.75,
    "breach_notice_days": 0.55,
    "subcontractor_flowdown": 0.8,
    "subprocessors_named": 0.45,
    "ai_training_on_customer_data": 0.58,
    "deidentified_data_use": 0.57,
    "data_sale_or_marketing": 0.52,
    "law_enforcement_disclosure": 0.54,
    "record_ownership": 0.5,
    "return_or_destroy_on_termination": 0.59,
    "audio_or_recording_retention_days": 0.5,
    "offshore_processing": 0.61
  }
};
