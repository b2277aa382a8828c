import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InvalidInputError, LENSES, type Lens } from '@custody/domain';
import { manifestYaml, parseSystemSpec, type InitAnswers } from './manifest-template.js';

export interface InitOptions { name?: string; jurisdiction?: string; lens?: string; system?: string[]; force?: boolean; yes?: boolean }

/** Flags as answers; what they leave out is asked on a terminal, or defaulted (`--yes`, scripts, CI). */
export function answersFromFlags(o: InitOptions): Partial<InitAnswers> {
  const lenses = o.lens?.split(',').map((l) => l.trim()).filter(Boolean);
  const bad = lenses?.filter((l) => !LENSES.includes(l as Lens)) ?? [];
  if (bad.length) throw new InvalidInputError(`unknown lens ${bad.map((b) => `"${b}"`).join(', ')}; expected ${LENSES.join(', ')}`);
  if (o.jurisdiction !== undefined && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(o.jurisdiction)) throw new InvalidInputError(`--jurisdiction "${o.jurisdiction}": expected US or US-CA style`);
  return {
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.jurisdiction !== undefined ? { jurisdiction: o.jurisdiction } : {}),
    ...(lenses ? { lenses: lenses as Lens[] } : {}),
    ...(o.system?.length ? { systems: o.system.map(parseSystemSpec) } : {}),
  };
}

/** Writes `<dir>/custody.yaml`; refuses to overwrite one without `--force`. Returns the file written. */
export function writeManifest(dir: string, answers: InitAnswers, force = false): string {
  const folder = resolve(dir);
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new InvalidInputError(`${dir}: not a folder`);
  const file = join(folder, 'custody.yaml');
  if (existsSync(file) && !force) throw new InvalidInputError(`${relative(process.cwd(), file) || file} exists; pass --force to overwrite it`);
  const text = manifestYaml(answers);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, text);
  return file;
}

export type { InitAnswers } from './manifest-template.js';
