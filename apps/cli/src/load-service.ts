/**
 * The service side of the CLI (`serve`, `keys`, `workspaces`), loaded only by those commands: Nest's decorators
 * need reflect-metadata before any decorated class is evaluated, so it is imported first, then the pipeline.
 */
export async function loadServiceRuntime() {
  await import('reflect-metadata');
  const [config, pipeline, audit] = await Promise.all([import('@custody/config'), import('@custody/pipeline'), import('@custody/audit')]);
  return { config, pipeline, audit };
}
