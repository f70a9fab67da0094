// Loads the translation tooling (libs/i18n/src/translation) from the build, so these scripts need no TypeScript loader.
// The strings themselves are read from the source files on every run; only the tooling's own code comes from dist/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run i18n:status | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const sources = join(projectRoot, 'libs', 'i18n', 'src', 'translation');
const built = join(projectRoot, 'dist', 'libs', 'i18n', 'src', 'translation');

function outdatedModules() {
  return readdirSync(sources)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .filter((name) => {
      const output = join(built, name.replace(/\.ts$/, '.js'));
      return !existsSync(output) || statSync(output).mtimeMs < statSync(join(sources, name)).mtimeMs;
    });
}

export async function loadTranslationTooling(command) {
  const outdated = outdatedModules();
  if (outdated.length > 0) {
    process.stderr.write(
      `${command}: the translation tooling is not built or older than its sources (${outdated.join(', ')}); run \`npm run build\`\n`,
    );
    process.exit(1);
  }
  return import(new URL(`file://${join(built, 'index.js')}`).href);
}

/** Errors of the tooling carry a stable code (OtsError); they are the user's to fix, so the message is enough. */
export function exitWithError(command, err) {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code)) {
    process.stderr.write(`${command}: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
