// Native ESM Jest: NODE_OPTIONS=--experimental-vm-modules is set by `npm test`.
// @swc/jest compiles TS with legacy decorators + metadata, which Nest's DI needs (options shared with benches).
import { SWC_OPTIONS as swc } from './test/support/swc-options.mjs';

export default {
  // Node's environment; a failed test may ask its spec to save evidence (the dashboard harness does).
  testEnvironment: '<rootDir>/test/support/evidence-environment.mjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    // A library's single module (`@custody/graph/queries`), for callers that must not load the whole library.
    '^@custody/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2.ts',
    '^@custody/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
  // Run test files in a worker process that is replaced once it holds more than this after a file, instead of in
  // Jest's own process: with one worker (2 cores) Jest would run in band, and every file's ESM module graph stays
  // reachable there (vm modules), so a full run's heap grew past 4 GB and the CI's services run aborted (OOM).
  workerIdleMemoryLimit: '1GB',
};
