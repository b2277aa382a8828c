import { relative } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError, LENSES } from '@custody/domain';
import type { InitAnswers, InitOptions } from '../init/write-manifest.js';

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
      // Loaded here: the manifest parser (zod, yaml) must not slow `custody --version`.
      const { answersFromFlags, writeManifest } = await import('../init/write-manifest.js');
      const { askInitAnswers } = await import('../init/ask.js');
      const { createInterface } = await import('node:readline/promises');
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
