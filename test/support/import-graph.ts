import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// `import x from 'y'`, `export * from 'y'`, `import 'y'`, and (optionally) `import('y')`; type-only ones are erased.
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The packages a module loads, following its own and the Custody libraries' imports through the sources (the
 * tsconfig paths: `@custody/x` → libs/x/src/index.ts, `@custody/x/y` → libs/x/src/y.ts). `dynamic`: also follow
 * `import()` calls, i.e. everything the module could ever load rather than what loading it loads.
 */
export function packagesLoadedBy(entry: string, opts: { dynamic?: boolean } = {}): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    const specs: string[] = [];
    for (const m of text.matchAll(STATIC)) if (!m[2]) specs.push(m[3]!);
    if (opts.dynamic) for (const m of text.matchAll(DYNAMIC)) specs.push(m[1]!);
    for (const spec of specs) {
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        visit(existsSync(target) ? target : resolve(dirname(file), spec));
        continue;
      }
      const lib = /^@custody\/([a-z-]+)(?:\/([a-z-]+))?$/.exec(spec);
      if (lib) {
        visit(join(ROOT, 'libs', lib[1]!, 'src', `${lib[2] ?? 'index'}.ts`));
        continue;
      }
      packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(resolve(ROOT, entry));
  return { packages, files };
}

/** Packages the audit core and the CLI's light commands must never load. */
export const FRAMEWORK_PACKAGES = /^(@nestjs\/.*|typeorm|bullmq|ioredis|pg|@electric-sql\/.*|reflect-metadata|express|rxjs)$/;
