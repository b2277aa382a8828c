/**
 * "Needs review" in the details panel: every candidate the extractor kept for a person, with its quote and a
 * one-click accept or reject. Both post the existing correction (POST …/facts/:fact/corrections, a FactCorrected
 * event) naming the candidate it decides; the server re-projects and re-scores, and the next audit shows it.
 *
 * A list fact (sub-processor names) is decided a name at a time: names held back below the confidence threshold
 * can sit beside names the extractor kept, and each gets its own row. Accepting one posts the list with it added;
 * rejecting one posts the list unchanged; both name it as the candidate, so the others stay for review.
 */
import type { AttachedContract, Evidence, Fact, FactName, ReviewCandidate } from '@custody/domain';
import { FACT_VALUES, nameList, unspecifiedValue } from '@custody/domain';
import { factText } from '@custody/reports/plain-language';
import { el, replace, words } from './dom.js';

/** Posts a correction of one document's fact (null in the past and before an audit: nothing can be decided there). */
export type Decide = (documentId: string, fact: string, body: { value: unknown; reason: string; candidate: unknown }) => Promise<unknown>;

/** One decision a person can take: a held-back name, or a scalar value a clause supports. */
interface Item {
  /** What the candidate would make true (a name of a list fact; a value of a scalar one). */
  value: unknown;
  label: string;
  reason: string;
  quote?: Evidence;
}

type Choice = 'accepted' | 'rejected';
/** Decisions sent and not yet shown by an audit (or refused, with why), by document, fact and candidate. */
interface Sent {
  choice: Choice;
  error?: string;
}

const pending = (f: Fact<FactName>) => (f.review ?? []).filter((r) => !r.rejected);
const isList = (name: FactName) => FACT_VALUES[name] === 'list';

/** Facts with a candidate waiting for a person (rejected candidates wait for nobody). */
export function factsToReview(c: AttachedContract): [FactName, Fact<FactName>][] {
  return (Object.entries(c.facts) as [FactName, Fact<FactName>][]).filter(([, f]) => pending(f).length > 0);
}

/** The quote of `name` in a candidate naming several: its own (evidence[i] is value[i]'s), else one that mentions it. */
function quoteOf(r: ReviewCandidate, names: string[], i: number): Evidence | undefined {
  if (r.evidence.length === names.length) return r.evidence[i];
  const lower = names[i].toLowerCase();
  return r.evidence.find((e) => e.quote.toLowerCase().includes(lower)) ?? r.evidence[0];
}

function items(name: FactName, f: Fact<FactName>): Item[] {
  if (!isList(name)) {
    return pending(f).map((r) => ({ value: r.value, label: r.value !== undefined ? showValue(r.value) : 'a clause', reason: reasonText(name, r.reason), quote: r.evidence[0] }));
  }
  const seen = new Set((f.value as string[]).map((n) => n.toLowerCase()));
  return pending(f).flatMap((r) => {
    const names = Array.isArray(r.value) ? (r.value as string[]) : [];
    return names.flatMap((n, i) => {
      if (seen.has(n.toLowerCase())) return [];
      seen.add(n.toLowerCase());
      return [{ value: n, label: n, reason: r.reason, quote: quoteOf(r, names, i) }];
    });
  });
}

/**
 * A candidate's reason as the extractor wrote it names values as they are stored ("a clause also reads as
 * any_legal_request"); the person deciding reads them as words, like every value around them.
 */
export function reasonText(name: FactName, reason: string): string {
  const values = FACT_VALUES[name];
  if (!Array.isArray(values)) return reason;
  return (values as readonly string[]).filter((v) => v.includes('_')).reduce((text, v) => text.replace(new RegExp(`\\b${v}\\b`, 'g'), words(v)), reason);
}

export function showValue(value: unknown): string {
  return Array.isArray(value) ? nameList(value) : words(String(value));
}

/**
 * A stated fact's value as the panel shows it: a null reading kept with its clause (a breach notice bound to 45 CFR
 * 164.410, which states its deadline by reference) reads as the reports write it, never "null".
 */
export function shownFact(fact: { value: unknown; evidence: readonly Evidence[] }): string {
  return fact.value === null ? factText(fact) : showValue(fact.value);
}

/** A quote with where it is (file, line or page). */
export function evidenceQuote(e: Evidence): HTMLElement {
  const where = [e.file, e.line !== undefined ? `line ${e.line}` : e.page !== undefined ? `p. ${e.page}` : ''].filter(Boolean).join(' · ');
  return el('blockquote', { class: 'quote' }, e.quote, where ? el('cite', {}, where) : null);
}

/** Renders review blocks and remembers the decisions sent until an audit shows them. */
export class ReviewDecisions {
  private readonly sent = new Map<string, Sent>();
  private decide: Decide | null = null;

  /** `decide` null: the view is of the past (or read-only): candidates are shown without controls. */
  setDecide(decide: Decide | null): void {
    this.decide = decide;
  }

  /** The "needs review" block of one fact of one contract. */
  block(c: AttachedContract, name: FactName, f: Fact<FactName>): HTMLElement | null {
    const list = items(name, f);
    if (list.length === 0) return null;
    const box = el('div', { class: 'fact needs-review', attrs: { 'data-fact': name } });
    const render = () => {
      replace(box,
        el('div', { class: 'fact-line' }, el('span', { class: 'fact-name' }, words(name)), el('code', { class: 'fact-value' }, 'needs review')),
        isList(name) && (f.value as string[]).length > 0 ? el('p', { class: 'review-note muted' }, `${list.length} more held back for review beside the ${(f.value as string[]).length} taken`) : null,
        // A list candidate's reason is said once, above its names (it covers them all).
        ...list.slice(0, isList(name) ? list.length : 2).flatMap((item, i) => [
          isList(name) && item.reason !== list[i - 1]?.reason ? el('p', { class: 'review-reason' }, item.reason) : null,
          this.row(c, name, f, item, render)]));
    };
    render();
    return box;
  }

  private row(c: AttachedContract, name: FactName, f: Fact<FactName>, item: Item, render: () => void): HTMLElement {
    const key = JSON.stringify([c.documentId, name, item.value]);
    const sent = this.sent.get(key);
    const reason = `${item.value !== undefined ? `could be ${item.label}: ` : ''}${item.reason}`;
    const decide = this.decide;
    const controls = item.value === undefined || !decide ? null
      : sent && !sent.error ? el('p', { class: 'review-sent muted' }, `${sent.choice === 'accepted' ? 'Accepted' : 'Rejected'}: re-scoring…`)
        : el('div', { class: 'review-actions' },
          el('button', { class: 'review-accept small', attrs: { type: 'button', 'data-action': 'accept' }, on: { click: () => void this.send(decide, c, name, f, item, 'accepted', key, render) } }, 'Accept'),
          el('button', { class: 'review-reject link', attrs: { type: 'button', 'data-action': 'reject' }, on: { click: () => void this.send(decide, c, name, f, item, 'rejected', key, render) } }, 'Reject'),
          sent?.error ? el('p', { class: 'doc-reason' }, sent.error) : null);
    return el('div', { class: 'review-item', attrs: { 'data-candidate': typeof item.value === 'string' ? item.value : JSON.stringify(item.value) } },
      isList(name) ? el('b', { class: 'review-name' }, item.label) : el('p', { class: 'review-reason' }, reason),
      item.quote ? evidenceQuote(item.quote) : null,
      controls);
  }

  private async send(decide: Decide, c: AttachedContract, name: FactName, f: Fact<FactName>, item: Item, choice: Choice, key: string, render: () => void): Promise<void> {
    this.sent.set(key, { choice });
    render();
    try {
      await decide(c.documentId, name, { value: this.valueAfter(c, name, f, item, choice), candidate: isList(name) ? [item.value] : item.value,
        reason: `${choice === 'accepted' ? 'Accepted' : 'Rejected'} the review candidate ${showValue(item.value)} of ${c.file} in the dashboard` });
    } catch (err) {
      this.sent.set(key, { choice, error: `Could not record it: ${err instanceof Error ? err.message : String(err)}` });
    }
    render();
  }

  /**
   * The value the correction sets. A list: what the audit shows plus the names accepted here and not yet shown
   * (two quick accepts must not post lists that each lack the other's name). A scalar: the candidate, or on a
   * reject the answer shown (unspecified when the extractor abstained).
   */
  private valueAfter(c: AttachedContract, name: FactName, f: Fact<FactName>, item: Item, choice: Choice): unknown {
    if (!isList(name)) return choice === 'accepted' ? item.value : (f.value ?? unspecifiedValue(name));
    const accepted = [...this.sent].filter(([k, s]) => s.choice === 'accepted' && !s.error && k.startsWith(JSON.stringify([c.documentId, name]).slice(0, -1)))
      .map(([k]) => (JSON.parse(k) as [string, string, string])[2]);
    const names = [...(f.value as string[]), ...accepted.filter((n) => n !== item.value), ...(choice === 'accepted' ? [item.value as string] : [])];
    return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  }
}
