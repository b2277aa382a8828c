import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The audit bench's manifest shape (audit.bench.ts): one custody.yaml declaring N systems and ~4N flows, the
 * shape of an agency's stack at 1,000 / 10,000 / 100,000 systems.
 */

const ROLES = ['ehr', 'ai_notetaker', 'telehealth', 'clearinghouse', 'payer', 'billing_service', 'cloud_storage', 'communications', 'analytics_tracker', 'llm_provider'];
const DATA = ['progress_notes', 'diagnosis', 'claims', 'demographics', 'contact', 'scheduling', 'insurance_ids', 'treatment_plan'];

/** Deterministic (an LCG), so sizes are comparable between runs. */
export function writeManifestWorkspace(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296);
  const id = (i: number) => `s${String(i).padStart(6, '0')}`;
  const lines = ['version: 1', 'practice:', '  name: Bench Agency', '  jurisdiction: US-CA', '  lenses: [default]', 'systems:'];
  for (let i = 0; i < n; i++) {
    const role = ROLES[i % ROLES.length]!;
    const holds = role === 'ehr' ? ' holds: [progress_notes, diagnosis, claims, demographics],' : '';
    lines.push(`  - { id: ${id(i)}, name: System ${i}, role: ${role},${holds} hosts: [h${i}.bench.example] }`);
  }
  lines.push('flows:');
  for (let i = 0; i < n; i++) {
    // One flow from the practice plus three between systems: ~4N flows, a connected, not-too-regular graph.
    lines.push(`  - { from: practice, to: ${id(i)}, data: [${DATA[i % DATA.length]}, contact], transport: https, purpose: care }`);
    for (let k = 0; k < 3; k++) {
      const j = Math.floor(rnd() * n);
      if (j === i) continue;
      lines.push(`  - { from: ${id(i)}, to: ${id(j)}, data: [${DATA[(i + k) % DATA.length]}], transport: ${k === 2 ? 'sftp' : 'https'}, purpose: exchange }`);
    }
  }
  writeFileSync(join(dir, 'custody.yaml'), `${lines.join('\n')}\n`);
}
