import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { loadYaml } from './safe-yaml.js';
import { readFlowLineItem } from './safe-yaml-flow-line.js';

/** The hardened loader's reading of one list item, parsed whole by `yaml` (never in pieces). */
function viaYaml(line: string) {
  return loadYaml(`items:\n${line}\n`, { piecewiseFromBytes: Infinity });
}

/** The nodes the loader's budget counts for the item: the map, each value, each list entry. */
function yamlNodes(line: string): number {
  const seq = parseDocument(`${line}\n`).contents;
  const map = isSeq(seq) ? seq.items[0] : undefined;
  if (!isMap(map)) return -1;
  return 1 + map.items.reduce((n, p) => n + 1 + (isSeq(p.value) ? p.value.items.length : 0), 0);
}

const scalar = fc.oneof(
  fc.constantFrom('ehr', 'System 1', 'x  y', 'h1.bench.example', 'a/b@c+d_e', 'True', 'NULL', 'null', 'false', 'FALSE', '~', '0x1F', '0o7', '.inf', '.NaN', '12', '-3', '+4', '1e3', 'e5', 'yes', 'a: b', 'a #c', 'a:b', '-x', '?x', '|', '>', '`x', '@x'),
  fc.constantFrom("'s'", "'it''s'", "'#:{}'", '"d"', '"a b"', '"\\t"', '"\\"q\\""', '"ü"', 'ü', '""', "''", ''),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _./@+-]{0,12}$/),
);
const key = fc.oneof(fc.constantFrom('id', 'data', 'name', 'true', 'Null', '"id"', "'name'", '__proto__', 'constructor', 'prototype', '"a b"', '1', 'a:b'), fc.stringMatching(/^[a-z]{1,3}$/));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }).map((l) => `[${l.join(', ')}]`), fc.constantFrom('[]', '[ ]', '{ a: b }', '[a, [b]]', '[a,]'));
const line = fc.tuple(
  fc.constantFrom('  - ', '- ', '    -   ', '  -'),
  fc.array(fc.tuple(key, value), { minLength: 0, maxLength: 4 }),
  fc.constantFrom(', ', ',', ' , '),
  fc.constantFrom('{ ', '{', '{  '),
  fc.constantFrom(' }', '}', ' }  ', ' } # note', ' } x', ' }\r'),
).map(([dash, pairs, sep, open, close]) => `${dash}${open}${pairs.map(([k, v]) => `${k}: ${v}`).join(sep)}${close}`);

describe('one-line flow items read without yaml', () => {
  it('reads only what yaml reads the same way: data and node count', () => {
    let read = 0;
    fc.assert(
      fc.property(line, (text) => {
        const fast = readFlowLineItem(text);
        if (!fast) return;
        read++;
        const whole = viaYaml(text);
        expect(whole.problems).toEqual([]);
        expect(fast.value).toEqual((whole.data as { items: unknown[] }).items[0]);
        // Same key order as yaml's object, so the data serialises identically.
        expect(Object.keys(fast.value)).toEqual(Object.keys((whole.data as { items: Record<string, unknown>[] }).items[0]!));
        expect(fast.nodes).toBe(yamlNodes(text));
      }),
      { numRuns: 2000 },
    );
    // The generator is not so hostile that nothing gets through. Around 5% of its 2,000 lines are read, so a bound of
    // 100 sat at the mean and a fresh seed could fail it (98 in CI on b9b9ae9); 40 still catches a generator gone dead.
    expect(read).toBeGreaterThan(40);
  });

  it('reads a manifest line as yaml does', () => {
    const text = '  - { id: s000001, name: System 1, role: ehr, holds: [progress_notes, diagnosis], hosts: [h1.bench.example], ok: true, note: "a: b # c" }';
    expect(readFlowLineItem(text)).toEqual({
      value: { id: 's000001', name: 'System 1', role: 'ehr', holds: ['progress_notes', 'diagnosis'], hosts: ['h1.bench.example'], ok: true, note: 'a: b # c' },
      nodes: 11,
    });
    expect(readFlowLineItem(text)!.value).toEqual((viaYaml(text).data as { items: unknown[] }).items[0]);
  });

  it('leaves to yaml what it would report or resolve: repeated and forbidden keys, numbers, comments, nesting', () => {
    for (const text of ['- { id: a, id: b }', '- { __proto__: x }', '- { port: 443 }', '- { id: a } # c', '- { a: { b: c } }', '- { a: }', '- { a:b }', '- { "a\\tb": c }', '- { a: b, }', '- {}']) {
      expect([text, readFlowLineItem(text)]).toEqual([text, undefined]);
    }
  });
});
