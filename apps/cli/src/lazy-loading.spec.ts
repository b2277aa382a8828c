import { FRAMEWORK_PACKAGES, packagesLoadedBy } from '../../../test/support/import-graph.js';

// `custody --version`, `--help` and `rules` must start in well under a second: each command imports what it
// needs when it runs, so loading the CLI itself loads only the argument parser and the domain.
describe('CLI start-up imports', () => {
  it('loading the CLI (what --version and --help run) loads only commander', () => {
    const { packages } = packagesLoadedBy('apps/cli/src/main.ts');
    expect([...packages]).toEqual(['commander']);
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
