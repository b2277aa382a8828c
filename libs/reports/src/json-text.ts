/**
 * The pieces of JSON text both renders write: a value's scalar text, an object's keys in the order the JSON
 * writes them, quoted keys, and the compact key-sorted text of a record (NDJSON lines).
 */

/**
 * The order JSON.stringify writes the key-sorted copy's keys in: sorted, except that integer-like keys (array
 * indices) come first in numeric order, as every JavaScript object lists them. Sorts `keys` in place.
 */
function sortedKeyOrder(keys: string[]): string[] {
  const sorted = keys.sort();
  // Sorted, an integer-like key can only be among those before the first that starts with a letter; most
  // objects have none, and skip the regex.
  const first = sorted[0]?.charCodeAt(0) ?? 0x41;
  if (first > 0x39) return sorted;
  const index = sorted.filter((k) => /^(0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4_294_967_295);
  if (!index.length) return sorted;
  const isIndex = new Set(index);
  return [...index.sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndex.has(k))];
}

/**
 * The sorted order of each key list met, kept in a trie over the keys in the order the object lists them:
 * a report's millions of objects have a few dozen shapes, and a few Map lookups per object cost less than
 * sorting its keys again (keyOrder was ~1.3 of ~3.6 CPU s of the 10k fleet's JSON render). Bounded, so
 * objects with keys that are data (settings of many shapes) cannot grow it without limit.
 */
interface KeyTrie {
  next?: Map<string, KeyTrie>;
  order?: readonly string[];
}
const keyTrie: KeyTrie = {};
const KEY_TRIE_MAX_NODES = 50_000;
/** Key lists longer than this bypass the trie (a record shape has a few dozen keys at most). */
const KEY_TRIE_MAX_KEYS = 256;
let keyTrieNodes = 0;

/** {@link sortedKeyOrder} of `keys`, from the trie when this list was met before. The result must not be changed. */
export function keyOrder(keys: string[]): readonly string[] {
  // A long key list is data (the score's per-node map: one key per system), met once: sorted, not remembered.
  // In the trie, a 100k fleet's filled it past its bound, and every record shape met after it was sorted again.
  if (keys.length > KEY_TRIE_MAX_KEYS) return sortedKeyOrder(keys);
  let node = keyTrie;
  for (const key of keys) {
    let child = node.next?.get(key);
    if (child === undefined) {
      if (keyTrieNodes >= KEY_TRIE_MAX_NODES) return sortedKeyOrder(keys);
      child = {};
      (node.next ??= new Map()).set(key, child);
      keyTrieNodes++;
    }
    node = child;
  }
  return (node.order ??= sortedKeyOrder(keys));
}

/**
 * `keyOrder(Object.keys(object))` without making the key list: the object's keys are followed down the trie as
 * `for…in` lists them (Object.keys' order, from V8's enum cache), and only a shape not met before is listed and
 * inserted. Object.keys' array per object was ~a fifth of the JSON render's garbage (~20 MB a render at 10k).
 * `for…in` also lists inherited enumerable keys, so only objects whose prototype is Object.prototype (checked to
 * have none: see {@link refreshKeyWalk}) or null take this path.
 */
export function ownKeyOrder(object: object): readonly string[] {
  const proto = Object.getPrototypeOf(object);
  if (proto === null || (proto === Object.prototype && plainPrototypeClean)) {
    let node: KeyTrie | undefined = keyTrie;
    for (const key in object) {
      node = node.next?.get(key);
      if (node === undefined) break;
    }
    if (node?.order !== undefined) return node.order;
  }
  return keyOrder(Object.keys(object));
}

let plainPrototypeClean = true;
/** Whether Object.prototype has enumerable keys (polluted), which `for…in` would list: checked once per render. */
export function refreshKeyWalk(): void {
  plainPrototypeClean = true;
  for (const _ in Object.prototype) plainPrototypeClean = false;
}

/**
 * What JSON.stringify writes for a value that is not an object or array (undefined where it writes nothing);
 * null for objects and arrays, which the callers walk.
 */
export function scalarJson(value: unknown): string | undefined | null {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // The number's own text, null for NaN and the infinities.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : null;
    case 'bigint':
      // JSON.stringify's own TypeError.
      return JSON.stringify(value);
    default:
      return undefined;
  }
}

/**
 * `JSON.stringify(sortKeys(value))` (compact, keys sorted) without building the sorted copy: NDJSON writes one
 * such line per record, hundreds of thousands for a large fleet, and the copy was garbage for each. With
 * `extra`, the text of `{ ...value, ...extra }` without building that object either (a record's own fields
 * plus the NDJSON's).
 */
export function stableJson(value: unknown, extra?: Record<string, unknown>): string | undefined {
  const text = scalarJson(value);
  if (text !== null) return text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i ? ',' : ''}${stableJson(value[i]) ?? 'null'}`;
    return `${out}]`;
  }
  const own = value as Record<string, unknown>;
  let keys = Object.keys(own);
  if (extra) keys = [...keys, ...Object.keys(extra).filter((k) => !Object.hasOwn(own, k))];
  let out = '';
  for (const key of keyOrder(keys)) {
    const text = stableJson(extra && Object.hasOwn(extra, key) ? extra[key] : own[key]);
    if (text !== undefined) out += quotedKey(key, out ? 'next' : 'first') + text;
  }
  return out ? `${out}}` : '{}';
}

/**
 * Reports use a few dozen distinct keys, written millions of times: each is quoted once, as `"key": ` (pretty),
 * or compact with what goes before it: `{"key":` (an object's first member) or `,"key":`.
 */
const quotedKeys = { pretty: new Map<string, string>(), first: new Map<string, string>(), next: new Map<string, string>() };
export function quotedKey(key: string, form: keyof typeof quotedKeys = 'pretty'): string {
  const cache = quotedKeys[form];
  let q = cache.get(key);
  if (q === undefined) {
    q = form === 'pretty' ? `${JSON.stringify(key)}: ` : `${form === 'first' ? '{' : ','}${JSON.stringify(key)}:`;
    if (cache.size < 10_000) cache.set(key, q);
  }
  return q;
}

