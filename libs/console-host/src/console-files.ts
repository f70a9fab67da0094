import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** One built file of the console, ready to send. */
export interface ConsoleFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Vite names what it bundles `assets/<name>-<hash>.<ext>`: such a file never changes, so a browser may keep it for a year. */
export function cacheControlFor(path: string): string {
  if (path === 'index.html') return 'no-cache';
  if (path.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * Every file of the built console (`dist/console`), read once at start-up: it is small, and a request can then never
 * name a path outside the folder. An empty map when the console is not built.
 */
export function loadConsoleFiles(dir: string): Map<string, ConsoleFile> {
  const files = new Map<string, ConsoleFile>();
  if (!existsSync(dir)) return files;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(dir, full).split(sep).join('/');
        const contentType = CONTENT_TYPES[extname(name)];
        if (contentType) files.set(path, { body: readFileSync(full), contentType, cacheControl: cacheControlFor(path) });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * What answers `/console/<path>`: the file itself, else `index.html` for a client route (a path with no extension, so
 * the page's router shows it), else nothing (a missing script or image is a 404, never a page).
 */
export function resolveConsolePath(files: ReadonlyMap<string, ConsoleFile>, path: string): ConsoleFile | undefined {
  const clean = path.replace(/^\/+/, '').split('?')[0] ?? '';
  const file = files.get(clean === '' ? 'index.html' : clean);
  if (file) return file;
  if (clean.startsWith('assets/') || extname(clean) !== '') return undefined;
  return files.get('index.html');
}

/**
 * The page's policy: only this node's own scripts and styles (no inline script, no eval), GraphQL and the feed on
 * this origin, the identity provider's token endpoint; never framed.
 */
export function consoleContentSecurityPolicy(identityProviderOrigin: string | undefined): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${identityProviderOrigin ? ` ${identityProviderOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
