/**
 * The systems a finding is charged to, when a page of findings listed only the first few (systemCount says how
 * many): an ungrouped finding on a fleet's vendor is charged to every install. Read a page at a time from the
 * finding's source (GET /findings/{id}/systems for the live workspace), on a click, not with the list.
 */
import type { Page } from '@custody/domain';
import type { ListedFinding } from './api.js';
import { count, el } from './dom.js';
import { systemTotal } from './findings-source.js';

const SYSTEMS_PAGE = 100;

export function systemsBox(f: ListedFinding, nameOf: (id: string) => string, fetchPage: ((limit: number, cursor?: string) => Promise<Page<string>>) | null, current: () => boolean): HTMLElement | null {
  const total = systemTotal(f);
  if (total <= f.systems.length) return null;
  const list = el('p', { class: 'systems' }, f.systems.map(nameOf).join(', '));
  const box = el('div', { class: 'finding-systems' }, el('h4', {}, `Systems (${count(total)})`), list);
  if (!fetchPage) return box;
  const names: string[] = [];
  const more = (cursor?: string): HTMLElement => el('button', { class: 'link more-systems', attrs: { type: 'button', 'data-action': 'more-systems' }, on: {
    click: () => void load(cursor),
  } }, `Show ${count(Math.min(SYSTEMS_PAGE, total - names.length))} more of the ${count(total)}`);
  const load = async (cursor?: string) => {
    box.setAttribute('aria-busy', 'true');
    try {
      const page = await fetchPage(SYSTEMS_PAGE, cursor);
      if (!current()) return;
      names.push(...page.items.map(nameOf));
      list.textContent = names.join(', ');
      box.querySelector('.more-systems')?.remove();
      if (page.nextCursor) box.append(more(page.nextCursor));
    } catch (err) {
      if (current()) box.append(el('p', { class: 'muted' }, `Could not load the systems: ${err instanceof Error ? err.message : String(err)}`));
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  };
  box.append(more());
  return box;
}
