import type { AuditReport } from '@custody/domain';
import { sampleAuditReport } from '../../../test/fixtures/reports/sample-audit-report.js';
import { renderJson } from './render-json.js';

/** The same object with every key inserted in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
}

describe('renderJson', () => {
  it('round-trips to the same report', () => {
    const report = sampleAuditReport();
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });

  it('is byte-identical whatever order keys were inserted in', () => {
    const report = sampleAuditReport();
    expect(renderJson(reversed(report) as AuditReport)).toBe(renderJson(report));
  });

  it('sorts keys alphabetically at every level, pretty-printed with a trailing newline', () => {
    const out = renderJson(sampleAuditReport());
    const top = Object.keys(JSON.parse(out));
    expect(top).toEqual([...top].sort());
    expect(Object.keys(JSON.parse(out).findings[0])).toEqual([...Object.keys(JSON.parse(out).findings[0])].sort());
    expect(out.startsWith('{\n  "documents": [')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('keeps array order (findings stay in engine order)', () => {
    const report = sampleAuditReport();
    expect(JSON.parse(renderJson(report)).findings.map((f: { id: string }) => f.id)).toEqual(report.findings.map((f) => f.id));
  });
});
