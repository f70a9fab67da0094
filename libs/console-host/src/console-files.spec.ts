import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, consoleContentSecurityPolicy, loadConsoleFiles, resolveConsolePath } from './console-files.js';

describe('the console files the node serves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ots-console-files-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'notes.unknown'), 'not served');
  const files = loadConsoleFiles(dir);

  it('keeps hashed assets a year, never index.html', () => {
    expect(cacheControlFor('assets/index-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(files.get('assets/index-abc123.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(files.has('assets/notes.unknown')).toBe(false);
  });

  it('answers a client route with the page, a missing asset or file with nothing, and never leaves the folder', () => {
    const index = files.get('index.html');
    expect(resolveConsolePath(files, '')).toBe(index);
    expect(resolveConsolePath(files, 'trust')).toBe(index);
    expect(resolveConsolePath(files, 'cases?status=approved')).toBe(index);
    expect(resolveConsolePath(files, 'assets/index-abc123.js')?.body.toString()).toBe('console.log(1)');
    expect(resolveConsolePath(files, 'assets/gone-123.js')).toBeUndefined();
    expect(resolveConsolePath(files, 'favicon.ico')).toBeUndefined();
    expect(resolveConsolePath(files, '../../package.json')).toBeUndefined();
    expect(loadConsoleFiles(join(dir, 'absent')).size).toBe(0);
  });

  it('allows only its own scripts, and the identity provider only for fetch', () => {
    const policy = consoleContentSecurityPolicy('https://idp.egov.kz');
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self' https://idp.egov.kz;");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(consoleContentSecurityPolicy(undefined)).toContain("connect-src 'self';");
  });
});
