import { randomBytes } from 'node:crypto';
import { DataKeyring } from './data-keys.js';
import { aad, openReadModel } from './sealed-rows.js';

describe('read-model authenticated data', () => {
  const keys = new DataKeyring('k1', new Map([['k1', randomBytes(32)]]));
  const upper = '7883A165-0000-4000-8000-0000000000AA';
  const lower = upper.toLowerCase();

  it('names a workspace the way PostgreSQL reads its uuid back, so a value sealed by a caller spelling it in upper case opens from the row', () => {
    const finding = { id: 'baa-missing@system:x', detail: 'quoted clause' };
    for (const [seal, open] of [
      [aad.graph(upper), aad.graph(lower)],
      [aad.score(upper), aad.score(lower)],
      [aad.finding(upper, finding.id), aad.finding(lower, finding.id)],
    ]) {
      const { keyId, sealed } = keys.sealJson(finding, seal!);
      expect(openReadModel(keys, { clear: null, sealed, keyId }, open!)).toEqual(finding);
    }
  });

  it('still refuses a value moved to another workspace or row', () => {
    const { keyId, sealed } = keys.sealJson({ x: 1 }, aad.finding(lower, 'a'));
    expect(() => openReadModel(keys, { clear: null, sealed, keyId }, aad.finding(lower, 'b'))).toThrow();
    expect(() => openReadModel(keys, { clear: null, sealed, keyId }, aad.finding(lower.replace('7883', '7884'), 'a'))).toThrow();
  });
});
