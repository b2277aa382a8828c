/**
 * The extraction's confidence calibration, written by test/bench/support/fit-calibration.ts (do not edit by hand;
 * re-run it with --write and review the diff like data). Fitted on the tuning corpora only (project, holdout, shared, ota-tune, ota-check, ota-fresh, ota-fresh2, ota-fresh3, ota-fresh4)
 * and on earlier extractors' answers on those sets while they were unseen; 911 answers, 97 wrong.
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
      1.014,
      0.777,
      -0.297,
      2.218,
      1.225,
      0.437,
      -0.498,
      0.845,
      0.17,
      -0.009
    ],
    "bias": 1.375,
    "perValue": {
      "ai_training_on_customer_data=allowed": 0.551,
      "ai_training_on_customer_data=opt_in": 0.176,
      "ai_training_on_customer_data=opt_out": 0.34,
      "ai_training_on_customer_data=prohibited": 0.371,
      "audio_or_recording_retention_days": 0.72,
      "baa_offered=no": 0.194,
      "baa_offered=yes": 0.898,
      "breach_notice_days": 0.331,
      "data_sale_or_marketing=allowed": 0.845,
      "data_sale_or_marketing=prohibited": -1.317,
      "deidentified_data_use=allowed": -0.4,
      "deidentified_data_use=prohibited": -0.731,
      "law_enforcement_disclosure=any_legal_request": -0.865,
      "law_enforcement_disclosure=judicial_process_only": -0.166,
      "law_enforcement_disclosure=legal_process_with_notice": -0.684,
      "offshore_processing=no": 0.38,
      "offshore_processing=yes": -0.878,
      "record_ownership=customer": 1.056,
      "record_ownership=vendor": 0.39,
      "return_or_destroy_on_termination=no": -0.524,
      "return_or_destroy_on_termination=yes": -0.664,
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
      "ownBrand"
    ],
    "weights": [
      0.609,
      1.612,
      -0.071,
      -0.908,
      0.381,
      0.113,
      -0.764,
      -1.531,
      0.389,
      -1.129
    ],
    "bias": 1.862,
    "perValue": {}
  },
  "thresholds": {
    "baa_offered": 0.5,
    "breach_notice_days": 0.5,
    "subcontractor_flowdown": 0.83,
    "subprocessors_named": 0.45,
    "ai_training_on_customer_data": 0.5,
    "deidentified_data_use": 0.5,
    "data_sale_or_marketing": 0.52,
    "law_enforcement_disclosure": 0.6,
    "record_ownership": 0.5,
    "return_or_destroy_on_termination": 0.69,
    "audio_or_recording_retention_days": 0.5,
    "offshore_processing": 0.51
  }
};
