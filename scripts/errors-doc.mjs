#!/usr/bin/env node
/**
 * Writes docs/errors.md from the error classes themselves: every OtsError subclass under libs/ and apps/, its
 * stable code, HTTP status, meaning (the class's TSDoc) and English message (libs/i18n's source language).
 * It also writes libs/graphql-api/src/error-codes.ts, the list the schema publishes as `enum ErrorCode`, so that
 * the classes are the one source of both. `--check` only compares, for CI and the vocabulary spec; neither file is
 * ever edited by hand.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ERRORS_DOC = join(ROOT, 'docs/errors.md');
export const ERROR_CODES_FILE = join(ROOT, 'libs/graphql-api/src/error-codes.ts');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|e2e-spec|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `export const TABLE = { KEY: 'CODE' } as const` objects, so that `static code = TABLE.KEY` can be read. */
const constants = new Map();
function collectConstants(source) {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let init = declaration.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init) || !ts.isIdentifier(declaration.name)) continue;
      for (const property of init.properties)
        if (ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer))
          constants.set(`${declaration.name.text}.${property.name.getText(source)}`, property.initializer.text);
    }
  }
}
const stringValue = (node) =>
  !node
    ? undefined
    : ts.isStringLiteralLike(node)
      ? node.text
      : ts.isPropertyAccessExpression(node)
        ? constants.get(node.getText())
        : undefined;
const numberValue = (node) => (node && ts.isNumericLiteral(node) ? Number(node.text) : undefined);
const isStatic = (member) => ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;

/** Every class in the tree with what the vocabulary needs of it, by name. */
function classesIn(files) {
  const classes = new Map();
  const sources = files.map((file) => [file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)]);
  for (const [, source] of sources) collectConstants(source);
  for (const [file, source] of sources) {
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      const abstract = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Abstract;
      const entry = { name: statement.name.text, file: relative(ROOT, file), parent: heritage?.expression.getText(source), abstract };
      for (const member of statement.members) {
        if (!ts.isPropertyDeclaration(member) || !member.name) continue;
        const name = member.name.getText(source);
        if (name === 'code' && isStatic(member)) entry.code = stringValue(member.initializer);
        if (name === 'code' && !isStatic(member)) entry.instanceCode = member.initializer?.getText(source) ?? '(assigned)';
        if (name === 'httpStatus' && !isStatic(member)) entry.httpStatus = numberValue(member.initializer);
      }
      const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
      entry.meaning = docs
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      classes.set(entry.name, entry);
    }
  }
  return classes;
}

function descendsFromOtsError(classes, entry) {
  for (let current = entry; current; current = classes.get(current.parent)) if (current.parent === 'OtsError') return true;
  return entry.name === 'OtsError';
}

function inherited(classes, entry, field, fallback) {
  for (let current = entry; current; current = classes.get(current.parent)) if (current[field] !== undefined) return current[field];
  return fallback;
}

async function englishMessages() {
  const source = readFileSync(join(ROOT, 'libs/i18n/src/messages/en.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`)).en;
}

/**
 * The error vocabulary and what is wrong with it: a class without a code or a meaning, an instance code that is not
 * its class's static code, a code two classes share, a code with no English message.
 */
export async function errorVocabulary() {
  const classes = classesIn([...sourceFiles(join(ROOT, 'libs')), ...sourceFiles(join(ROOT, 'apps'))]);
  const messages = await englishMessages();
  const problems = [];
  const errors = [...classes.values()]
    .filter((entry) => !entry.abstract && descendsFromOtsError(classes, entry))
    .map((entry) => ({ ...entry, httpStatus: inherited(classes, entry, 'httpStatus', 400), message: messages[entry.code] }));
  const owners = new Map();
  for (const error of errors) {
    const where = `${error.file}: ${error.name}`;
    if (!error.code) problems.push(`${where} has no static code`);
    else if (owners.has(error.code)) problems.push(`${where} repeats code ${error.code} of ${owners.get(error.code)}`);
    else owners.set(error.code, error.name);
    if (error.instanceCode !== `${error.name}.code`) problems.push(`${where}: its instance code must be ${error.name}.code`);
    if (!error.meaning) problems.push(`${where} has no TSDoc saying what it means`);
    if (error.code && typeof error.message !== 'string') problems.push(`${where}: no English message for ${error.code}`);
  }
  return { errors: errors.sort((a, b) => a.code?.localeCompare(b.code ?? '') ?? 0), problems };
}

const cell = (text) => String(text).replace(/\|/g, '\\|');

export function renderErrorsDoc(errors) {
  const rows = errors.map(
    (e) => `| \`${e.code}\` | ${e.httpStatus} | ${cell(e.meaning)} | ${cell(e.message)} | \`${e.name}\` (${e.file}) |`,
  );
  return [
    '# Error codes',
    '',
    '<!-- Generated by `npm run docs:errors` from the error classes; do not edit by hand. -->',
    '',
    'Every error a caller or a partner sees carries one of these codes in `extensions.code` (GraphQL) or `code`',
    "(HTTP bodies, refusals). Codes never change with the language; the message is given in the request's",
    "language (English shown here, `{{name}}` filled from the error's parameters). Clients switch over the code,",
    'never the message; the GraphQL schema publishes the same list as `enum ErrorCode` for client generators',
    '(api.md). Document verification reasons are results, not errors, and the refusals of `deliver` are part of the',
    'protocol: see [the protocol, sections 4 and 9](protocol/README.md#9-errors-and-refusal-codes).',
    '',
    '| code | HTTP | meaning | message (en) | class |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function renderErrorCodes(errors) {
  return [
    '// Generated by `npm run docs:errors` from the error classes; do not edit by hand.',
    '',
    '/** Every `extensions.code` the node answers with, as the schema publishes them (`enum ErrorCode`). */',
    'export const ERROR_CODES = [',
    ...errors.map((e) => `  '${e.code}',`),
    '] as const;',
    'export type ErrorCodeValue = (typeof ERROR_CODES)[number];',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { errors, problems } = await errorVocabulary();
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`errors-doc: ${problem}\n`);
    process.exit(1);
  }
  const outputs = [
    [ERRORS_DOC, renderErrorsDoc(errors)],
    [ERROR_CODES_FILE, renderErrorCodes(errors)],
  ];
  for (const [file, text] of outputs) {
    if (process.argv.includes('--check')) {
      if (readFileSync(file, 'utf8') !== text) {
        process.stderr.write(`errors-doc: ${relative(ROOT, file)} is out of date; run \`npm run docs:errors\`\n`);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(file, text);
      process.stdout.write(`${relative(ROOT, file)}: ${errors.length} codes\n`);
    }
  }
}
