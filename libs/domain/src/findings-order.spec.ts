import { checkFindingKey, findingKey, findingsFilter, pageFindings } from './findings-order.js';
import type { Finding } from './finding.js';

const f = (id: string, severity: Finding['severity'], kind: Finding['kind'] = 'missing_baa') => ({ id, severity, kind }) as Finding;

describe('findings order and filters', () => {
  const list = [f('b', 'low'), f('a', 'critical'), f('c', 'critical', 'ai_training'), f('d', 'high'), f('e', 'info')];

  it('lists worst first then by id, page after page, with the filtered total', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageFindings(list, { limit: 2, cursor }, { order: 'severity' });
      expect(page.total).toBe(5);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['a', 'c', 'd', 'b', 'e']);
    expect(pageFindings(list, { limit: 10 }, { order: 'id', severity: 'critical' })).toEqual({ items: [list[1], list[2]], total: 2 });
    expect(pageFindings(list, { limit: 10 }, { order: 'severity', kind: 'ai_training' }).items.map((x) => x.id)).toEqual(['c']);
    expect(findingKey(list[1]!, 'severity')).toBe('0\u0000a');
  });

  it('refuses unknown orders, severities, kinds and cursors it did not issue', () => {
    expect(() => findingsFilter({ order: 'newest' })).toThrow(/order must be one of id, severity/);
    expect(() => findingsFilter({ severity: 'urgent' })).toThrow(/severity/);
    expect(() => findingsFilter({ kind: 'spam' })).toThrow(/kind/);
    expect(findingsFilter({})).toEqual({ order: 'id', severity: undefined, kind: undefined });
    expect(() => pageFindings(list, { limit: 2, cursor: 'YQ' }, { order: 'severity' })).toThrow(/cursor/);
    // A severity key in id order, or a severity key whose id holds a NUL: refused, never handed to the database.
    const severityCursor = pageFindings(list, { limit: 1 }, { order: 'severity' }).nextCursor!;
    expect(() => pageFindings(list, { limit: 2, cursor: severityCursor }, { order: 'id' })).toThrow(/cursor/);
    expect(() => checkFindingKey('0\u0000a\u0000b', 'severity')).toThrow(/cursor/);
    expect(checkFindingKey('0\u0000a', 'severity')).toEqual({ position: 0, id: 'a' });
  });
});
