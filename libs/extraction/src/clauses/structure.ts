import type { Sentence } from '../text/sentences.js';

const LIST_ITEM = /^(?:[-*•·▪◦]\s|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]\s)/i;

/** Whether a sentence is a list item ("- …", "(a) …", "1. …"). */
export function isListItem(s: Sentence): boolean {
  return LIST_ITEM.test(s.view);
}

/** Whether a sentence is a table row ("cell | cell"). */
export function isTableRow(s: Sentence): boolean {
  return s.view.includes(' | ') || /^\|/.test(s.view);
}

/**
 * The sentence that introduces a list item or table row: the nearest sentence before the list that is not
 * itself an item or a row (usually ending with ':' — "We share your information with:"), within a few
 * sentences and under the same heading. Items inherit its actor and action ("- to comply with legal process").
 */
export function introOf(sentences: Sentence[], s: Sentence): Sentence | undefined {
  if (!isListItem(s) && !isTableRow(s)) return undefined;
  for (let i = s.index - 1, seen = 0; i >= 0 && seen < 60; i--, seen++) {
    const p = sentences[i];
    if (p.isHeading) return p;
    if (p.heading !== s.heading) return undefined;
    if (isListItem(p) || isTableRow(p)) continue;
    // The paragraph before the list: its sentence that announces a list ("… for the following purposes.",
    // "We share your information with:"), or a short title line ("Other instances where we share data").
    for (let k = i; k >= 0 && sentences[k].paragraph === p.paragraph && i - k < 6; k--) {
      const q = sentences[k];
      if (/[:,-]\s*$/.test(q.view) || /\b(?:following|below|as follows)\b/i.test(q.view)) return q;
    }
    return p.view.length <= 160 && !/[.!?]["')]?\s*$/.test(p.view) ? p : undefined;
  }
  return undefined;
}

/** The cells of a table row. */
export function cellsOf(s: Sentence): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let from = 0;
  const v = s.view;
  for (let k = 0; k <= v.length; k++) {
    if (k < v.length && v[k] !== '|') continue;
    const raw = v.slice(from, k);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), start: from + lead });
    from = k + 1;
  }
  return out;
}
