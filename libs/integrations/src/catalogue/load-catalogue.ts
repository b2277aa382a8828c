import { readFileSync } from 'node:fs';
import { InvalidInputError, SYSTEM_ROLES } from '@custody/domain';
import { loadYaml } from '@custody/domain/safe-yaml';
import { z } from 'zod';
import type { VendorEntry } from '../types.js';

const EntrySchema = z.strictObject({
  name: z.string().min(1).max(200),
  role: z.enum(SYSTEM_ROLES),
  hosts: z.array(z.string().min(3).max(253)).optional(),
  aliases: z.array(z.string().min(2).max(100)).optional(),
  kind: z.string().max(60).optional(),
});
const ListSchema = z.array(EntrySchema);
const WrappedSchema = z.strictObject({ vendors: ListSchema });

/**
 * A practice's or consultant's own vendor catalogue (YAML or JSON: a list, or `{ vendors: [...] }`), consulted
 * before the built-in one, e.g. a regional clearinghouse or an in-house transcription service.
 */
export function loadVendorCatalogue(file: string): VendorEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InvalidInputError(`${file}: vendor catalogue is not readable (${(err as NodeJS.ErrnoException).code ?? (err as Error).name})`);
  }
  // The one hardened loader (JSON is YAML): a located problem instead of a parser's stack.
  const yaml = loadYaml(text);
  const problem = yaml.problems[0];
  if (problem) throw new InvalidInputError(`${file}:${problem.line}: vendor catalogue is not valid YAML/JSON (${problem.path}: ${problem.reason})`);
  const raw = yaml.data;
  // Two shapes, checked separately so errors point at the entry (a union would only say "invalid input").
  const parsed = Array.isArray(raw) ? ListSchema.safeParse(raw) : WrappedSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidInputError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.vendors;
  return list.map((v) => ({ ...v, aliases: v.aliases?.map((a) => a.toLowerCase()) }));
}
