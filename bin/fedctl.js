#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/apps/fedctl/src/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('fedctl: not built yet; run `npm run build` in the project folder\n');
  process.exit(1);
}
await import(entry.href);
