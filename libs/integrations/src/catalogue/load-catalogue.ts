import { readFileSync } from 'node:fs';
import { InvalidInputError, SYSTEM_ROLES } from '@custody/domain';
import { parse } from 'yaml';
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
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'), { maxAliasCount: 10, customTags: [] });
  } catch (err) {
    throw new InvalidInputError(`${file}: vendor catalogue is not readable YAML/JSON (${(err as Error).name})`);
  }
  // Two shapes, checked separately so errors point at the entry (a union would only say "invalid input").
  const parsed = Array.isArray(raw) ? ListSchema.safeParse(raw) : WrappedSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidInputError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.vendors;
  return list.map((v) => ({ ...v, aliases: v.aliases?.map((a) => a.toLowerCase()) }));
}
