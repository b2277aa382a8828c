/**
 * The extraction's confidence calibration, written by test/bench/support/fit-calibration.ts (do not edit by hand;
 * re-run it with --write and review the diff like data). Fitted on the tuning corpora only (project, holdout, shared, ota-tune, ota-check, ota-fresh, ota-fresh2, ota-fresh3, ota-fresh4, ota-fresh5, ota-fresh6, ota-fresh7, ota-fresh8, ota-fresh9, ota-fresh10, ota-fresh11, ota-fresh12)
 * and on earlier extractors' answers on those sets while they were unseen; 1731 answers, 211 wrong.
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
      1.253,
      0.96,
      -0.279,
      1.657,
      0.934,
      0.661,
      -0.814,
      0.425,
      -0.339,
      -0.373
    ],
    "bias": 1.318,
    "perValue": {
      "ai_training_on_customer_data=allowed": 0.3,
      "ai_training_on_customer_data=opt_in": 0.238,
      "ai_training_on_customer_data=opt_out": 0.43,
      "ai_training_on_customer_data=prohibited": -0.414,
      "audio_or_recording_retention_days": 0.848,
      "baa_offered=no": 0.441,
      "baa_offered=yes": 0.604,
      "breach_notice_days": -0.121,
      "data_sale_or_marketing=allowed": 0.833,
      "data_sale_or_marketing=prohibited": -1.298,
      "deidentified_data_use=allowed": -0.108,
      "deidentified_data_use=prohibited": -0.575,
      "law_enforcement_disclosure=any_legal_request": -0.574,
      "law_enforcement_disclosure=judicial_process_only": -0.947,
      "law_enforcement_disclosure=legal_process_with_notice": -0.121,
      "offshore_processing=no": 0.571,
      "offshore_processing=yes": -0.16,
      "record_ownership=customer": 0.798,
      "record_ownership=vendor": 0.471,
      "return_or_destroy_on_termination=no": -0.267,
      "return_or_destroy_on_termination=yes": -0.712,
      "subcontractor_flowdown=yes": 0.172
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
      "ownName",
      "ownGroup"
    ],
    "weights": [
      0.235,
      1.257,
      -0.291,
      -0.645,
      0.375,
      0.092,
      -1.047,
      -1.352,
      0.822,
      -1.945,
      -0.877
    ],
    "bias": 1.72,
    "perValue": {}
  },
  "thresholds": {
    "baa_offered": 0.5,
    "breach_notice_days": 0.5,
    "subcontractor_flowdown": 0.55,
    "subprocessors_named": 0.47,
    "ai_training_on_customer_data": 0.78,
    "deidentified_data_use": 0.62,
    "data_sale_or_marketing": 0.52,
    "law_enforcement_disclosure": 0.5,
    "record_ownership": 0.6,
    "return_or_destroy_on_termination": 0.67,
    "audio_or_recording_retention_days": 0.5,
    "offshore_processing": 0.6
  }
};
