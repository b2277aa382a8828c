import type { Evidence } from '@custody/domain';
import type { Sentence } from '../text/sentences.js';

/** What the sub-processor reader's candidates come to (subprocessor-candidates.ts): names kept and names set aside. */

/** A name read as a recipient, with where it was read. */
export interface NamedRecipient {
  name: string;
  ev: Evidence;
  s: Sentence;
  at: number;
  /** Read where a provider noun, a recipients list or another firm reading introduces it (the collector's `strong`). */
  strong?: boolean;
}

/** A name read and set aside, with why (the first few are offered for review, see reviewOrder). */
export interface RejectedName {
  name: string;
  ev: Evidence;
  reason: string;
  /**
   * 'held': a plausible name kept back only because nothing says its list names recipients, the one a person should
   * decide; 'no name': not an organisation's name at all (a category, an authority, an ordinary word), the least
   * worth a review slot. Unset: an organisation set aside for a reason about its role.
   */
  rank?: 'held' | 'no name';
}
