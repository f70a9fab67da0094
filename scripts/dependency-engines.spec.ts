import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('dependencies and the Node versions the README promises', () => {
  it('installs every direct dependency inside its own supported engines on this Node', () => {
    const outside = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).flatMap((name) => {
      const installed = new URL(`../node_modules/${name}/package.json`, import.meta.url);
      const { version, engines } = JSON.parse(readFileSync(installed, 'utf8')) as { version: string; engines?: { node?: string } };
      return engines?.node && !semver.satisfies(process.version, engines.node) ? [`${name}@${version} wants node ${engines.node}`] : [];
    });
    expect(outside).toEqual([]);
  });

  it('runs on the Node version this project declares', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });
});
