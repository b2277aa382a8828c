// The command-line program, loaded by main.ts for everything but `--version`. Each command loads what it needs
// when it runs (dynamic imports in its action), so `--help` and `rules` never load Nest, BullMQ, TypeORM or
// PGlite; only `serve` and the admin verbs do.
import { Command, CommanderError } from 'commander';
import { CustodyError } from '@custody/domain';
import { registerAdmin } from './commands/admin.command.js';
import { registerAuditLog } from './commands/audit-log.command.js';
import { registerAudit } from './commands/audit.command.js';
import { registerExtract } from './commands/extract.command.js';
import { registerInit } from './commands/init.command.js';
import { registerRules } from './commands/rules.command.js';
import { registerServe } from './commands/serve.command.js';
import { EXIT } from './exit-codes.js';
import { VERSION } from './version.js';

const program = new Command('custody')
  .description('Custody: where a practice\'s client records go, and how exposed they are on the way')
  .version(VERSION)
  .exitOverride();

registerServe(program);
registerInit(program);
registerAudit(program);
registerExtract(program);
registerRules(program);
registerAdmin(program);
registerAuditLog(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  if (err instanceof CustodyError) {
    process.stderr.write(`custody: ${err.message}\n`);
    process.exit(EXIT.usage);
  }
  process.stderr.write(`custody: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(EXIT.internal);
});
