/**
 * `node --import ./test/bench/support/swc-register.mjs file.ts` runs TypeScript the way Jest does (@swc/core
 * with legacy decorators and decorator metadata). tsx (esbuild) cannot emit decorator metadata, which Nest's
 * dependency injection needs, so benches that boot the API and worker in-process run under these hooks.
 */
import { register } from 'node:module';

register('./swc-hooks.mjs', import.meta.url);
