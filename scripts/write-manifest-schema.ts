/**
 * Writes `config/custody.schema.json` from the zod schema in libs/graph, so editors (yaml-language-server)
 * and CI can validate `custody.yaml` without running Custody. Run: `npx tsx scripts/write-manifest-schema.ts`.
 * The file is committed; re-run after changing the schema (the manifest spec fails if they drift).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestJsonSchema } from '../libs/graph/src/manifest/manifest.schema.js';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'custody.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
