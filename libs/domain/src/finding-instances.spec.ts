import { InvalidInputError } from './errors.js';
import type { Finding, FindingInstance } from './finding.js';
import { DEFAULT_PAGE_INSTANCES, instanceLimit, pagedFinding, pageFindingSystems, pageHead, pageInstanceLimit, pageInstances, withFirstInstances } from './finding-instances.js';

const instance = (subject: string, n = 0): FindingInstance => ({ subject, system: subject, severity: 'high', evidence: [{ quote: `q${n}`, file: 'a.md' }] } as FindingInstance);
const finding = (instances?: FindingInstance[]): Finding => ({
  id: 'r@system:vendor', ruleId: 'r', kind: 'missing_baa', title: 'Gap', severity: 'high', likelihood: 0.5, impact: 0.5, subject: 'system:vendor',
  systems: [], categories: [], citations: [], remediation: '', evidence: [], detail: '', contribution: 1, ...(instances ? { instances } : {}),
}) as unknown as Finding;

describe('instances of a grouped finding, cut and paged', () => {
  it('checks instances=N: a whole number from 0 to 100, absent meaning all', () => {
    expect(instanceLimit(undefined)).toBeUndefined();
    expect(instanceLimit('0')).toBe(0);
    expect(instanceLimit('100')).toBe(100);
    for (const bad of ['', ' ', '-1', '101', '2.5', 'all', '1e1', '0x10']) expect(() => instanceLimit(bad)).toThrow(InvalidInputError);
  });

  it('keeps the first N instances and says how many there are; a finding without instances counts 0', () => {
    const all = ['system:a', 'system:b', 'system:c'].map((s) => instance(s));
    const f = finding(all);
    expect(withFirstInstances(f, 2)).toEqual({ ...f, instances: all.slice(0, 2), instanceCount: 3 });
    expect(withFirstInstances(f, 0)).toMatchObject({ instances: [], instanceCount: 3 });
    expect(withFirstInstances(f, 5)).toMatchObject({ instances: all, instanceCount: 3 });
    const plain = withFirstInstances(finding(), 2);
    expect(plain.instanceCount).toBe(0);
    expect('instances' in plain).toBe(false);
    // The stored finding is not changed.
    expect(f.instances).toHaveLength(3);
    // A finding already cut (a stored page head) keeps the count of all its instances when cut again.
    expect(withFirstInstances(withFirstInstances(f, 2), 1)).toMatchObject({ instances: all.slice(0, 1), instanceCount: 3 });
  });

  it('walks every instance once, in order, through pages, repeated subjects included', () => {
    // Subjects may repeat (a stable sort keeps ties): a page boundary inside a run of equal subjects must not skip or repeat.
    const all = ['system:a', 'system:b', 'system:b', 'system:b', 'system:c', 'system:d', 'system:d'].map((s, i) => instance(s, i));
    for (const limit of [1, 2, 3, 4, 7, 10]) {
      const walked: FindingInstance[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = pageInstances(finding(all), { limit, cursor });
        expect(page.total).toBe(7);
        walked.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(walked).toEqual(all);
    }
  });

  it('continues after the cursor\'s subject when installs disappear between pages', () => {
    const all = ['system:a', 'system:b', 'system:c', 'system:d'].map((s) => instance(s));
    const first = pageInstances(finding(all), { limit: 2 });
    expect(first.items.map((i) => i.subject)).toEqual(['system:a', 'system:b']);
    const shrunk = finding(all.filter((i) => i.subject !== 'system:b'));
    expect(pageInstances(shrunk, { limit: 2, cursor: first.nextCursor }).items.map((i) => i.subject)).toEqual(['system:c', 'system:d']);
  });

  it('refuses a bad limit or a cursor it did not issue, and pages a finding without instances as empty', () => {
    expect(() => pageInstances(finding([instance('system:a')]), { limit: '0' })).toThrow(/limit/);
    expect(() => pageInstances(finding([instance('system:a')]), { cursor: '!!' })).toThrow(/cursor/);
    // A well-formed base64url that names no position (no count after the subject).
    expect(() => pageInstances(finding([instance('system:a')]), { cursor: Buffer.from('system:a').toString('base64url') })).toThrow(/cursor/);
    expect(pageInstances(finding(), {})).toEqual({ items: [], total: 0 });
  });
});

describe('a finding as a page lists it', () => {
  it('defaults a page to 10 instances and refuses what instances=N refuses', () => {
    expect(pageInstanceLimit(undefined)).toBe(DEFAULT_PAGE_INSTANCES);
    expect(pageInstanceLimit('3')).toBe(3);
    expect(() => pageInstanceLimit('101')).toThrow(InvalidInputError);
  });

  it('cuts systems and evidence to 10 with their counts, and keeps a head\'s counts of the whole', () => {
    const systems = Array.from({ length: 300 }, (_, i) => `system:s${i}`);
    const evidence = Array.from({ length: 150 }, (_, i) => ({ quote: `row ${i}`, file: 'fleet.csv' }));
    const all = Array.from({ length: 120 }, (_, i) => instance(`system:i${String(i).padStart(3, '0')}`));
    const f = { ...finding(all), systems, evidence } as Finding;
    const listed = pagedFinding(f, 4);
    expect(listed).toMatchObject({ instances: all.slice(0, 4), instanceCount: 120, systems: systems.slice(0, 10), systemCount: 300, evidence: evidence.slice(0, 10), evidenceCount: 150 });
    const head = pageHead(f);
    expect(head).toMatchObject({ instanceCount: 120, systemCount: 300, evidenceCount: 150 });
    expect(head.systems).toHaveLength(100);
    expect(pagedFinding(head, 4)).toEqual(listed);
    // Byte for byte too, as a stored finding is (its times added after the head's or the whole's fields): the
    // page's text and ETag must not depend on whether a head was stored for it.
    const stored = (x: Finding) => ({ ...x, firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-01-02T00:00:00.000Z' });
    expect(JSON.stringify(pagedFinding(stored(head), 4))).toBe(JSON.stringify(pagedFinding(stored(f), 4)));
    // A small finding is listed as it is, with its counts.
    expect(pagedFinding(finding(), 10)).toMatchObject({ systems: [], systemCount: 0, evidence: [], evidenceCount: 0, instanceCount: 0 });
  });

  it('pages a finding\'s systems by id, each once, and refuses a cursor it did not issue', () => {
    const f = { ...finding(), systems: ['system:c', 'system:a', 'system:b', 'system:a', 'system:d'] } as Finding;
    const first = pageFindingSystems(f, { limit: 2 });
    expect(first).toEqual({ items: ['system:a', 'system:b'], total: 4, nextCursor: expect.any(String) });
    expect(pageFindingSystems(f, { limit: 2, cursor: first.nextCursor })).toEqual({ items: ['system:c', 'system:d'], total: 4 });
    expect(() => pageFindingSystems(f, { cursor: '!!' })).toThrow(InvalidInputError);
  });
});
