/**
 * The registry of the project-labelled OTA sets (issue 7): each set's label file, selection rule, role, and the record
 * of its first figures. Kept apart from the loading code (extraction-corpora.ts) because a set is added or changes role
 * with every labelling session while the loading rarely changes; importers of extraction-corpora.ts still find it there.
 */
import type { CorpusRole } from './extraction-corpora.js';
import type { SaltedRule } from './fresh-rules.js';
import {
  FRESH2_RULE, FRESH3_RULE, FRESH4_RULE, FRESH5_RULE, FRESH6_RULE, FRESH7_RULE, FRESH8_RULE, FRESH9_RULE, FRESH10_RULE, FRESH11_RULE, FRESH12_RULE, FRESH13_RULE, FRESH14_RULE, FRESH15_RULE, FRESH16_RULE, FRESH17_RULE, FRESH18_RULE, FRESH19_RULE, FRESH20_RULE, FRESH21_RULE, FRESH22_RULE, FRESH23_RULE, FRESH24_RULE, FRESH25_RULE, FRESH26_RULE, FRESH27_RULE, FRESH28_RULE,
} from './fresh-rules.js';

/** One of the project's labelled OTA sets, in the order the sets were chosen (each excludes every earlier set). */
export interface FreshSet {
  name: string;
  /** Label file under test/fixtures/ota-labels. */
  file: string;
  /** 'fresh' is {@link FRESH_RULE}; the others are salted rules. */
  rule: 'fresh' | SaltedRule;
  /** `tune` once its misses have been studied; `fresh` while unseen (mismatches hidden). */
  role: CorpusRole;
  /**
   * A validation set (issue 7): a studied set (role `tune`, develop work may read its sums only) kept out of every
   * fit, so that the figures measured on it are measured with weights and thresholds that never saw it.
   */
  validation?: true;
  description: string;
}

const picked = (rule: string, count: string) => `OTA documents picked by ${rule} (${count}, services in no other labelled set) and labelled before the extractor was run on them`;

/**
 * Every project-labelled OTA set. A set leaves the unseen pool (role `fresh` → `tune`) when its misses are first
 * read; its description keeps its last unseen figures (micro TP/FP/FN).
 */
export const FRESH_SETS: FreshSet[] = [
  { name: 'ota-fresh', file: 'labels.json', rule: 'fresh', role: 'tune', description: 'OTA documents picked by FRESH_RULE and labelled for this project (test/fixtures/ota-labels); held out until 2026-12-02, studied since (a tuning set)' },
  { name: 'ota-fresh2', file: 'fresh2.json', rule: FRESH2_RULE, role: 'tune', description: 'OTA documents picked by FRESH2_RULE (16, services in no other labelled set; test/fixtures/ota-labels/fresh2.json); held out until 2026-12-02, studied since (a tuning set)' },
  { name: 'ota-fresh3', file: 'fresh3.json', rule: FRESH3_RULE, role: 'tune', description: `${picked('FRESH3_RULE', '10')}; first scored 2026-12-03, unseen until then (P 0.690 R 0.377), studied since (a tuning set)` },
  { name: 'ota-fresh4', file: 'fresh4.json', rule: FRESH4_RULE, role: 'tune', description: `${picked('FRESH4_RULE', '12')}; first scored 2026-12-03, unseen until the fourth session (last unseen P 0.821 R 0.582, 32/7/23), studied since (a tuning set)` },
  { name: 'ota-fresh5', file: 'fresh5.json', rule: FRESH5_RULE, role: 'tune', description: `${picked('FRESH5_RULE', '12')}; first scored 2026-12-03, unseen until the eighth session (2026-12-04; last unseen 26/4/16), studied since (a tuning set)` },
  { name: 'ota-fresh6', file: 'fresh6.json', rule: FRESH6_RULE, role: 'tune', description: `${picked('FRESH6_RULE', '12: 6 privacy policies, 4 terms, 2 developer terms')}; first scored 2026-12-03, unseen until the eighth session (2026-12-04; last unseen 29/12/16), studied since (a tuning set)` },
  { name: 'ota-fresh7', file: 'fresh7.json', rule: FRESH7_RULE, role: 'tune', description: `${picked('FRESH7_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; first scored 2026-12-03, unseen until the eighth session (2026-12-04; last unseen 36/17/27), studied since (a tuning set)` },
  { name: 'ota-fresh8', file: 'fresh8.json', rule: FRESH8_RULE, role: 'tune', description: `${picked('FRESH8_RULE', '12, not in ota-fresh7 either: 7 privacy policies, 4 terms, 1 trackers policy')}; first scored 2026-12-03; unseen until the ninth session (2026-12-04; last unseen 50/10/24), studied since (a tuning set)` },
  { name: 'ota-fresh9', file: 'fresh9.json', rule: FRESH9_RULE, role: 'tune', description: `${picked('FRESH9_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; first scored 2026-12-04 (fresh9-first-figures.json); unseen until the ninth session (2026-12-04; last unseen 43/10/30), studied since (a tuning set)` },
  { name: 'ota-fresh10', file: 'fresh10.json', rule: FRESH10_RULE, role: 'tune', validation: true, description: `${picked('FRESH10_RULE', '12, not in ota-fresh9 either: 7 privacy policies, 4 terms, 1 trackers policy')}; first scored 2026-12-04 (fresh10-first-figures.json); unseen until the ninth session (2026-12-04; last unseen 26/6/30), studied since (a tuning set)` },
  { name: 'ota-fresh11', file: 'fresh11.json', rule: FRESH11_RULE, role: 'tune', validation: true, description: `${picked('FRESH11_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 before labelling; first scored 2026-12-04 (fresh11-first-figures.json); unseen until the ninth session (2026-12-04; last unseen 30/6/10), studied since (a tuning set)` },
  { name: 'ota-fresh12', file: 'fresh12.json', rule: FRESH12_RULE, role: 'tune', validation: true, description: `${picked('FRESH12_RULE', '12, not in ota-fresh11 either: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 before labelling; first scored 2026-12-04 (fresh12-first-figures.json); unseen until the ninth session (2026-12-04; last unseen 58/10/22), studied since (a tuning set)` },
  { name: 'ota-fresh13', file: 'fresh13.json', rule: FRESH13_RULE, role: 'tune', description: `${picked('FRESH13_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (ninth session) before labelling; first scored 2026-12-04 (fresh13-first-figures.json); unseen until the twelfth session (2026-12-04; last unseen 18/9/13), studied since (a tuning set)` },
  { name: 'ota-fresh14', file: 'fresh14.json', rule: FRESH14_RULE, role: 'tune', description: `${picked('FRESH14_RULE', '12, not in ota-fresh13 either: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (ninth session) before labelling; first scored 2026-12-04 (fresh14-first-figures.json); unseen until the twelfth session (2026-12-04; last unseen 24/5/11), studied since (a tuning set)` },
  { name: 'ota-fresh15', file: 'fresh15.json', rule: FRESH15_RULE, role: 'tune', description: `${picked('FRESH15_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (ninth session) before labelling; first scored 2026-12-04 (fresh15-first-figures.json); unseen until the twelfth session (2026-12-04; last unseen 37/12/35), studied since (a tuning set)` },
  { name: 'ota-fresh16', file: 'fresh16.json', rule: FRESH16_RULE, role: 'tune', description: `${picked('FRESH16_RULE', '12, not in ota-fresh15 either: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (ninth session) before labelling; first scored 2026-12-04 (fresh16-first-figures.json); unseen until the twelfth session (2026-12-04; last unseen 35/6/13), studied since (a tuning set)` },
  { name: 'ota-fresh17', file: 'fresh17.json', rule: FRESH17_RULE, role: 'tune', description: `${picked('FRESH17_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (tenth session) before labelling; first scored 2026-12-04 (fresh17-first-figures.json); 201 of its 217 labelled names are one document's table of ad-tech providers (ValueImpression), so its name figures are that table's; unseen until the fourteenth session (2026-12-05; last unseen 208/6/39, extractor as at 3c74a5e), studied since (a tuning set)` },
  { name: 'ota-fresh18', file: 'fresh18.json', rule: FRESH18_RULE, role: 'tune', description: `${picked('FRESH18_RULE', '12, not in ota-fresh17 either: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (tenth session) before labelling; first scored 2026-12-04 (fresh18-first-figures.json); unseen until the fourteenth session (2026-12-05; last unseen 27/4/31, extractor as at 3c74a5e), studied since (a tuning set)` },
  { name: 'ota-fresh19', file: 'fresh19.json', rule: FRESH19_RULE, role: 'tune', description: `${picked('FRESH19_RULE', '12: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (twelfth session) before labelling; first scored 2026-12-04 (fresh19-first-figures.json); unseen until the fourteenth session (2026-12-05; last unseen 46/10/28, extractor as at 3c74a5e), studied since (a tuning set)` },
  { name: 'ota-fresh20', file: 'fresh20.json', rule: FRESH20_RULE, role: 'tune', description: `${picked('FRESH20_RULE', '12, not in ota-fresh19 either: 7 privacy policies, 4 terms, 1 trackers policy')}; rule committed 2026-12-04 (twelfth session) before labelling; first scored 2026-12-04 (fresh20-first-figures.json); unseen until the fourteenth session (2026-12-05; last unseen 64/18/30, extractor as at 3c74a5e), studied since (a tuning set)` },
  { name: 'ota-fresh21', file: 'fresh21.json', rule: FRESH21_RULE, role: 'tune', description: `${picked('FRESH21_RULE', '12: 8 privacy policies, 4 terms')}; rule committed 2026-12-05 (fourteenth session) before labelling; unseen until the seventeenth session (2026-12-05; last unseen 68/10/37, extractor as at e2e617b), studied since (a tuning set): develop gains had stopped carrying to unseen text, so one unseen set's misses are read to learn their kind` },
  { name: 'ota-fresh22', file: 'fresh22.json', rule: FRESH22_RULE, role: 'tune', description: `${picked('FRESH22_RULE', '12, not in ota-fresh21 either: 8 privacy policies, 4 terms')}; rule committed 2026-12-05 (fourteenth session) before labelling; unseen until the twenty-first session (2026-12-06; last unseen 46/7/28, extractor as at 0d066c6), studied since (a tuning set): develop gains had again stopped carrying to unseen text` },
  { name: 'ota-fresh23', file: 'fresh23.json', rule: FRESH23_RULE, role: 'tune', description: `${picked('FRESH23_RULE', '12, not in ota-fresh21/22 either: 8 privacy policies, 4 terms')}; rule committed 2026-12-05 (fifteenth session) before labelling; unseen until the twenty-first session (2026-12-06; last unseen 37/9/20, extractor as at 0d066c6), studied since (a tuning set)` },
  { name: 'ota-fresh24', file: 'fresh24.json', rule: FRESH24_RULE, role: 'fresh', description: `${picked('FRESH24_RULE', '12, not in ota-fresh21 … 23 either: 5 privacy policies (all that are left), 7 terms')}; rule committed 2026-12-05 (sixteenth session) before labelling` },
  { name: 'ota-fresh25', file: 'fresh25.json', rule: FRESH25_RULE, role: 'fresh', description: `OTA documents picked by FRESH25_RULE (12, not in ota-fresh21 … 24 either: 6 terms of services in no other labelled set, 6 privacy policies of services whose privacy policy was never labelled, though another of their documents may have been) and labelled before the extractor was run on them; rule committed 2026-12-05 (seventeenth session) before labelling` },
  { name: 'ota-fresh26', file: 'fresh26.json', rule: FRESH26_RULE, role: 'fresh', description: `OTA documents picked by FRESH26_RULE (12, not in ota-fresh … 25 either, texts never labelled: 4 privacy policies of services whose privacy policy was never labelled, 3 terms of services in no other labelled set, 1 commercial terms and 3 trackers policies of services with no document of that kind labelled, 1 developer terms of a service in no other labelled set) and labelled before the extractor was run on them; rule committed 2026-12-06 (eighteenth session) before labelling` },
  { name: 'ota-fresh27', file: 'fresh27.json', rule: FRESH27_RULE, role: 'fresh', description: `OTA documents picked by FRESH27_RULE (12, not in ota-fresh … 26 either, texts never labelled: 6 privacy policies of services whose privacy policy was never labelled, 4 terms of services in no other labelled set, 2 trackers policies of services with no trackers policy labelled) and labelled before the extractor was run on them; rule committed 2026-12-06 (twenty-first session) before labelling` },
  { name: 'ota-fresh28', file: 'fresh28.json', rule: FRESH28_RULE, role: 'fresh', description: `OTA documents picked by FRESH28_RULE (12, not in ota-fresh … 27 either, texts never labelled: 6 privacy policies of services whose privacy policy was never labelled, 4 terms of services in no other labelled set, 2 trackers policies of services with no trackers policy labelled) and labelled before the extractor was run on them; rule committed 2026-12-06 (twenty-second session) before labelling` },
];
