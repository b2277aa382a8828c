import { analyzeDocument } from './analyze-document.js';

/**
 * The manifest is decoded from a view of the caller's bytes, not a copy (issue 11). Callers hand in windows of
 * larger buffers (a Buffer from Node's pooled slab, a read-stream chunk, a sandbox's request buffer): only the
 * window is the manifest, and nothing of the result may point back into memory the caller reuses afterwards.
 */
describe('a manifest read from a window of a larger buffer', () => {
  const MANIFEST = 'practice: { name: "Caf\u00e9 Sant\u00e9" }\nsystems:\n  - { id: ehr, name: "\u00c9HR \u2713", role: ehr, holds: [progress_notes] }\nflows:\n  - { from: practice, to: ehr, data: [progress_notes], transport: https }\n';
  /** Bytes around the manifest that would not load as one (another file's YAML, bytes that are not UTF-8). */
  const BEFORE = Buffer.from('systems:\n  - { id: x, name: X, role: notetaker }\n\xff\xfe', 'latin1');
  const AFTER = Buffer.from('\n  - { id: y, role: [bad] }\n\xc3', 'latin1');

  const alone = async (bytes: Uint8Array) => JSON.stringify(await analyzeDocument(bytes, 'custody.yaml'));

  it('reads only its window of a shared ArrayBuffer, as a plain Uint8Array or as a Buffer', async () => {
    const body = Buffer.from(MANIFEST, 'utf8');
    const expected = await alone(Uint8Array.from(body));
    expect(JSON.parse(expected)).toMatchObject({ type: 'manifest', status: 'processed' });
    const slab = new ArrayBuffer(BEFORE.length + body.length + AFTER.length);
    const all = new Uint8Array(slab);
    all.set(BEFORE, 0);
    all.set(body, BEFORE.length);
    all.set(AFTER, BEFORE.length + body.length);
    expect(await alone(new Uint8Array(slab, BEFORE.length, body.length))).toBe(expected);
    expect(await alone(Buffer.from(slab, BEFORE.length, body.length))).toBe(expected);
    expect(await alone(all.subarray(BEFORE.length, BEFORE.length + body.length))).toBe(expected);
  });

  it('keeps nothing of the buffer: overwriting it after the analysis changes no part of the manifest', async () => {
    const body = Buffer.from(MANIFEST, 'utf8');
    const slab = new Uint8Array(BEFORE.length + body.length + 7);
    slab.set(BEFORE, 0);
    slab.set(body, BEFORE.length);
    const result = await analyzeDocument(slab.subarray(BEFORE.length, BEFORE.length + body.length), 'custody.yaml');
    const before = JSON.stringify(result);
    slab.fill(0x7a);
    expect(JSON.stringify(result)).toBe(before);
    expect(before).toContain('Caf\u00e9 Sant\u00e9');
  });

  it('decodes bytes that are not UTF-8 in its window as a copy of the window would (replacement characters)', async () => {
    // A Latin-1 manifest: é is one byte 0xe9, not UTF-8. Framed by a multi-byte character cut in half on each side.
    const body = Buffer.from(MANIFEST.replace(/[^\x00-\x7f]/g, '\u00e9'), 'latin1');
    const framed = Buffer.concat([Buffer.from([0xe2, 0x9c]), body, Buffer.from([0x93])]);
    const window = framed.subarray(2, 2 + body.length);
    const result = await alone(window);
    expect(result).toBe(await alone(Buffer.from(body)));
    expect(result).toContain('Caf\ufffd Sant\ufffd');
  });
});
