import { FRAMEWORK_PACKAGES, packagesLoadedBy } from '../../../test/support/import-graph.js';

// The audit core is what the offline `custody audit` runs; it must stay free of the service's framework, queue
// and database so the CLI starts fast and the same functions serve the CLI, the worker and the API.
describe('the audit core library', () => {
  it('loads no Nest, BullMQ, TypeORM, PGlite or database driver, even through its dynamic imports', () => {
    const { packages, files } = packagesLoadedBy('libs/audit/src/index.ts', { dynamic: true });
    expect([...packages].filter((p) => FRAMEWORK_PACKAGES.test(p))).toEqual([]);
    expect([...files].filter((f) => /libs\/(pipeline|persistence)\//.test(f))).toEqual([]);
    // The walk does see the libraries the core is built from (a walk that saw nothing would pass vacuously).
    expect([...packages]).toEqual(expect.arrayContaining(['yaml', 'htmlparser2']));
  });

  it('the walk would catch a framework import', () => {
    const { packages } = packagesLoadedBy('libs/pipeline/src/index.ts');
    expect([...packages].filter((p) => FRAMEWORK_PACKAGES.test(p))).toEqual(expect.arrayContaining(['@nestjs/common', 'bullmq']));
  });
});
