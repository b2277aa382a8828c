/**
 * Module hooks for swc-register.mjs: `@custody/<lib>` → libs/<lib>/src/index.ts and `@custody/<lib>/<module>` → libs/<lib>/src/<module>.ts (the tsconfig paths),
 * `./x.js` → `./x.ts` when only the TypeScript source exists, and .ts files compiled by @swc/core with the
 * same options as jest.config.js.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transform } from '@swc/core';
import { SWC_OPTIONS } from '../../support/swc-options.mjs';

const ROOT = new URL('../../../', import.meta.url);
const SWC = SWC_OPTIONS;

export async function resolve(specifier, context, next) {
  const lib = /^@custody\/([a-z-]+)$/.exec(specifier);
  if (lib) return { url: new URL(`libs/${lib[1]}/src/index.ts`, ROOT).href, shortCircuit: true };
  const single = /^@custody\/([a-z-]+)\/([a-z-]+)$/.exec(specifier);
  if (single) return { url: new URL(`libs/${single[1]}/src/${single[2]}.ts`, ROOT).href, shortCircuit: true };
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.startsWith('file:') && !context.parentURL.includes('/node_modules/')) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!existsSync(new URL(specifier, context.parentURL)) && existsSync(ts)) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/')) {
    const file = fileURLToPath(url);
    const { code } = await transform(await readFile(file, 'utf8'), { ...SWC, filename: file });
    return { format: 'module', source: code, shortCircuit: true };
  }
  return next(url, context);
}

