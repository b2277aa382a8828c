/** Sidebar filters: data categories (show flows carrying any checked one) and roles (uncheck to hide). */
import type { DataCategory, SystemRole } from '@custody/domain';
import { DATA_CATEGORIES, SYSTEM_ROLES } from '@custody/domain';
import type { CytoscapeElements } from '@custody/graph/cytoscape-elements';
import { categoryLabel, roleLabel } from '@custody/reports/plain-language';
import { cap, el, must, replace } from './dom.js';
import type { GraphFilters } from './graph-view.js';

export class FiltersPanel {
  private readonly state: GraphFilters = { categories: new Set(), hiddenRoles: new Set() };

  constructor(private readonly onChange: (filters: GraphFilters) => void) {
    must('#filters-reset').addEventListener('click', () => {
      this.state.categories.clear();
      this.state.hiddenRoles.clear();
      for (const box of document.querySelectorAll<HTMLInputElement>('#filters input[type=checkbox]')) box.checked = box.dataset.kind === 'role';
      this.onChange(this.state);
    });
  }

  /** Offer only the categories and roles present in the graph, in taxonomy order. */
  setElements(els: CytoscapeElements): void {
    const cats = new Set(els.edges.flatMap((e) => e.data.categories));
    const roles = new Set(els.nodes.map((n) => n.data.role));
    for (const c of [...this.state.categories]) if (!cats.has(c)) this.state.categories.delete(c);
    replace(must('#category-filters'), ...DATA_CATEGORIES.filter((c) => cats.has(c)).map((c) => this.box('category', c, this.state.categories.has(c), (on) => {
      if (on) this.state.categories.add(c as DataCategory); else this.state.categories.delete(c as DataCategory);
    })));
    replace(must('#role-filters'), ...SYSTEM_ROLES.filter((r) => roles.has(r)).map((r) => this.box('role', r, !this.state.hiddenRoles.has(r), (on) => {
      if (on) this.state.hiddenRoles.delete(r as SystemRole); else this.state.hiddenRoles.add(r as SystemRole);
    })));
    this.onChange(this.state);
  }

  private box(kind: 'category' | 'role', value: string, checked: boolean, set: (on: boolean) => void): HTMLElement {
    const label = kind === 'role' ? roleLabel(value as SystemRole) : categoryLabel(value as DataCategory);
    const input = el('input', { attrs: { type: 'checkbox', value, 'data-kind': kind } });
    input.checked = checked;
    input.addEventListener('change', () => { set(input.checked); this.onChange(this.state); });
    return el('label', { class: `check ${kind}` }, input, el('span', {}, cap(label)));
  }
}
