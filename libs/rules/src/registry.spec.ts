import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINDING_KINDS } from '@custody/domain';
import { describeRules, RULES } from './index.js';
import { REGISTRY } from './registry.js';

const builtinDir = join(dirname(fileURLToPath(import.meta.url)), 'builtin');

describe('registry', () => {
  it('has unique ids and every kind in FINDING_KINDS', () => {
    expect(new Set(REGISTRY.map((r) => r.id)).size).toBe(REGISTRY.length);
    for (const r of REGISTRY) expect(FINDING_KINDS).toContain(r.kind);
  });

  it('covers every finding kind of product.md', () => {
    expect(new Set(REGISTRY.map((r) => r.kind))).toEqual(new Set(FINDING_KINDS));
  });

  it('lists exactly the rule files in builtin/, each with a spec beside it', () => {
    const files = readdirSync(builtinDir);
    const ruleFiles = files.filter((f) => f.endsWith('.rule.ts')).map((f) => f.replace('.rule.ts', ''));
    expect(new Set(ruleFiles)).toEqual(new Set(REGISTRY.map((r) => r.id)));
    for (const id of ruleFiles) expect(files).toContain(`${id}.rule.spec.ts`);
  });

  it('gives every rule a kebab-case id, a title, citations with refs, and remediation', () => {
    for (const r of REGISTRY) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.citations.length).toBeGreaterThan(0);
      for (const c of r.citations) expect(c.ref).toMatch(/(\d+ CFR|Penal Code|HHS OCR|APA)/);
      expect(r.remediation.length).toBeGreaterThan(80);
    }
  });

  it('describeRules() is the catalogue `custody rules` prints, in registry order', () => {
    const described = describeRules();
    expect(described.map((d) => d.id)).toEqual(RULES.map((r) => r.id));
    expect(described.find((d) => d.id === 'recording-without-consent')!.citations.map((c) => c.ref)).toContain('Cal. Penal Code § 632');
  });
});
