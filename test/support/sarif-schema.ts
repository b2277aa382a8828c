/**
 * Validates a SARIF log against the official OASIS SARIF 2.1.0 JSON schema (draft-04, vendored in
 * test/fixtures/sarif with its provenance in README.md there).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
import { createRequire } from 'node:module';

// ajv-draft-04 is CommonJS; require() sidesteps default-export interop differences between tsc and Jest.
const AjvDraft04 = (createRequire(import.meta.url)('ajv-draft-04') as { default: new (opts: object) => { compile(schema: unknown): Validate } }).default;

const SCHEMA = resolve(import.meta.dirname ?? process.cwd(), '../fixtures/sarif/sarif-schema-2.1.0.json');

let validate: Validate | undefined;

/** Schema errors as readable lines (empty when the log is valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    // `strict: false`: the official schema uses keywords/formats Ajv's strict mode flags but which are valid draft-04.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false });
    validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  }
  const v = validate as Validate;
  if (v(log)) return [];
  return (v.errors ?? []).map((e) => { const x = e as { instancePath: string; message?: string; params?: unknown }; return `${x.instancePath || '/'} ${x.message} ${JSON.stringify(x.params)}`; });
}
