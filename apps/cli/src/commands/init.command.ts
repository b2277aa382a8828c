import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { InvalidInputError, LENSES, type Lens } from '@custody/domain';
import { askInitAnswers } from '../init/ask.js';
import { manifestYaml, parseSystemSpec, type InitAnswers } from '../init/manifest-template.js';

interface InitOptions { name?: string; jurisdiction?: string; lens?: string; system?: string[]; force?: boolean; yes?: boolean }

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

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented custody.yaml (the stack manifest) for a practice, from flags or questions')
    .argument('[dir]', 'folder to write custody.yaml in', '.')
    .option('--name <name>', 'the practice\'s name')
    .option('--jurisdiction <code>', 'country and state, e.g. US-CA')
    .option('--lens <lenses>', `comma-separated client-population lenses (${LENSES.join(', ')})`)
    .option('--system <NAME=ROLE>', 'a system holding client records, e.g. "CarePath EHR=ehr" (repeatable; NAME=ROLE@host1,host2 adds hosts)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--force', 'overwrite an existing custody.yaml')
    .option('--yes', 'ask nothing: use the flags and defaults')
    .action(async (dir: string, opts: InitOptions) => {
      const given = answersFromFlags(opts);
      let answers: InitAnswers;
      if (process.stdin.isTTY && !opts.yes) {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        try {
          answers = await askInitAnswers((q) => rl.question(q), given, (l) => process.stderr.write(`${l}\n`));
        } finally {
          rl.close();
        }
      } else {
        if (!given.name) throw new InvalidInputError('--name is required when not asking questions (no terminal, or --yes)');
        answers = { lenses: ['default'], systems: [], ...given } as InitAnswers;
      }
      const file = writeManifest(dir, answers, opts.force);
      process.stderr.write(`custody: wrote ${relative(process.cwd(), file) || file}; add vendor contracts and configs beside it, then run: custody audit ${dir}\n`);
    });
}
