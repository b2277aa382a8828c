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
      "itemised",
      "long"
    ],
    "weights": [
      1.024,
      0.817,
      -0.263,
      2.226,
      1.191,
      0.553,
      0.893,
      0.036
    ],
    "bias": 1.237,
    "perValue": {
      "ai_training_on_customer_data=allowed": 0.5,
      "ai_training_on_customer_data=opt_in": 0.155,
      "ai_training_on_customer_data=opt_out": 0.362,
      "ai_training_on_customer_data=prohibited": 0.386,
      "audio_or_recording_retention_days": 0.748,
      "baa_offered=no": 0.192,
      "baa_offered=yes": 0.858,
      "breach_notice_days": 0.324,
      "data_sale_or_marketing=allowed": 0.899,
      "data_sale_or_marketing=prohibited": -1.233,
      "deidentified_data_use=allowed": -0.375,
      "deidentified_data_use=prohibited": -0.691,
      "law_enforcement_disclosure=any_legal_request": -0.874,
      "law_enforcement_disclosure=judicial_process_only": -0.122,
      "law_enforcement_disclosure=legal_process_with_notice": -0.726,
      "offshore_processing=no": 0.393,
      "offshore_processing=yes": -0.847,
      "record_ownership=customer": 0.946,
      "record_ownership=vendor": 0.327,
      "return_or_destroy_on_termination=no": -0.69,
      "return_or_destroy_on_termination=yes": -0.592,
      "subcontractor_flowdown=yes": 0.225
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
      "linked"
    ],
    "weights": [
      0.763,
      1.827,
      -0.531,
      -0.927,
      0.075,
      0.105,
      -0.597,
      0.458
    ],
    "bias": 1.769,
    "perValue": {}
  },
  "thresholds": {
    "baa_offered": 0.5,
    "breach_notice_days": 0.5,
    "subcontractor_flowdown": 0.81,
    "subprocessors_named": 0.5,
    "ai_training_on_customer_data": 0.5,
    "deidentified_data_use": 0.6,
    "data_sale_or_marketing": 0.51,
    "law_enforcement_disclosure": 0.5,
    "record_ownership": 0.5,
    "return_or_destroy_on_termination": 0.67,
    "audio_or_recording_retention_days": 0.5,
    "offshore_processing": 0.6
  }
};
