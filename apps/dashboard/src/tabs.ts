/**
 * Tabs: one panel visible at a time, with a count per tab. The inspector's (Details, What-if, Fleet, Documents) and
 * the lists' (Findings, Law enforcement) below it.
 */
import { must } from './dom.js';

export type TabName = 'details' | 'whatif' | 'fleet' | 'documents';
/** The lists card's tabs (named by their panels' ids). */
export type ListName = 'findings-pane' | 'law';

export class Tabs<T extends string = TabName> {
  private current: T;
  private listeners: ((name: T) => void)[] = [];

  /** `first`: the tab shown at start, and when a tab shown becomes unavailable. */
  constructor(private readonly root: HTMLElement = must('#inspector'), private readonly first: T = 'details' as T) {
    this.current = first;
    for (const b of root.querySelectorAll<HTMLButtonElement>('[role=tab]')) b.addEventListener('click', () => this.show(b.dataset.tab as T));
  }

  get active(): T {
    return this.current;
  }

  show(name: T): void {
    this.current = name;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>('[role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
    for (const p of this.root.querySelectorAll<HTMLElement>('[role=tabpanel]')) p.hidden = p.id !== name;
    for (const fn of this.listeners) fn(name);
  }

  /** Called whenever a tab is shown (a panel may read what it shows only then). */
  onShow(fn: (name: T) => void): void {
    this.listeners.push(fn);
  }

  /** Show a badge on a tab (empty text hides it). */
  setCount(name: T, text: string): void {
    const badge = must(`[data-tab="${name}"] .tab-count`, this.root);
    badge.textContent = text;
    badge.hidden = text === '';
  }

  /** Hide a tab that has nothing to show (Fleet without fleet installs). */
  setAvailable(name: T, available: boolean): void {
    must(`[data-tab="${name}"]`, this.root).hidden = !available;
    if (!available && this.current === name) this.show(this.first);
  }
}
