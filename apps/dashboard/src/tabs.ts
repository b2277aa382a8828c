/** The inspector's tabs (Details, What-if, Fleet, Documents, Law enforcement): one panel visible at a time, with a count per tab. */
import { must } from './dom.js';

export type TabName = 'details' | 'whatif' | 'fleet' | 'documents' | 'law';

export class Tabs {
  private current: TabName = 'details';
  private listeners: ((name: TabName) => void)[] = [];

  constructor(private readonly root: HTMLElement = must('#inspector')) {
    for (const b of root.querySelectorAll<HTMLButtonElement>('[role=tab]')) b.addEventListener('click', () => this.show(b.dataset.tab as TabName));
  }

  get active(): TabName {
    return this.current;
  }

  show(name: TabName): void {
    this.current = name;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('[role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
    for (const p of this.root.querySelectorAll<HTMLElement>('[role=tabpanel]')) p.hidden = p.id !== name;
    for (const fn of this.listeners) fn(name);
  }

  /** Called whenever a tab is shown (a panel may read what it shows only then). */
  onShow(fn: (name: TabName) => void): void {
    this.listeners.push(fn);
  }

  /** Show a badge on a tab (empty text hides it). */
  setCount(name: TabName, text: string): void {
    const badge = must(`[data-tab="${name}"] .tab-count`, this.root);
    badge.textContent = text;
    badge.hidden = text === '';
  }

  /** Hide a tab that has nothing to show (Fleet without fleet installs). */
  setAvailable(name: TabName, available: boolean): void {
    must(`[data-tab="${name}"]`, this.root).hidden = !available;
    if (!available && this.current === name) this.show('details');
  }
}
