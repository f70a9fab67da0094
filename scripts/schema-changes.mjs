#!/usr/bin/env node
/**
 * The API change policy, checked (`npm run api:check`, run by `.ci/run` before `npm test`): compares
 * apps/node/schema.gql with the schema of the base commit using GraphQL Inspector's diff, and fails on every
 * breaking change that is neither
 *   - the removal of a field, argument, input field or enum value that the base schema already marked
 *     `@deprecated` with a reason naming its removal version ("… Removal in 0.3.0."), nor
 *   - listed in docs/api-changes.md by this change: a table row, new since the base commit, whose first cell is
 *     the change's path in backticks (`Query.cases`, `Application.status`, `CaseStatus.SUBMITTED`; a path covers
 *     the paths below it) and whose second cell gives the reason. Rows already at the base were for earlier
 *     changes: they stay as the record and allow nothing more.
 *
 * The base commit (docs/api.md, "Change policy"): `--base REF` or `API_BASE_REF` if given; else the merge-base of
 * HEAD with origin/main (else main), which on a branch is where it left main; when that is HEAD itself (CI's clone
 * of main, or a branch with no commits of its own), HEAD if the schema has uncommitted edits, else HEAD's first
 * parent, so that on a clean clone of main the last commit's changes are the ones checked.
 * With no base commit, or no schema at the base, there is nothing to compare and the check passes, saying so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';

export const SCHEMA_PATH = 'apps/node/schema.gql';
export const CHANGES_DOC = 'docs/api-changes.md';

/** "Removal in 0.3.0", "removed in v1.2": a deprecation must say when the element goes. */
const REMOVAL_VERSION = /\bremov\w*\s+in\s+v?\d+\.\d+(\.\d+)?/i;

const REMOVALS = new Set(['FIELD_REMOVED', 'FIELD_ARGUMENT_REMOVED', 'INPUT_FIELD_REMOVED', 'ENUM_VALUE_REMOVED']);

/** Paths listed in the changes document with a reason: `| \`Query.cases\` | why | ... |`; the rows of `before` excepted. */
export function listedChanges(markdown, before = '') {
  const earlier = new Set(before.split('\n').map((line) => line.trim()));
  const listed = new Map();
  for (const line of markdown.split('\n')) {
    if (earlier.has(line.trim())) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 4) continue;
    const path = /^`([A-Za-z_][\w.]*)`$/.exec(cells[1])?.[1];
    if (path && cells[2] && !/^-+$/.test(cells[2])) listed.set(path, cells[2]);
  }
  return listed;
}

/** The deprecation reason the old schema gives the element at `path` (Type.field, Type.field.arg, Enum.VALUE). */
function deprecationAt(schema, path) {
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName);
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? undefined;
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const field = type.getFields()[member];
    if (!field) return undefined;
    if (!argument) return field.deprecationReason ?? undefined;
    return field.args?.find((a) => a.name === argument)?.deprecationReason ?? undefined;
  }
  return undefined;
}

const covers = (listed, path) => [...listed.keys()].some((p) => path === p || path.startsWith(`${p}.`));

/**
 * Every breaking change between the two schemas, each with whether the policy allows it and why.
 *
 * @example
 * await schemaChanges(oldSdl, newSdl, '') // [{ path: 'Query.cases', message: ..., allowed: false }]
 */
export async function schemaChanges(oldSdl, newSdl, changesMarkdown, baseChangesMarkdown = '') {
  const oldSchema = buildSchema(oldSdl);
  const changes = await diff(oldSchema, buildSchema(newSdl));
  const listed = listedChanges(changesMarkdown, baseChangesMarkdown);
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => {
      const path = change.path ?? '';
      const deprecation = REMOVALS.has(change.type) ? deprecationAt(oldSchema, path) : undefined;
      if (deprecation && REMOVAL_VERSION.test(deprecation))
        return { path, type: change.type, message: change.message, allowed: true, why: `deprecated: ${deprecation}` };
      if (covers(listed, path)) return { path, type: change.type, message: change.message, allowed: true, why: `listed in ${CHANGES_DOC}` };
      return { path, type: change.type, message: change.message, allowed: false };
    });
}

const gitRaw = (root, args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const git = (root, args) => gitRaw(root, args).trim();
const tryGit = (root, args, read = git) => {
  try {
    return read(root, args);
  } catch {
    return undefined;
  }
};

/** The commit to compare with, and how it was chosen (see the file's comment). */
export function baseCommit(root, explicit) {
  if (explicit) return { commit: git(root, ['rev-parse', '--verify', `${explicit}^{commit}`]), how: explicit };
  const head = tryGit(root, ['rev-parse', '--verify', 'HEAD']);
  if (!head) return undefined;
  for (const main of ['origin/main', 'main']) {
    if (!tryGit(root, ['rev-parse', '--verify', '--quiet', `${main}^{commit}`])) continue;
    const mergeBase = tryGit(root, ['merge-base', 'HEAD', main]);
    if (mergeBase && mergeBase !== head) return { commit: mergeBase, how: `merge-base of HEAD and ${main}` };
    break;
  }
  const committed = tryGit(root, ['show', `HEAD:${SCHEMA_PATH}`], gitRaw);
  const current = existsSync(join(root, SCHEMA_PATH)) ? readFileSync(join(root, SCHEMA_PATH), 'utf8') : undefined;
  if (committed !== undefined && committed !== current) return { commit: head, how: 'HEAD, the schema has uncommitted edits' };
  const parent = tryGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^']);
  return parent ? { commit: parent, how: 'HEAD^' } : undefined;
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const root = option('--root') ?? fileURLToPath(new URL('..', import.meta.url));
  const base = baseCommit(root, option('--base') ?? process.env.API_BASE_REF);
  const out = (line) => process.stdout.write(`api:check: ${line}\n`);
  if (!base) return out('no base commit to compare with; nothing to check');
  const oldSdl = tryGit(root, ['show', `${base.commit}:${SCHEMA_PATH}`], gitRaw);
  if (oldSdl === undefined) return out(`no ${SCHEMA_PATH} at ${base.commit.slice(0, 12)} (${base.how}); nothing to check`);
  const changesPath = join(root, CHANGES_DOC);
  const changesDoc = existsSync(changesPath) ? readFileSync(changesPath, 'utf8') : '';
  const baseChangesDoc = tryGit(root, ['show', `${base.commit}:${CHANGES_DOC}`], gitRaw) ?? '';
  return schemaChanges(oldSdl, readFileSync(join(root, SCHEMA_PATH), 'utf8'), changesDoc, baseChangesDoc).then((changes) => {
    out(`${SCHEMA_PATH} against ${base.commit.slice(0, 12)} (${base.how}): ${changes.length} breaking change(s)`);
    for (const change of changes)
      out(`${change.allowed ? 'allowed' : 'REFUSED'} ${change.path}: ${change.message}${change.why ? ` (${change.why})` : ''}`);
    const refused = changes.filter((c) => !c.allowed);
    if (refused.length > 0) {
      process.stderr.write(
        `api:check: ${refused.length} breaking change(s) neither deprecated first (with a removal version) nor listed in ${CHANGES_DOC}\n`,
      );
      process.exitCode = 1;
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
