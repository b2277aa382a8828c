// The one set of @swc/core options for running TypeScript in tests and benches: legacy decorators with
// metadata, which Nest's dependency injection needs. Used by jest.config.js and test/bench/support/swc-hooks.mjs.
export const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
