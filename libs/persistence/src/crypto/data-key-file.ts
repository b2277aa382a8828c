import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CustodyError, InvalidInputError } from '@custody/domain';
import { assertPrivateFile, writePrivateFileOnce } from '../engines/private-files.js';
import { DATA_KEY_BYTES, DataKeyring, newDataKeyId, parseDataKeysSetting } from './data-keys.js';

/**
 * The data key file: `{"version":1,"active":"<id>","keys":{"<id>":"<base64>",…}}`, mode 0600 in a 0700
 * folder. Embedded mode makes one on first run (under `.custody/keys/`); production points
 * `CUSTODY_DATA_KEY_FILE` at a file every api and worker machine shares, or sets `CUSTODY_DATA_KEYS`.
 */
interface KeyFile {
  version: 1;
  active: string;
  keys: Record<string, string>;
}

export interface DataKeySource {
  /** `CUSTODY_DATA_KEYS` (id:base64,…; first active). Takes precedence over the file. */
  keys?: string;
  /** The key file, created on first use when `create` is set and no keys are given. */
  keyFile: string;
  create?: boolean;
}

/** Where the keyring came from, for the boot log and `rotate-data-key` (never the keys). */
export interface OpenedKeyring {
  keyring: DataKeyring;
  source: 'env' | 'file';
  /** Set when this call generated the key file. */
  created?: boolean;
}

export function openDataKeyring(src: DataKeySource): OpenedKeyring {
  if (src.keys) {
    const { active, keys } = parseDataKeysSetting(src.keys);
    return { keyring: new DataKeyring(active, keys), source: 'env' };
  }
  let created = false;
  if (!existsSync(src.keyFile)) {
    if (!src.create) throw new CustodyError('data_key_missing', `no data key: ${src.keyFile} does not exist and CUSTODY_DATA_KEYS is not set`);
    created = createKeyFile(src.keyFile);
  }
  const { active, keys } = readKeyFile(src.keyFile);
  return { keyring: new DataKeyring(active, keys, () => readKeyFile(src.keyFile)), source: 'file', created };
}

/** Reads and checks the key file: it must be private (no group or other access), well formed, 32-byte keys. */
export function readKeyFile(path: string): { active: string; keys: Map<string, Buffer> } {
  assertPrivateFile(path, 'data_key_insecure');
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch {
    // The parser's message would quote the file, which holds keys.
    throw new InvalidInputError(`${path} is not a valid data key file (JSON with version, active, keys)`);
  }
  if (parsed?.version !== 1 || typeof parsed.active !== 'string' || !parsed.keys || typeof parsed.keys !== 'object') {
    throw new InvalidInputError(`${path} is not a valid data key file (JSON with version 1, active, keys)`);
  }
  const keys = new Map(Object.entries(parsed.keys).map(([id, b64]) => [id, Buffer.from(String(b64), 'base64')] as const));
  return { active: parsed.active, keys };
}

/**
 * Adds a new random key to the file and makes it the active one; the old keys stay so what they sealed
 * still opens. Written to a temporary file and renamed over, so a crash leaves the old file or the new one.
 */
export function addDataKey(path: string): string {
  const { keys } = readKeyFile(path);
  const id = newDataKeyId();
  keys.set(id, randomBytes(DATA_KEY_BYTES));
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serialise(id, keys), { mode: 0o600, flag: 'wx' });
  renameSync(tmp, path);
  return id;
}

/** Creates the file with one new key; when the api and worker boot at once, both end up with the same one. */
function createKeyFile(path: string): boolean {
  const id = newDataKeyId();
  return writePrivateFileOnce(path, serialise(id, new Map([[id, randomBytes(DATA_KEY_BYTES)]])));
}

function serialise(active: string, keys: Map<string, Buffer>): string {
  const file: KeyFile = { version: 1, active, keys: Object.fromEntries([...keys].map(([id, k]) => [id, k.toString('base64')])) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
