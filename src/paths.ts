import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json), found by walking up from this module:
 * `src/` when run from source (tests), `dist/src/` when run compiled (the `tip` binary).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('package root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
export const RULES_DIR = join(PACKAGE_ROOT, 'rules');
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const DATA_DIR = join(PACKAGE_ROOT, 'data');
export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');
