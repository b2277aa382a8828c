import fc from 'fast-check';

/**
 * Property specs draw fresh random cases on every run, except in CI (CI=true), which runs one fixed seed so a
 * landing never depends on a new draw; FC_SEED sets the seed anywhere (to replay a reported counterexample).
 * `npm run fuzz` runs the property specs under many random seeds; a counterexample found is kept as an example.
 */
const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI ? 20261207 : undefined;
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
