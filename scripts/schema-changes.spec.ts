import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { listedChanges, schemaChanges } from './schema-changes.mjs';

const SCRIPT = fileURLToPath(new URL('./schema-changes.mjs', import.meta.url));

const BASE = `
type Query {
  cases(first: Int): [Case!]!
  old: String @deprecated(reason: "Use cases. Removal in 0.3.0.")
  vague: String @deprecated(reason: "Use cases.")
}
type Case { id: String!, status: Status! }
enum Status { OPEN CLOSED }
`;

describe('the API change policy', () => {
  it('refuses a removed field, a removed enum value and a changed type, and names them', async () => {
    const changes = await schemaChanges(BASE, BASE.replace('status: Status!', 'status: String!').replace(' CLOSED', ''), '');
    expect(changes.filter((c) => !c.allowed).map((c) => c.path)).toEqual(expect.arrayContaining(['Case.status', 'Status.CLOSED']));
  });

  it('allows removing what was deprecated with a removal version, not what was deprecated without one', async () => {
    const withoutOld = await schemaChanges(BASE, BASE.replace(/ {2}old: .*\n/, ''), '');
    expect(withoutOld).toEqual([expect.objectContaining({ path: 'Query.old', allowed: true })]);
    const withoutVague = await schemaChanges(BASE, BASE.replace(/ {2}vague: .*\n/, ''), '');
    expect(withoutVague).toEqual([expect.objectContaining({ path: 'Query.vague', allowed: false })]);
  });

  it('allows a change listed with its reason in docs/api-changes.md, and what lies below a listed path', async () => {
    const doc = '| path | reason |\n|---|---|\n| `Query.cases` | cases became a connection |\n| `Case.status` | |\n';
    expect([...listedChanges(doc).keys()]).toEqual(['Query.cases']);
    const changes = await schemaChanges(BASE, BASE.replace('cases(first: Int): [Case!]!', 'cases(first: Int!): String'), doc);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.allowed)).toBe(true);
  });

  it('allows nothing by a row the base commit already had: that row recorded an earlier change', async () => {
    const doc = '| path | reason |\n|---|---|\n| `Query.cases` | cases became a connection |\n';
    const again = await schemaChanges(BASE, BASE.replace('cases(first: Int)', 'cases(first: Int, after: String!)'), doc, doc);
    expect(again).toEqual([expect.objectContaining({ path: 'Query.cases.after', allowed: false })]);
  });
});

describe('npm run api:check in a scratch clone', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function scratch(): { root: string; git: (...args: string[]) => string; write: (path: string, text: string) => void } {
    const root = mkdtempSync(join(tmpdir(), 'api-check-'));
    dirs.push(root);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        encoding: 'utf8',
      });
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    git('init', '-q', '-b', 'main');
    write('README.md', 'scratch\n');
    git('add', '.');
    git('commit', '-qm', 'start');
    write('apps/node/schema.gql', BASE);
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    return { root, git, write };
  }
  const check = (root: string) => spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });

  it('fails on a breaking edit committed on a branch, compared with where the branch left main', () => {
    const { root, git, write } = scratch();
    write('apps/node/schema.gql', BASE.replace(/ {2}vague: .*\n/, ''));
    git('commit', '-qam', 'breaking');
    const run = check(root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/merge-base of HEAD and main/);
    expect(run.stdout).toMatch(/REFUSED Query\.vague/);
  });

  it('passes on a deprecation, and on main itself compares with HEAD^', () => {
    const { root, git, write } = scratch();
    git('checkout', '-q', 'main');
    write('apps/node/schema.gql', BASE.replace('status: Status!', 'status: Status! @deprecated(reason: "Use state. Removal in 0.4.0.")'));
    git('commit', '-qam', 'deprecate');
    const run = check(root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(HEAD\^\): 0 breaking change/);
  });

  it('passes on an uncommitted breaking edit once docs/api-changes.md lists it, and not on the next one', () => {
    const { root, git, write } = scratch();
    write('apps/node/schema.gql', BASE.replace(' CLOSED', ''));
    expect(check(root).status).toBe(1);
    write('docs/api-changes.md', '| change | reason |\n|---|---|\n| `Status` | no case is ever closed |\n');
    const run = check(root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/allowed Status\.CLOSED/);
    git('add', '.');
    git('commit', '-qm', 'no closed cases');
    git('checkout', '-q', 'main');
    git('merge', '-q', '--no-ff', '-m', 'merge', 'feature');
    expect(check(root).status).toBe(0);
    write('apps/node/schema.gql', BASE.replace(' CLOSED', '').replace(' OPEN', ' OPENED'));
    const next = check(root);
    expect(next.status).toBe(1);
    expect(next.stdout).toMatch(/REFUSED Status\.OPEN/);
  });
});
