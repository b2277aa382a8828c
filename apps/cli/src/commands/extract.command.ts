import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CustodyError, InvalidInputError } from '@custody/domain';
import { emit } from '../output.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('read a contract, BAA or privacy policy into the 12 document facts with verbatim evidence')
    .argument('<file>')
    .option('--format <format>', 'json | md', 'json')
    .action(async (file: string, opts: { format: string }) => {
      // Checked first: a typo in --format is not worth reading (and possibly failing on) a large PDF first.
      if (opts.format !== 'json' && opts.format !== 'md') throw new InvalidInputError(`unknown format "${opts.format}"; expected json or md`);
      const { extractDocument } = await import('@custody/extraction');
      const result = await namingFile(file, () => extractDocument(readBytes(file), basename(file)));
      if (opts.format === 'json') return emit(JSON.stringify(result, null, 2));
      // Loaded only here: the report's wording is not needed to print JSON.
      const { extractMarkdown } = await import('./extract-markdown.js');
      emit(extractMarkdown(file, result));
    });

  program
    .command('parse')
    .description('parse an integration config or notetaker fleet export into systems, flows and redactions')
    .argument('<file>')
    .option('--format <format>', 'json', 'json')
    .action(async (file: string, opts: { format: string }) => {
      if (opts.format !== 'json') throw new InvalidInputError(`unknown format "${opts.format}"; expected json`);
      const { detectFormat, parseConfig, parseFleet } = await import('@custody/integrations');
      const bytes = readBytes(file);
      const result = await namingFile(file, () => {
        const format = detectFormat(bytes, basename(file));
        return format.startsWith('fleet-') ? parseFleet(bytes, basename(file)) : parseConfig(bytes, basename(file));
      });
      emit(JSON.stringify(result, null, 2));
    });
}

/**
 * The readers' errors say what is wrong ("empty file", "YAML rejected at line 2") but not in which file, which the
 * user needs once a script runs the command over a folder; the reader's code (and so the exit code) is kept.
 */
async function namingFile<T>(file: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof CustodyError) || err.message.startsWith(`${file}: `)) throw err;
    throw new InvalidInputError(`${file}: ${err.message}`, err.details, err.code);
  }
}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new InvalidInputError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}
