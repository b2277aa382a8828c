import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CLAUSES = [
  'Business Associate shall not use or disclose Protected Health Information other than as permitted or required by this Agreement or as Required by Law.',
  'Business Associate shall report to Covered Entity any Breach of Unsecured Protected Health Information without unreasonable delay and in no case later than {days} calendar days after discovery.',
  'Business Associate shall ensure that any subcontractors that create, receive, maintain, or transmit Protected Health Information on behalf of Business Associate agree to the same restrictions and conditions that apply to Business Associate.',
  'Upon termination of this Agreement for any reason, Business Associate shall return to Covered Entity or destroy all Protected Health Information received from Covered Entity.',
  'Business Associate shall not use Protected Health Information to train machine learning models.',
  'Business Associate shall implement administrative, physical, and technical safeguards that reasonably and appropriately protect the confidentiality, integrity, and availability of electronic Protected Health Information.',
];

/**
 * Writes `count` distinct, realistic-looking vendor BAAs (each ~`kb` KB, so extraction takes measurable
 * time) plus a manifest naming some of the vendors, into `dir`. Deterministic for a given count.
 */
export function writeBaaCorpus(dir: string, count: number, kb = 200): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const vendor = `Vendor ${String(i).padStart(2, '0')} Health Systems, Inc.`;
    const head = `BUSINESS ASSOCIATE AGREEMENT\n\nThis Business Associate Agreement is entered into between Harborview Counseling ("Covered Entity") and ${vendor} ("Business Associate").\n\n`;
    let body = '';
    let n = 1;
    while (body.length < kb * 1024) {
      for (const c of CLAUSES) body += `${n++}. ${c.replace('{days}', String(10 + (i % 50)))}\n\n`;
    }
    const file = `baa-vendor-${String(i).padStart(2, '0')}.txt`;
    writeFileSync(join(dir, file), head + body);
    files.push(file);
  }
  const systems = Array.from({ length: Math.min(count, 8) }, (_, k) => `  - { id: vendor${k + 1}, name: "Vendor ${String(k + 1).padStart(2, '0')} Health Systems", role: cloud_storage }`);
  const flows = systems.map((_, k) => `  - { from: practice, to: vendor${k + 1}, data: [progress_notes, demographics], transport: https, purpose: operations }`);
  writeFileSync(join(dir, 'custody.yaml'), `practice: { name: Crash Test Practice, jurisdiction: US-CA, lenses: [default] }\nsystems:\n${systems.join('\n')}\nflows:\n${flows.join('\n')}\n`);
  files.push('custody.yaml');
  return files;
}
