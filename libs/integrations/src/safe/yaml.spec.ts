import { InvalidInputError } from '@custody/domain';
import { parseYamlWithLines } from './yaml.js';

const messageOf = (text: string): string => {
  try {
    parseYamlWithLines(text);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidInputError);
    return (err as Error).message;
  }
  throw new Error('expected the YAML to be refused');
};

describe('parseYamlWithLines errors', () => {
  it('names the line of a syntax error without the loader\'s "(yaml)" placeholder', () => {
    const message = messageOf('name: ok\nfoo: [1, 2\n');
    expect(message).toMatch(/^YAML rejected at line \d+: \S/);
    expect(message).not.toContain('(yaml)');
  });

  it('keeps a real key path', () => {
    expect(messageOf('a:\n  __proto__: 1\n')).toMatch(/^YAML rejected at line 2 \(a/);
  });
});
