/**
 * The selection rules of the project's labelled OTA sets (ota-fresh … ota-fresh31), each committed before any of
 * its documents was read. Kept apart from fresh-sets.ts (which registers the sets) and extraction-corpora.ts (which loads them) because
 * they are a record: a rule is never edited once its set is labelled, only new ones are added.
 */
import type { RuleKind } from './fresh-rules-early.js';
import { FRESH6_RULE, FRESH9_RULE } from './fresh-rules-early.js';

// The older rules live in their own file (this one had outgrown a few hundred lines); re-exported so every rule,
// and RuleKind, is still imported from fresh-rules.ts as callers and committed notes say.
export * from './fresh-rules-early.js';

/**
 * The `ota-fresh21` and `ota-fresh22` rules (issue 7, fourteenth session, 2026-12-05), committed before any of their
 * documents was read and before the extractor was run on them, in the same form as {@link FRESH9_RULE}: services in
 * no earlier labelled set (fresh22 also excludes what fresh21 picks), 8 privacy policies and 4 terms each (no trackers
 * policy of an unlabelled service is left). They are the unseen pool from this session;
 * ota-fresh17 … 20 became tuning sets in the same session (their misses are studied from now on).
 */
export const FRESH21_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = {
  ...FRESH9_RULE,
  salt: 'ota-fresh21:',
  // No trackers policy of an unlabelled service is left (the rule threw 'only 0 of 1'), so its place goes to an
  // eighth privacy policy: 8 privacy policies, 4 terms.
  kinds: FRESH9_RULE.kinds.map((k) => (k.kind === 'trackers policy' ? { ...k, count: 0 } : k.kind === 'privacy policy' ? { ...k, count: 8 } : k)),
};
export const FRESH22_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = { ...FRESH21_RULE, salt: 'ota-fresh22:' };

/**
 * The `ota-fresh23` rule (issue 7, fifteenth session, 2026-12-05), committed before any of its documents was read and
 * before the extractor was run on them, in the same form as {@link FRESH21_RULE}: services in no earlier labelled set
 * (labels.json, ota-fresh … ota-fresh22), texts not already labelled, at most 100,000 characters, lowest
 * sha256("ota-fresh23:" + path) per kind; 12 documents: 8 privacy policies and 4 terms (no trackers policy of an
 * unlabelled service is left). It widens the unseen pool beside ota-fresh21/22.
 */
export const FRESH23_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = { ...FRESH21_RULE, salt: 'ota-fresh23:' };

/**
 * The `ota-fresh24` rule (issue 7, sixteenth session, 2026-12-05), committed before any of its documents was read and
 * before the extractor was run on them, in the same form as {@link FRESH21_RULE}: services in no earlier labelled set
 * (labels.json, ota-fresh … ota-fresh23), texts not already labelled, at most 100,000 characters, lowest
 * sha256("ota-fresh24:" + path) per kind; 12 documents. FRESH21_RULE's 8 privacy policies and 4 terms cannot be
 * picked: only 5 privacy policies of unlabelled services are left (the rule threw 'only 5 of 8'; no trackers policy
 * or commercial terms either, 28 terms of service), so all 5 privacy policies are taken and 7 terms fill the set,
 * keeping the kinds of ota-fresh21 … 23. It widens the unseen pool beside ota-fresh21 … 23, and is the last set of
 * this form the index can give with privacy policies in it.
 */
export const FRESH24_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = {
  ...FRESH21_RULE,
  salt: 'ota-fresh24:',
  kinds: FRESH21_RULE.kinds.map((k) => (k.kind === 'privacy policy' ? { ...k, count: 5 } : k.kind === 'terms' ? { ...k, count: 7 } : k)),
};

/**
 * The `ota-fresh25` rule (issue 7, seventeenth session, 2026-12-05), committed before any of its documents was read
 * and before the extractor was run on them, in the same form as {@link FRESH24_RULE}: texts not already labelled, at
 * most 100,000 characters, lowest sha256("ota-fresh25:" + path) per kind; 12 documents: 6 privacy policies and 6
 * terms (Terms of Service or Commercial Terms) of services in no earlier labelled set (labels.json, ota-fresh …
 * ota-fresh24). No privacy policy of a service with nothing labelled is left (FRESH24_RULE took the last 5; the
 * remaining ones are over 100,000 characters or texts already labelled), so for privacy policies alone the service
 * condition is relaxed (`excludes: 'same kind'`): a privacy policy is admitted when no privacy policy of its service
 * (Privacy Policy or Parent Organization Privacy Policy) was ever labelled, though another document of the service
 * (its terms, say) may have been. Why that is still unseen text: the privacy policy's own text was never labelled
 * or tuned on, and a service's terms and privacy policy are different documents with different clauses. The risk,
 * said so it is weighed: a helper may have read such a policy when checking a changed answer of the extraction
 * guard (unlabelled documents' changed answers are read), and a sibling's labels may hint at the vendor's habits.
 * Terms keep the strict condition (18 terms of services with nothing labelled are left within the size limit).
 */
export const FRESH25_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = {
  ...FRESH21_RULE,
  salt: 'ota-fresh25:',
  kinds: FRESH21_RULE.kinds.map((k) => (k.kind === 'privacy policy' ? { ...k, count: 6, excludes: 'same kind' as const } : k.kind === 'terms' ? { ...k, count: 6 } : k)),
};

/**
 * The `ota-fresh26` rule (issue 7, eighteenth session, 2026-12-06), committed with its picks (by path only) before any
 * of its documents was read and before the extractor was run on them, in the same form as {@link FRESH25_RULE}: texts
 * (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh25), at most 100,000 characters,
 * lowest sha256("ota-fresh26:" + path) per kind; 12 documents. Each kind keeps the strictest service condition the
 * index still allows, and the set mixes kinds so more facts are exercised. What was possible (index at d6fb386):
 * - DPA, controller agreement, law-enforcement guidelines: none whose text was never labelled, of any service (every
 *   one is labelled or the same text as a labelled one); kept at count 0 so the attempt is on record.
 * - privacy policies: none of a service with nothing labelled (6 over 100,000 characters); 70 whose service never had
 *   a privacy policy labelled, so `excludes: 'same kind'` as in FRESH25_RULE: 4.
 * - terms (Terms of Service or Commercial Terms) of services with nothing labelled: 12 left, strict condition: 3.
 * - commercial terms: none of a service with nothing labelled; one text never labelled (of a service whose other
 *   documents were), `excludes: 'same kind'`: 1.
 * - developer terms (API data-use contracts): one of a service with nothing labelled, strict condition: 1.
 * - trackers policies (where cookie and ad-tech providers are named): none of a service with nothing labelled; 21
 *   whose service never had a trackers policy labelled, `excludes: 'same kind'`: 3.
 * The relaxed kinds carry FRESH25_RULE's risk, said so it is weighed: the text itself was never labelled or tuned on,
 * but a helper may have read it when checking the extraction guard's changed answers, and a sibling's labels may hint
 * at the vendor's habits.
 */
export const FRESH26_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = {
  salt: 'ota-fresh26:',
  maxChars: 100_000,
  kinds: [
    ...FRESH6_RULE.kinds.filter((k) => k.count === 0),
    { kind: 'privacy policy', types: ['Privacy Policy.md', 'Parent Organization Privacy Policy.md'], count: 4, excludes: 'same kind' },
    { kind: 'terms', types: ['Terms of Service.md', 'Commercial Terms.md'], count: 3 },
    { kind: 'commercial terms', types: ['Commercial Terms.md'], count: 1, excludes: 'same kind' },
    { kind: 'developer terms', types: ['Developer Terms.md'], count: 1 },
    { kind: 'trackers policy', types: ['Trackers Policy.md'], count: 3, excludes: 'same kind' },
  ],
};

export type SaltedRule = { salt: string; maxChars: number; kinds: RuleKind[] };

/**
 * The `ota-fresh27` rule (issue 7, twenty-first session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH26_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh26), at most 100,000
 * characters, lowest sha256("ota-fresh27:" + path) per kind; 12 documents. Why now: ota-fresh22 and ota-fresh23 leave
 * the unseen pool this session (their misses are read to learn their kind), so the pool gets fresh text. What the
 * index still allows (at 0d066c6): privacy policies — none of a service with nothing labelled, 66 whose service never
 * had a privacy policy labelled (`excludes: 'same kind'`): 6, since most facts live in them; terms of services with
 * nothing labelled: 9 left, strict condition: 4; trackers policies — 18 of services with no trackers policy labelled
 * (`excludes: 'same kind'`): 2. The relaxed kinds carry {@link FRESH25_RULE}'s risk, said so it is weighed.
 */
export const FRESH27_RULE: { salt: string; maxChars: number; kinds: RuleKind[] } = {
  salt: 'ota-fresh27:',
  maxChars: 100_000,
  kinds: [
    { kind: 'privacy policy', types: ['Privacy Policy.md', 'Parent Organization Privacy Policy.md'], count: 6, excludes: 'same kind' },
    { kind: 'terms', types: ['Terms of Service.md', 'Commercial Terms.md'], count: 4 },
    { kind: 'trackers policy', types: ['Trackers Policy.md'], count: 2, excludes: 'same kind' },
  ],
};

/**
 * The `ota-fresh28` rule (issue 7, twenty-second session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH27_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh27), at most 100,000
 * characters, lowest sha256("ota-fresh28:" + path) per kind; 12 documents. Why now: the unseen pool (ota-fresh24 …
 * 27) is where every figure this session is judged, and twelve more never-read texts make those figures less a
 * matter of which few documents happen to be in it. Same kinds and conditions as FRESH27_RULE (privacy policies of
 * services whose privacy policy was never labelled, 6; terms of services with nothing labelled, 4; trackers policies
 * of services with no trackers policy labelled, 2), with FRESH25_RULE's risk for the relaxed kinds.
 */
export const FRESH28_RULE: SaltedRule = { salt: 'ota-fresh28:', maxChars: FRESH27_RULE.maxChars, kinds: FRESH27_RULE.kinds };

/**
 * The `ota-fresh29` rule (issue 7, twenty-third session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH28_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh28), at most 100,000
 * characters, lowest sha256("ota-fresh29:" + path) per kind; 12 documents. Why now: ota-fresh24 and ota-fresh25 leave
 * the unseen pool this session (their misses are read: develop gains had stopped carrying to unseen text), so the
 * pool gets twelve never-read texts. Same kinds and conditions as FRESH27_RULE except terms: only one terms text of a
 * service with nothing labelled is left (at b23b180), so 1 such and 3 of services whose terms were never labelled
 * (`excludes: 'same kind'`), with FRESH25_RULE's risk for the relaxed kinds.
 */
export const FRESH29_RULE: SaltedRule = {
  salt: 'ota-fresh29:',
  maxChars: FRESH27_RULE.maxChars,
  kinds: [
    FRESH27_RULE.kinds[0],
    { kind: 'terms', types: ['Terms of Service.md', 'Commercial Terms.md'], count: 1 },
    { kind: 'terms of a service whose terms were never labelled', types: ['Terms of Service.md', 'Commercial Terms.md'], count: 3, excludes: 'same kind' },
    FRESH27_RULE.kinds[2],
  ],
};

/**
 * The `ota-fresh30` rule (issue 7, twenty-fourth session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH29_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh29), at most 100,000
 * characters, lowest sha256("ota-fresh30:" + path) per kind; 12 documents. Why now: ota-fresh26 and ota-fresh27 leave
 * the unseen pool this session (their misses are read), so the pool gets twelve never-read texts. No terms text of a
 * service with nothing labelled is left (FRESH29_RULE took the last), so all 4 terms are of services whose terms were
 * never labelled (`excludes: 'same kind'`), with FRESH25_RULE's risk for the relaxed kinds.
 */
export const FRESH30_RULE: SaltedRule = {
  salt: 'ota-fresh30:',
  maxChars: FRESH27_RULE.maxChars,
  kinds: [FRESH27_RULE.kinds[0], { ...FRESH29_RULE.kinds[2]!, count: 4 }, FRESH27_RULE.kinds[2]],
};

/**
 * The `ota-fresh31` rule (issue 7, twenty-sixth session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH30_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh30), at most 100,000
 * characters, lowest sha256("ota-fresh31:" + path) per kind; 12 documents. Why now: ota-fresh28 leaves the unseen pool
 * this session (its misses are read: precision on unseen text is the larger gap and its false alarms had never been
 * studied), so the pool gets twelve never-read texts. Same kinds and conditions as FRESH30_RULE.
 */
export const FRESH31_RULE: SaltedRule = { salt: 'ota-fresh31:', maxChars: FRESH30_RULE.maxChars, kinds: FRESH30_RULE.kinds };

/**
 * The `ota-fresh32` rule (issue 7, twenty-seventh session, 2026-12-06), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH31_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh31), at most 100,000
 * characters, lowest sha256("ota-fresh32:" + path) per kind; 12 documents. Why now: ota-fresh29 leaves the unseen pool
 * this session (its misses are read: sub-processor names are most of the unseen gap and they are studied on its
 * texts), so the pool gets twelve never-read texts. Same kinds and conditions as FRESH30_RULE.
 */
export const FRESH32_RULE: SaltedRule = { salt: 'ota-fresh32:', maxChars: FRESH30_RULE.maxChars, kinds: FRESH30_RULE.kinds };

/**
 * The `ota-fresh33` rule (issue 7, twenty-eighth session, 2026-12-07), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH32_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh32), at most 100,000
 * characters, lowest sha256("ota-fresh33:" + path) per kind; 12 documents. Why now: ota-fresh32 leaves the unseen pool
 * this session (its trackers policies are labelled with third-party cookie-table domains, which the lead learned from
 * the labellers' reports, so a rule for such cells could not be measured blind on it), so the pool gets twelve
 * never-read texts. Same kinds and conditions as FRESH30_RULE.
 */
export const FRESH33_RULE: SaltedRule = { salt: 'ota-fresh33:', maxChars: FRESH30_RULE.maxChars, kinds: FRESH30_RULE.kinds };

/**
 * The `ota-fresh34` rule (issue 7, twenty-ninth session, 2026-12-07), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH33_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh33), at most 100,000
 * characters, lowest sha256("ota-fresh34:" + path) per kind; 12 documents. Why now: the unseen pool (ota-fresh30, 31,
 * 33) holds 163 labelled answers, three or fewer for AI training, ownership and recording retention, so a fourth
 * never-read set widens what the pool can show. Same kinds and conditions as FRESH30_RULE.
 */
export const FRESH34_RULE: SaltedRule = { salt: 'ota-fresh34:', maxChars: FRESH30_RULE.maxChars, kinds: FRESH30_RULE.kinds };

/**
 * The `ota-fresh35` rule (issue 7, thirty-first session, 2026-12-07), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH34_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh34), at most 100,000
 * characters, lowest sha256("ota-fresh35:" + path) per kind; 12 documents. Why now: ota-fresh30 and ota-fresh31 leave
 * the unseen pool this session (four sessions of develop work moved the pool by one answer: 158/23/79 → 157/23/80, so
 * their misses are read to learn what unseen text does that develop text does not), and the pool gets twelve
 * never-read texts. Same kinds and conditions as FRESH30_RULE.
 */
export const FRESH35_RULE: SaltedRule = { salt: 'ota-fresh35:', maxChars: FRESH30_RULE.maxChars, kinds: FRESH30_RULE.kinds };

/**
 * The `ota-fresh36` rule (issue 7, thirty-third session, 2026-12-07), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH35_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh35), at most 100,000
 * characters, lowest sha256("ota-fresh36:" + path) per kind; 12 documents. Why now: the unseen pool (ota-fresh33 … 35,
 * 36 documents, ~190 answers) is small enough that one answer moves its precision by half a point; twelve more
 * never-read texts make its figures steadier. Same conditions as FRESH30_RULE; kinds below.
 */
export const FRESH36_RULE: SaltedRule = {
  salt: 'ota-fresh36:',
  maxChars: FRESH30_RULE.maxChars,
  // No trackers policy of a service without one labelled is left (the rule threw 'only 0 of 2'), so their places go to
  // privacy policies: 8 privacy policies, 4 terms.
  kinds: FRESH30_RULE.kinds.map((k) => (k.kind === 'trackers policy' ? { ...k, count: 0 } : k.kind === 'privacy policy' ? { ...k, count: 8 } : k)),
};

/**
 * The `ota-fresh37` rule (issue 7, thirty-fourth session, 2026-12-07), committed with its picks (by path only) before
 * any of its documents was read and before the extractor was run on them, in the same form as {@link FRESH36_RULE}:
 * texts (index sha256) not already labelled in any set (labels.json, ota-fresh … ota-fresh36), at most 100,000
 * characters, lowest sha256("ota-fresh37:" + path) per kind; 12 documents. Why now: ota-fresh33 leaves the unseen pool
 * this session (a whole session of develop work left the pool at 140/27/100, so its misses are read to learn what
 * unseen text does), and the pool gets twelve never-read texts. Same conditions as FRESH36_RULE; only five privacy
 * policies of services whose privacy policy was never labelled are left (the rule threw 'only 5 of 8'), so their
 * places go to terms: 5 privacy policies, 7 terms.
 */
export const FRESH37_RULE: SaltedRule = {
  salt: 'ota-fresh37:',
  maxChars: FRESH36_RULE.maxChars,
  kinds: FRESH36_RULE.kinds.map((k) => ({ ...k, count: k.kind === 'privacy policy' ? 5 : k.kind === 'trackers policy' ? 0 : 7 })),
};
