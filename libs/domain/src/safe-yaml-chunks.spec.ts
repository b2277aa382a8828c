import fc from 'fast-check';
import { loadYaml, MAX_YAML_NODES, piecewiseNodeBudget } from './safe-yaml.js';

/**
 * A large YAML document is parsed in pieces (safe-yaml-chunks.ts): its data, problems and line lookups must
 * be the whole parse's. `piecewiseFromBytes: 0` parses even small documents in pieces, `Infinity` never.
 */
const whole = (text: string) => loadYaml(text, { piecewiseFromBytes: Infinity });
const pieces = (text: string) => loadYaml(text, { piecewiseFromBytes: 0 });
const join = (p: string, k: string | number) => (p ? `${p}.${k}` : String(k));

const word = fc.constantFrom('ehr', 'notes', 'a b', 'x-1', "it's", '"q"', '42', 'true', 'null');
const flowItem = fc.record({ id: word, data: fc.array(word, { maxLength: 3 }) }).map((r) => `{ id: ${JSON.stringify(r.id)}, data: [${r.data.map((d) => JSON.stringify(d)).join(', ')}] }`);
const blockItem = fc.record({ id: word, nested: word }).map((r) => `id: ${JSON.stringify(r.id)}\n    more:\n      nested: ${JSON.stringify(r.nested)}`);
// Written as a person would, unquoted: one-line items are read without yaml (safe-yaml-flow-line.ts) when they
// are plain data, so scalars the core schema resolves (True, ~, 0x1F, .inf), indicators, comments, repeated and
// forbidden keys must all come out as the full parse has them.
const raw = fc.constantFrom('ehr', 'System 1', 'x  y', 'h1.bench.example', 'a/b@c+d_e', 'True', 'NULL', 'false', '~', '0x1F', '.inf', '12', 'e5', 'a: b', 'a #c', 'a:b', '-x', "'s'", "'it''s'", '"d"', '"\\t"', 'ü', '');
const rawKey = fc.constantFrom('id', 'data', 'name', 'id', 'true', '"id"', '__proto__', 'constructor');
const rawItem = fc.tuple(fc.array(fc.tuple(rawKey, fc.oneof(raw, fc.array(raw, { maxLength: 3 }).map((l) => `[${l.join(', ')}]`))), { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '  # note'))
  .map(([pairs, tail]) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }${tail}`);
const item = fc.oneof(flowItem, blockItem, rawItem);
const section = fc.oneof(
  fc.tuple(fc.constantFrom('version', 'title'), word).map(([k, v]) => [k, `${k}: ${JSON.stringify(v)}`] as const),
  fc.tuple(fc.constantFrom('practice', 'meta'), word).map(([k, v]) => [k, `${k}:\n  name: ${JSON.stringify(v)}\n  # a comment\n  tags: [a, b]`] as const),
  fc.tuple(fc.constantFrom('systems', 'flows'), fc.array(item, { maxLength: 6 }), fc.boolean()).map(([k, items, blankLines]) => [k, `${k}:\n${items.map((i) => `  - ${i}`).join(blankLines ? '\n\n' : '\n')}`] as const),
);
const documents = fc.uniqueArray(section, { selector: ([k]) => k, minLength: 1, maxLength: 5 }).map((secs) => `${secs.map(([, text]) => text).join('\n')}\n`);

function samePaths(text: string): PropertyKey[][] {
  const data = whole(text).data as Record<string, unknown> | undefined;
  const paths: PropertyKey[][] = [[], ['nope']];
  for (const [k, v] of Object.entries(data ?? {})) {
    paths.push([k], [k, 'nope']);
    if (Array.isArray(v)) v.forEach((_, i) => paths.push([k, i], [k, i, 'id'], [k, i, 'data', 0], [k, i, 'more', 'nested'], [k, i, 'missing']));
  }
  return paths;
}

describe('YAML parsed in pieces', () => {
  it('gives the whole parse: data, problems, lines of every node', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const a = whole(text);
        const b = pieces(text);
        expect(b.data).toEqual(a.data);
        // A valid document has no problems either way; a broken one is refused either way, but the problems may
        // differ: the whole parse stops at its syntax errors (and recovers from them over the whole text), the
        // pieces go on checking the pieces that parsed.
        if (!a.problems.length) expect(b.problems).toEqual([]);
        else expect(b.problems.length).toBeGreaterThan(0);
        for (const path of samePaths(text)) {
          expect([path, b.lineOf(path)]).toEqual([path, a.lineOf(path)]);
          expect([path, b.lineOf(path, true)]).toEqual([path, a.lineOf(path, true)]);
        }
        // The line map is for readers of valid configs (integrations' parseYamlWithLines refuses the others).
        if (!a.problems.length) expect(b.lineMap(join)).toEqual(a.lineMap(join));
      }),
      { numRuns: 500 },
    );
  });

  it('reports problems inside an item at the item\'s line, with its path', () => {
    const text = 'version: 1\nsystems:\n  - { id: a }\n  - { id: b, __proto__: x }\n  - { id: c, role: [unclosed }\n';
    const b = pieces(text);
    expect(b.data).toBeUndefined();
    expect(b.problems.some((p) => p.line === 4 && p.path === 'systems[1].__proto__')).toBe(true);
    expect(b.problems.some((p) => p.line === 5)).toBe(true);
  });

  it('reports a broken first item with its line, and still reads the items after it', () => {
    const text = 'systems:\n  - { id: a, id: b }\n  - { id: c }\n  - { id: d, role: [x }\n';
    const b = pieces(text);
    expect(b.data).toBeUndefined();
    expect(b.problems).toEqual(whole(text).problems);
    expect(b.problems.map((p) => p.line)).toEqual([2, 4, 4]);
  });

  it('refuses a top-level key given twice', () => {
    const text = 'systems:\n  - { id: a }\nversion: 1\nsystems:\n  - { id: b }\n';
    expect(pieces(text).problems).toEqual([{ line: 4, path: '(yaml)', reason: 'Map keys must be unique' }]);
    expect(pieces(text).problems).toEqual(whole(text).problems);
  });

  it('parses documents with anchors and aliases whole, so alias bombs are still refused', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const b = pieces(bomb);
    expect(b.data).toBeUndefined();
    expect(b.problems).toEqual([expect.objectContaining({ budget: 'too_complex', reason: expect.stringMatching(/alias/) })]);
  });

  it('refuses a document over its node budget, counted across the pieces', () => {
    // 12 items of 100,000 one-letter nodes: ~2.4 MB, every piece small, 1.2 M nodes in all: over the budget
    // (a quarter of the bytes, at least MAX_YAML_NODES).
    const item = `  - [${'a,'.repeat(99_999)}a]`;
    const text = `version: 1\nsystems:\n${Array.from({ length: 12 }, () => item).join('\n')}\n`;
    const b = loadYaml(text, { maxBytes: 8 * 1024 * 1024 });
    expect(b.data).toBeUndefined();
    expect(b.problems).toEqual([expect.objectContaining({ budget: 'too_complex', reason: `YAML holds more than ${piecewiseNodeBudget(text.length)} nodes` })]);
  }, 120_000);

  it('bounds the whole document\'s nodes by its size, and never below the single-document budget', () => {
    expect(piecewiseNodeBudget(1000)).toBe(MAX_YAML_NODES);
    expect(piecewiseNodeBudget(64 * 1024 * 1024)).toBe(16 * 1024 * 1024);
  });
});
