/**
 * The What-if tab: stack hypothetical changes (sign a BAA, disable training, remove a vendor, cut retention,
 * let clinicians disable) on the selected system and see the server's before → after score and the findings
 * that would disappear or appear. The server recomputes everything and stores nothing; Reset drops the stack.
 */
import type { Finding, Lens, Severity } from '@custody/domain';
import { kindLabel, severityRank } from '@custody/domain';
import { exposureBand } from '@custody/graph/cytoscape-elements';
import type { ApiClient, WhatIfChange, WhatIfResponse } from './api.js';
import { count, el, replace } from './dom.js';

type ChangeType = WhatIfChange['type'];

/**
 * What a change applies to: one system, or every install of a fleet group. A group's installs are read when a
 * change is first asked for (`members`), not when the group is clicked: most clicks only look.
 */
export interface WhatIfTarget {
  id: string;
  label: string;
  /** How many systems it stands for (a group's installs). */
  count: number;
  systems: string[] | (() => Promise<string[]>);
  isPractice: boolean;
}

const systemsOf = async (t: WhatIfTarget): Promise<string[]> => (typeof t.systems === 'function' ? t.systems() : t.systems);

interface StackItem {
  key: string;
  type: ChangeType;
  days?: number;
  target: WhatIfTarget;
}

const TOGGLES: [ChangeType, string][] = [
  ['sign_baa', 'Sign a BAA'],
  ['disable_training', 'Disable AI training'],
  ['enable_disable_control', 'Let clinicians disable'],
  ['remove_system', 'Remove vendor'],
];
const LABELS: Record<ChangeType, string> = { ...Object.fromEntries(TOGGLES) as Record<ChangeType, string>, cut_retention: 'Cut retention' };

const pill = (s: Severity) => el('span', { class: `pill sev-${s}` }, s);

export class WhatIfPanel {
  private stack: StackItem[] = [];
  private target: WhatIfTarget | null = null;
  private nameOf: (id: string) => string = (id) => id;
  private result: WhatIfResponse | null = null;
  private status: { text: string; state: 'busy' | 'error' } | null = null;
  private readOnly = false;
  private days = 30;
  private seq = 0;
  // Controls and results render separately: an answer arriving must not rebuild the days box being typed in.
  private readonly controlsBox = el('div', { class: 'whatif-top' });
  private readonly resultsBox = el('div', { class: 'whatif-results' });

  constructor(private readonly root: HTMLElement, private readonly api: ApiClient, private readonly lens: () => Lens | undefined,
    private readonly onCount: (n: number) => void) {
    replace(root,
      el('div', { class: 'pane-head' }, el('h2', {}, 'What if…'),
        el('button', { class: 'link', attrs: { type: 'button', id: 'whatif-reset' }, on: { click: () => this.reset() } }, 'Reset')),
      this.controlsBox, this.resultsBox);
    this.render();
  }

  /** How to name a system in the results (the map's labels, or the audit's names once it is read). */
  setNames(nameOf: (id: string) => string): void {
    this.nameOf = nameOf;
  }

  setTarget(target: WhatIfTarget | null): void {
    this.target = target;
    this.render();
  }

  /** Viewing the past: what-if only makes sense against the live audit, so the stack is dropped. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    if (readOnly) this.reset();
    else this.render();
  }

  reset(): void {
    this.seq++;
    this.stack = [];
    this.result = null;
    this.status = null;
    this.onCount(0);
    this.render();
  }

  /** Re-ask the server (after a lens switch or a live update), when there is anything to ask. */
  refresh(): void {
    if (this.stack.length) void this.run();
  }

  private toggle(type: ChangeType, target: WhatIfTarget, days?: number): void {
    const key = `${type}:${target.id}`;
    const existing = this.stack.findIndex((s) => s.key === key);
    // Cut retention with a new number replaces the old one; the same toggle again removes it.
    if (existing >= 0 && (type !== 'cut_retention' || this.stack[existing].days === days)) this.stack.splice(existing, 1);
    else if (existing >= 0) this.stack[existing] = { key, type, days, target };
    else this.stack.push({ key, type, days, target });
    void this.run();
  }

  private remove(key: string): void {
    this.stack = this.stack.filter((s) => s.key !== key);
    if (this.stack.length) void this.run();
    else this.reset();
  }

  private async run(): Promise<void> {
    const seq = ++this.seq;
    this.onCount(this.stack.length);
    this.status = { text: 'Recalculating…', state: 'busy' };
    this.render();
    try {
      const stack = this.stack;
      const systems = await Promise.all(stack.map((s) => systemsOf(s.target)));
      const changes: WhatIfChange[] = stack.flatMap((s, i) => systems[i]!.map((system): WhatIfChange =>
        s.type === 'cut_retention' ? { type: 'cut_retention', system, days: s.days ?? 0 } : { type: s.type, system }));
      if (seq !== this.seq) return;
      const result = await this.api.whatIf(changes, this.lens());
      if (seq !== this.seq) return; // a newer stack was sent meanwhile
      this.result = result;
      this.status = null;
    } catch (err) {
      if (seq !== this.seq) return;
      this.status = { text: `What-if failed: ${err instanceof Error ? err.message : String(err)}`, state: 'error' };
    }
    this.renderResults();
  }

  private render(): void {
    replace(this.controlsBox,
      this.readOnly ? el('p', { class: 'readonly-note' }, 'You are viewing the past. What-if works on the live audit: go back to live to try changes.') : null,
      this.controls());
    this.renderResults();
  }

  private renderResults(): void {
    const shown = this.result && this.stack.length ? this.result : null;
    replace(this.resultsBox,
      this.status ? el('p', { class: `whatif-status ${this.status.state}`, attrs: { role: 'status' } }, this.status.text) : null,
      // The answer first (score before → after), then what produced it, then the findings that move.
      shown ? this.scoreCompare(shown) : null,
      this.stackList(),
      shown ? this.findingLists(shown) : null);
  }

  private controls(): HTMLElement {
    const t = this.target;
    if (!t || t.isPractice) return el('p', { class: 'muted' }, 'Select a vendor (or a fleet group) on the map to try changes on it. Changes stack, across systems.');
    const pressed = (type: ChangeType) => this.stack.some((s) => s.key === `${type}:${t.id}`);
    const disabled: Record<string, string> = this.readOnly ? { disabled: '' } : {};
    const days = el('input', { attrs: { type: 'number', min: '0', step: '1', value: String(this.days), id: 'whatif-days', 'aria-label': 'Retention in days', ...disabled } });
    days.addEventListener('input', () => { this.days = Math.max(0, Math.round(Number(days.value) || 0)); });
    return el('div', { class: 'whatif-controls' },
      el('div', { class: 'muted' }, 'Changes to ', el('b', { class: 'whatif-target' }, t.label), t.count > 1 ? ` (applied to each of ${count(t.count)} installs)` : null),
      el('div', { class: 'toggles' },
        ...TOGGLES.map(([type, label]) => el('button', {
          class: 'toggle', attrs: { type: 'button', 'data-change': type, 'aria-pressed': String(pressed(type)), ...disabled },
          on: { click: () => this.toggle(type, t) },
        }, label)),
        el('span', { class: 'toggle-group' },
          el('button', { class: 'toggle', attrs: { type: 'button', 'data-change': 'cut_retention', 'aria-pressed': String(pressed('cut_retention')), ...disabled },
            on: { click: () => { this.days = Math.max(0, Math.round(Number(days.value) || 0)); this.toggle('cut_retention', t, this.days); } } }, 'Cut retention to'),
          days, el('span', { class: 'muted' }, 'days'))));
  }

  private stackList(): HTMLElement | null {
    if (!this.stack.length) return null;
    return el('div', { class: 'stack' }, el('h3', {}, `Stacked changes (${this.stack.length})`),
      el('ul', { class: 'stack-list' }, ...this.stack.map((s) => el('li', { attrs: { 'data-key': s.key } },
        el('span', {}, el('b', {}, s.type === 'cut_retention' ? `${LABELS[s.type]} to ${s.days} days` : LABELS[s.type]), ' · ', s.target.label),
        el('button', { class: 'link', attrs: { type: 'button', 'aria-label': `Remove ${LABELS[s.type]} on ${s.target.label}`, ...(this.readOnly ? { disabled: '' } : {}) },
          on: { click: () => this.remove(s.key) } }, 'Remove')))));
  }

  private scoreCompare(r: WhatIfResponse): HTMLElement {
    const before = r.before.score.total;
    const after = r.after.score.total;
    // Scores are in hundredths: a real change of 0.03 points is shown as such, never as "no change".
    const delta = Math.round((after - before) * 100) / 100;
    const badge = (n: number, id: string) => el('span', { class: `score-badge small band-${exposureBand(n)}`, attrs: { id } }, el('b', {}, n), el('span', { class: 'of' }, '/100'));
    return el('div', { class: 'outcome' },
      el('div', { class: 'score-compare', attrs: { 'aria-label': `Score ${before} to ${after}` } },
        badge(before, 'whatif-before'), el('span', { class: 'arrow', attrs: { 'aria-hidden': 'true' } }, '→'), badge(after, 'whatif-after'),
        el('span', { class: `delta ${delta < 0 ? 'down' : delta > 0 ? 'up' : 'flat'}`, attrs: { id: 'whatif-delta' } },
          delta === 0 ? 'no change' : `${delta > 0 ? '+' : '−'}${Math.abs(delta)} points`)),
      el('p', { class: 'muted' }, `${r.before.findings.length} findings now → ${r.after.findings.length} after. Nothing is saved.`));
  }

  private findingLists(r: WhatIfResponse): HTMLElement {
    return el('div', {}, this.findingList('Would disappear', 'disappeared', r.disappeared), this.findingList('Would appear', 'appeared', r.appeared));
  }

  private findingList(title: string, kind: string, findings: Finding[]): HTMLElement {
    const sorted = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    return el('section', { class: `changes ${kind}` }, el('h3', {}, `${title} (${findings.length})`),
      sorted.length
        ? el('ul', { class: 'change-list' }, ...sorted.map((f) => el('li', { attrs: { 'data-finding-id': f.id } },
          el('div', { class: 'finding-top' }, pill(f.severity), el('span', { class: 'finding-title' }, f.title)),
          el('div', { class: 'finding-meta' }, f.systems.map((id) => this.nameOf(id)).join(', '), ' · ', kindLabel(f.kind)))))
        : el('p', { class: 'muted' }, 'None.'));
  }
}
