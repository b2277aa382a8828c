import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { CustodyError } from '@custody/domain';
import type { Runtime } from '@custody/pipeline';
import { loadServiceRuntime } from '../load-service.js';
import { withRuntime } from './with-runtime.js';

async function withKeys<T>(fn: (rt: Runtime, dataKeyFile: string) => Promise<T>): Promise<T> {
  const { config } = await loadServiceRuntime();
  return withRuntime((rt) => fn(rt, config.dataKeyFilePath(rt.config)));
}

const counts = (by: Record<string, number>) => Object.entries(by).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';

/**
 * Encryption at rest: the data keys' state and their rotation. A rotation adds a key to the key file and
 * makes it the one new writes use, then re-encrypts every stored row under it; the old keys stay in the file
 * so a row a running process wrote meanwhile still opens (running processes re-read the file on an unknown
 * key id). With `CUSTODY_DATA_KEYS` the environment is the source: put the new key first, restart, then run
 * this to re-encrypt (README, "Encryption at rest").
 */
export function registerDataKeys(keys: Command): void {
  keys
    .command('data-key-status')
    .description('the active data key and how many stored rows each key (or clear text) holds')
    .action(() =>
      withKeys(async (rt) => {
        const c = await rt.persistence.sealed.census();
        console.log(`active data key ${c.activeKeyId} (from ${rt.dataKeys.source === 'env' ? 'CUSTODY_DATA_KEYS' : 'the key file'})`);
        console.log(`blobs: ${counts(c.blobs)}`);
        console.log(`analyses: ${counts(c.analyses)}`);
        console.log(`evidence: ${counts(c.evidence)}`);
        console.log(`graphs: ${counts(c.graphs)}`);
        console.log(`findings: ${counts(c.findings)}`);
        console.log(`scores: ${counts(c.scores)}`);
      }));
  keys
    .command('generate-data-key')
    .description('print a new data key as id:base64, for CUSTODY_DATA_KEYS (put it first, keep the old ones after it)')
    .action(async () => {
      const { newDataKeyId, DATA_KEY_BYTES } = await import('@custody/persistence');
      console.log(`${newDataKeyId()}:${randomBytes(DATA_KEY_BYTES).toString('base64')}`);
    });
  keys
    .command('rotate-data-key')
    .description('add a new data key to the key file, make it active, and re-encrypt every stored document, analysis, evidence and read model (graph, findings, score) under it')
    .option('--no-new-key', 'only re-encrypt under the active key (after changing CUSTODY_DATA_KEYS, or to seal rows stored before encryption)')
    .action((opts: { newKey: boolean }) =>
      withKeys(async (rt, file) => {
        const { addDataKey, openDataKeyring, SealedDataRepository } = await import('@custody/persistence');
        let keyring = rt.persistence.dataKeys;
        if (opts.newKey) {
          if (rt.dataKeys.source === 'env') {
            throw new CustodyError('data_keys_from_env', 'the data keys come from CUSTODY_DATA_KEYS, which this command cannot change: run `custody keys generate-data-key`, put the key first in CUSTODY_DATA_KEYS, restart, then run `custody keys rotate-data-key --no-new-key`');
          }
          // The home is locked by now (startRuntime), so no embedded server writes while the file changes.
          const id = addDataKey(file);
          keyring = openDataKeyring({ keyFile: file }).keyring;
          console.error(`new data key ${id} is active in ${file}; the old keys stay there to read what they sealed`);
        }
        const repo = new SealedDataRepository(rt.persistence.dataSource, keyring);
        const r = await repo.reencrypt();
        console.log(`re-encrypted under ${r.activeKeyId}: ${r.blobs} blobs, ${r.analyses} analyses, ${r.evidence} evidence rows, ${r.graphs} graphs, ${r.findings} findings, ${r.scores} scores`);
        const c = await repo.census();
        console.log(`now: blobs ${counts(c.blobs)}; analyses ${counts(c.analyses)}; evidence ${counts(c.evidence)}; graphs ${counts(c.graphs)}; findings ${counts(c.findings)}; scores ${counts(c.scores)}`);
      }));
}
