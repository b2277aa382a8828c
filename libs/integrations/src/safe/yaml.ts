import { InvalidInputError } from '@custody/domain';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import { FORBIDDEN_KEYS, joinPath } from './json.js';

const MAX_ALIASES = 50;

/**
 * Parses YAML with the core schema only (no custom or language-specific tags), a low alias budget
 * (alias bombs) and the same forbidden keys as JSON. Returns values plus a path→line map.
 */
export function parseYamlWithLines(text: string, lineAt: (offset: number) => number): { value: unknown; lines: Map<string, number> } {
  const doc = parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new InvalidInputError(`malformed YAML at line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const tagWarning = doc.warnings.find((w) => /tag/i.test(w.message));
  if (tagWarning) throw new InvalidInputError(`YAML custom tags are not accepted: ${tagWarning.message.split('\n')[0]}`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new InvalidInputError(`YAML rejected: ${(err as Error).message} (alias bomb protection)`);
  }
  const lines = new Map<string, number>();
  const walk = (node: YamlNode | null | undefined, path: string, depth: number) => {
    if (!node || depth > 256) return;
    if (node.range) lines.set(path, lineAt(node.range[0]));
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
        if (FORBIDDEN_KEYS.has(key)) throw new InvalidInputError(`forbidden key "${key}" in YAML (prototype pollution)`);
        const p = joinPath(path, key);
        if (isScalar(item.key) && item.key.range) lines.set(p, lineAt(item.key.range[0]));
        if (item.value && !isScalar(item.value)) walk(item.value as YamlNode, p, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, idx) => walk(it as YamlNode, joinPath(path, idx), depth + 1));
    }
  };
  walk(doc.contents as YamlNode, '', 0);
  return { value, lines };
}
