import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@custody/domain';
import { lookupVendor } from './lookup.js';
import { loadVendorCatalogue } from './load-catalogue.js';

const dir = mkdtempSync(join(tmpdir(), 'custody-vendors-'));

describe('loadVendorCatalogue', () => {
  it('adds a practice\'s own vendors, consulted before the built-in catalogue', () => {
    const file = join(dir, 'vendors.yaml');
    writeFileSync(file, 'vendors:\n  - { name: Bayside Claims Exchange, role: clearinghouse, hosts: [bayside-claims.example], aliases: [Bayside Claims] }\n');
    const extra = loadVendorCatalogue(file);
    expect(lookupVendor('https://edi.bayside-claims.example/837', extra)).toMatchObject({ name: 'Bayside Claims Exchange', role: 'clearinghouse' });
    expect(lookupVendor('bayside claims', extra)?.role).toBe('clearinghouse');
    expect(lookupVendor('https://edi.bayside-claims.example/837')).toBeUndefined();
  });

  it('names the file and the problem when an entry is invalid', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ name: 'X', role: 'notetaker' }]));
    expect(() => loadVendorCatalogue(file)).toThrow(InvalidInputError);
    expect(() => loadVendorCatalogue(file)).toThrow(/bad\.json: 0\.role/);
  });
});
