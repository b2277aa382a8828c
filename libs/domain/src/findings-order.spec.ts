import { checkFindingKey, compareByImpact, findingKey, findingsFilter, pageFindings } from './findings-order.js';
import type { Finding } from './finding.js';

const f = (id: string, severity: Finding['severity'], kind: Finding['kind'] = 'missing_baa', contribution = 0.1) => ({ id, severity, kind, contribution }) as Finding;

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
    expect(findingKey(list[1]!, 'severity')).toBe('0\u00000.1\u0000a');
  });

  it('ranks within a severity by the points a finding adds, as reports do, and pages on across equal points', () => {
    // 'z' adds the most points of the critical findings: first, though its id sorts last.
    const ranked = [f('a', 'critical', 'missing_baa', 0.2), f('z', 'critical', 'ai_training', 1.56), f('m', 'critical', 'missing_baa', 0.2), f('b', 'high', 'missing_baa', 0.9), f('c', 'critical', 'missing_baa', 0.05)];
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageFindings(ranked, { limit: 2, cursor }, { order: 'severity' });
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['z', 'a', 'm', 'c', 'b']);
    expect(seen).toEqual([...ranked].sort(compareByImpact).map((x) => x.id));
    // A cursor names points as the number they are, so a page after 'a' starts at 'm' (same points, next id).
    const afterA = pageFindings(ranked, { limit: 1, cursor: pageFindings(ranked, { limit: 2 }, { order: 'severity' }).nextCursor }, { order: 'severity' });
    expect(afterA.items.map((x) => x.id)).toEqual(['m']);
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
    expect(() => checkFindingKey('0\u00001\u0000a\u0000b', 'severity')).toThrow(/cursor/);
    expect(() => checkFindingKey('0\u0000a', 'severity')).toThrow(/cursor/);
    expect(() => checkFindingKey('0\u0000\u0000a', 'severity')).toThrow(/cursor/);
    expect(checkFindingKey('0\u00000.25\u0000a', 'severity')).toEqual({ position: 0, contribution: 0.25, id: 'a' });
  });
});
