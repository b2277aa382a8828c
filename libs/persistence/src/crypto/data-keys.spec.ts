import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDataKey, openDataKeyring, readKeyFile } from './data-key-file.js';
import { DataKeyring, parseDataKeysSetting } from './data-keys.js';

const key = () => randomBytes(32);

describe('DataKeyring (AES-256-GCM)', () => {
  const plain = Buffer.from('Client: Jane Roe, DOB 1980-01-02, diagnosis F41.1');

  it('seals to a ciphertext that does not contain the text and opens to the same bytes', () => {
    const ring = new DataKeyring('k1', new Map([['k1', key()]]));
    const s = ring.seal(plain, 'blob:abc');
    expect(s.keyId).toBe('k1');
    expect(s.sealed.includes(Buffer.from('Jane Roe'))).toBe(false);
    expect(s.sealed.length).toBe(plain.length + 1 + 12 + 16);
    expect(ring.open('k1', s.sealed, 'blob:abc').equals(plain)).toBe(true);
    // A fresh IV per seal: the same text never gives the same ciphertext.
    expect(ring.seal(plain, 'blob:abc').sealed.equals(s.sealed)).toBe(false);
  });

  it('seals in slices to the same format: opens with open, for sizes around the slice boundary, and fails on a flipped bit', async () => {
    const ring = new DataKeyring('k1', new Map([['k1', key()]]));
    for (const n of [0, 1, 7, 8, 9, 100]) {
      const bytes = randomBytes(n);
      const { keyId, sealed } = await ring.sealInSlices(bytes, 'blob:x', 8);
      expect(keyId).toBe('k1');
      expect(ring.open(keyId, sealed, 'blob:x').equals(bytes)).toBe(true);
      expect(sealed.length).toBe(ring.seal(bytes, 'blob:x').sealed.length);
    }
    const { sealed } = await ring.sealInSlices(plain, 'blob:x', 5);
    sealed[sealed.length - 1] ^= 1;
    expect(() => ring.open('k1', sealed, 'blob:x')).toThrow(expect.objectContaining({ code: 'data_tampered' }));
    expect(() => ring.open('k1', (ring.seal(plain, 'blob:x')).sealed, 'blob:y')).toThrow(expect.objectContaining({ code: 'data_tampered' }));
  });

  it('fails loudly on a flipped bit anywhere, a truncation, or a ciphertext moved to another row', () => {
    const ring = new DataKeyring('k1', new Map([['k1', key()]]));
    const { sealed } = ring.seal(plain, 'blob:abc');
    for (const at of [0, 1, 13, 29, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      expect(() => ring.open('k1', bad, 'blob:abc')).toThrow(expect.objectContaining({ code: 'data_tampered' }));
    }
    expect(() => ring.open('k1', sealed.subarray(0, 20), 'blob:abc')).toThrow(expect.objectContaining({ code: 'data_tampered' }));
    expect(() => ring.open('k1', sealed, 'blob:def')).toThrow(/blob:def failed its integrity check under data key k1/);
  });

  it('after a rotation seals under the new key and still opens what the old key sealed; an unknown key is named', () => {
    const k1 = key();
    const before = new DataKeyring('k1', new Map([['k1', k1]])).seal(plain, 'x');
    const after = new DataKeyring('k2', new Map([['k2', key()], ['k1', k1]]));
    expect(after.seal(plain, 'x').keyId).toBe('k2');
    expect(after.open('k1', before.sealed, 'x').equals(plain)).toBe(true);
    const onlyNew = new DataKeyring('k2', new Map([['k2', key()]]));
    expect(() => onlyNew.open('k1', before.sealed, 'x')).toThrow(expect.objectContaining({ code: 'data_key_missing', message: expect.stringContaining('data key k1, which this process does not have (it has k2)') }));
  });

  it('refuses keys of the wrong size, bad ids and an active key it does not hold', () => {
    expect(() => new DataKeyring('k1', new Map([['k1', randomBytes(16)]]))).toThrow(/must be 32 bytes/);
    expect(() => new DataKeyring('k 1', new Map([['k 1', key()]]))).toThrow(/letters, digits/);
    expect(() => new DataKeyring('k2', new Map([['k1', key()]]))).toThrow(/active data key k2 is not among the keys/);
  });

  it('parses CUSTODY_DATA_KEYS (first is active) and never echoes a key in its errors', () => {
    const a = key().toString('base64');
    const b = key().toString('base64');
    const { active, keys } = parseDataKeysSetting(`new:${a}, old:${b}`);
    expect(active).toBe('new');
    expect([...keys.keys()]).toEqual(['new', 'old']);
    expect(() => parseDataKeysSetting(`${a}`)).toThrow(/entry 1 is not id:base64key/);
    expect(() => parseDataKeysSetting(`k:${a},k:${b}`)).toThrow(/names key k twice/);
    try {
      new DataKeyring('k', parseDataKeysSetting(`k:${a.slice(0, 20)}`).keys);
      throw new Error('expected a size error');
    } catch (err) {
      expect(String(err)).not.toContain(a.slice(0, 20));
    }
  });
});

describe('the data key file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'custody-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created on first use, 0600 in a 0700 folder, and the same key is read on the next boot', () => {
    const file = join(dir, 'keys', 'data-keys.json');
    const first = openDataKeyring({ keyFile: file, create: true });
    expect(first).toMatchObject({ source: 'file', created: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    const sealed = first.keyring.seal(Buffer.from('x'), 'a');
    const second = openDataKeyring({ keyFile: file, create: true });
    expect(second.created).toBe(false);
    expect(second.keyring.activeKeyId).toBe(first.keyring.activeKeyId);
    expect(second.keyring.open(sealed.keyId, sealed.sealed, 'a').toString()).toBe('x');
  });

  it('is not created when creation is off, and a file other users can read is refused', () => {
    const file = join(dir, 'data-keys.json');
    expect(() => openDataKeyring({ keyFile: file })).toThrow(expect.objectContaining({ code: 'data_key_missing' }));
    openDataKeyring({ keyFile: file, create: true });
    chmodSync(file, 0o644);
    expect(() => readKeyFile(file)).toThrow(expect.objectContaining({ code: 'data_key_insecure', message: expect.stringContaining('chmod 600') }));
  });

  it('a malformed file is an error that does not quote the file', () => {
    const file = join(dir, 'data-keys.json');
    writeFileSync(file, '{"version":1,"active":"k","keys":{"k":"c2VjcmV0LXNlY3JldA', { mode: 0o600 });
    expect(() => readKeyFile(file)).toThrow(/is not a valid data key file/);
    try { readKeyFile(file); } catch (err) { expect(String(err)).not.toContain('c2VjcmV0'); }
  });

  it('rotation adds an active key and keeps the old ones; a process holding the old file learns the new key on first sight', () => {
    const file = join(dir, 'data-keys.json');
    const running = openDataKeyring({ keyFile: file, create: true }).keyring;
    const oldId = running.activeKeyId;
    const newId = addDataKey(file);
    expect(newId).not.toBe(oldId);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { active: string; keys: Record<string, string> };
    expect(onDisk.active).toBe(newId);
    expect(Object.keys(onDisk.keys).sort()).toEqual([oldId, newId].sort());
    const rotated = openDataKeyring({ keyFile: file }).keyring;
    const sealedNew = rotated.seal(Buffer.from('after rotation'), 'r');
    expect(sealedNew.keyId).toBe(newId);
    // The running process still writes with its old active key, but reads rows sealed by the new one.
    expect(running.activeKeyId).toBe(oldId);
    expect(running.open(newId, sealedNew.sealed, 'r').toString()).toBe('after rotation');
  });
});
