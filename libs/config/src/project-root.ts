import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout this code runs from, found by walking up to the folder that
 * holds `federation-config/`; it works the same from `libs/` sources (tests)
 * and from `dist/` (built node and CLI), whatever the working directory.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'federation-config', 'federation.json')) && existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function defaultFederationConfigDir(): string {
  return resolve(projectRoot(), 'federation-config');
}
