import { readFileSync } from 'node:fs';
import { FRAMEWORK_PACKAGES, packagesLoadedBy } from '../../../test/support/import-graph.js';
import { VERSION } from './version.js';

// `custody --version`, `--help` and `rules` must start in well under a second: each command imports what it
// needs when it runs, so loading the CLI itself loads only the argument parser and the domain.
describe('CLI start-up imports', () => {
  it('the entry answers --version loading nothing; the program (what --help runs) loads only commander', () => {
    const entry = packagesLoadedBy('apps/cli/src/main.ts');
    expect([...entry.packages]).toEqual([]);
    expect([...entry.files].map((f) => f.replace(/.*apps\/cli\/src\//, ''))).toEqual(['main.ts', 'version.ts']);
    expect([...packagesLoadedBy('apps/cli/src/program.ts').packages]).toEqual(['commander']);
  });

  it('the version the entry prints is package.json\'s', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('`rules` loads the rules without the framework, the manifest schema or YAML', () => {
    const { packages } = packagesLoadedBy('libs/rules/src/index.ts');
    expect([...packages].filter((p) => FRAMEWORK_PACKAGES.test(p) || p === 'zod' || p === 'yaml')).toEqual([]);
  });

  it('`extract` and `audit` load no framework', () => {
    for (const entry of ['libs/extraction/src/index.ts', 'libs/audit/src/index.ts', 'libs/reports/src/index.ts', 'libs/config/src/index.ts']) {
      const { packages } = packagesLoadedBy(entry);
      expect({ entry, framework: [...packages].filter((p) => FRAMEWORK_PACKAGES.test(p)) }).toEqual({ entry, framework: [] });
    }
  });
});
