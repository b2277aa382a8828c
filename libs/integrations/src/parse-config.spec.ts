import { parseConfig } from './parse-config.js';

describe('parseConfig on a file with nothing to read', () => {
  it('reports an empty or blank file as empty, not as an unrecognised format', () => {
    for (const text of ['', '  \n\n\t\n']) {
      const r = parseConfig(new TextEncoder().encode(text), 'channel.json');
      expect(r).toMatchObject({ format: 'unknown', systems: [], flows: [], unparsed: [{ reason: 'empty file: nothing to read' }] });
    }
  });
});
