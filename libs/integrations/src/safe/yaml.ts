import { BudgetExceededError, InvalidInputError } from '@custody/domain';
import { loadYaml } from '@custody/domain/safe-yaml';
import { DEFAULT_MAX_BYTES } from '../types.js';
import { joinPath } from './json.js';

/**
 * A YAML config through the domain's one hardened loader (core schema, no custom tags or merge keys, alias
 * budget, no prototype keys): its values plus a path→line map, or the first problem as an input error.
 */
export function parseYamlWithLines(text: string): { value: unknown; lines: Map<string, number> } {
  const yaml = loadYaml(text, { maxBytes: DEFAULT_MAX_BYTES });
  const problem = yaml.problems.find((p) => p.budget) ?? yaml.problems[0];
  // Over a budget (nesting, size, aliases) is `too_complex`, the sandbox's reason; anything else is malformed.
  if (problem?.budget) throw new BudgetExceededError(problem.budget, problem.reason, { line: problem.line });
  // A syntax error has no key path, only the loader's '(yaml)' placeholder, which would read "((yaml))".
  const where = problem && problem.path !== '(yaml)' ? ` (${problem.path})` : '';
  if (problem) throw new InvalidInputError(`YAML rejected at line ${problem.line}${where}: ${problem.reason}`, { line: problem.line });
  return { value: yaml.data, lines: yaml.lineMap(joinPath) };
}
