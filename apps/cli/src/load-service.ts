/**
 * The service side of the CLI (`serve`, `keys`, `workspaces`), loaded only by those commands: Nest's decorators
 * need reflect-metadata before any decorated class is evaluated, so it is imported first, then the pipeline.
 */
export async function loadServiceRuntime() {
  await import('reflect-metadata');
  // One after another: concurrent dynamic imports of modules that share dependencies can race while Jest's
  // ESM loader links them ("module is already linked"); in plain Node sequential costs nothing measurable.
  const config = await import('@custody/config');
  const pipeline = await import('@custody/pipeline');
  const audit = await import('@custody/audit');
  return { config, pipeline, audit };
}
