import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagesLoadedBy } from '../../../test/support/import-graph.js';

// The dashboard bundles the domain for the browser, and every library builds on it: it loads no package and no
// Node API. The YAML loader is the one module with a package, reached only by its own path.
describe('the domain library', () => {
  it('its index loads no package, no Node module and no Buffer', () => {
    const { packages, files } = packagesLoadedBy('libs/domain/src/index.ts', { dynamic: true });
    expect([...packages]).toEqual([]);
    const nodeUse = [...files].filter((f) => /from 'node:|\bBuffer\.|\brequire\(/.test(readFileSync(f, 'utf8')));
    expect(nodeUse).toEqual([]);
    // The walk read the domain's modules (an empty walk would pass vacuously) and not the YAML loader.
    expect([...files].some((f) => f.endsWith('names.ts'))).toBe(true);
    expect([...files].some((f) => f.endsWith('safe-yaml.ts'))).toBe(false);
  });

  it('the YAML loader, by its own path, is where the yaml package comes in', () => {
    expect([...packagesLoadedBy('libs/domain/src/safe-yaml.ts').packages]).toEqual(['yaml']);
  });

  it('is the only code that imports the yaml package: every YAML input goes through one hardened loader', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []);
    const files = [...sources('libs'), ...sources('apps')];
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => /from 'yaml'/.test(readFileSync(f, 'utf8')))).toEqual(['libs/domain/src/safe-yaml.ts']);
  });
});
