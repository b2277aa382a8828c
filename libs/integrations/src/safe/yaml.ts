import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import { parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import { FORBIDDEN_KEYS, joinPath, MAX_NODES } from './json.js';

const MAX_ALIASES = 50;
const MAX_DEPTH = 256;

/**
 * Parses YAML with the core schema only (no custom or language-specific tags), a low alias budget
 * (alias bombs) and the same forbidden keys as JSON. Returns values plus a path→line map.
 */
export function parseYamlWithLines(text: string, lineAt: (offset: number) => number): { value: unknown; lines: Map<string, number> } {
  const doc = parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: false, prettyErrors: false, strict: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    // The yaml parser reports its own stack overflow on absurd nesting as a document error.
    if (/call stack/i.test(e.message)) throw new BudgetExceededError('too_complex', 'YAML nested too deeply to parse');
    throw new InvalidInputError(`malformed YAML at line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`);
  }
  const tagWarning = doc.warnings.find((w) => /tag/i.test(w.message));
  if (tagWarning) throw new InvalidInputError(`YAML custom tags are not accepted: ${tagWarning.message.split('\n')[0]}`);
  // Nesting and size are checked on the parsed tree before toJS, whose recursion a deep document would
  // otherwise end in a stack overflow.
  const lines = new Map<string, number>();
  let nodes = 0;
  const walk = (node: YamlNode | null | undefined, path: string, depth: number) => {
    if (!node) return;
    if (depth > MAX_DEPTH) throw new BudgetExceededError('too_complex', `YAML nesting deeper than ${MAX_DEPTH}`);
    if (++nodes > MAX_NODES) throw new BudgetExceededError('too_complex', `YAML holds more than ${MAX_NODES} nodes`);
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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    throw new BudgetExceededError('too_complex', `YAML rejected: ${(err as Error).message} (alias bomb protection)`);
  }
  return { value, lines };
}
