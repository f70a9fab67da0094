#!/usr/bin/env node
// npm run i18n:mark-fresh -- <file> <key>... [--lang <lang>[,<lang>...]|all]
// A key names itself and every key below it (KZ-TAX-TIN: its name and description); * names every key of the set.
// Records that the named translations in <file> were made from the current source text. The language is the file's own
// for per-language files (KZ.kk.json, kk.ts); --lang is needed for files holding every language (federation.json,
// demo-texts.ts) and, after an edit to a source text that leaves its meaning as it was, on the source file itself.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exitWithError, loadTranslationTooling, projectRoot } from './translation-tooling.mjs';

const { values, positionals } = parseArgs({ options: { lang: { type: 'string' } }, allowPositionals: true });
const [file, ...keys] = positionals;
if (!file || keys.length === 0) {
  process.stderr.write('usage: npm run i18n:mark-fresh -- <file> <key>|*... [--lang <lang>[,<lang>...]|all]\n');
  process.exit(2);
}
const tooling = await loadTranslationTooling('i18n:mark-fresh');
try {
  const marked = tooling.markFresh(projectRoot, tooling.stringSets(projectRoot), {
    // npm runs scripts in the project root; INIT_CWD is where the translator typed the command.
    file: resolve(process.env.INIT_CWD ?? process.cwd(), file),
    keys,
    languages: values.lang?.split(','),
  });
  for (const { set, key, lang, hash } of marked) process.stdout.write(`${set}  ${key} [${lang}]  fresh (source ${hash})\n`);
} catch (err) {
  exitWithError('i18n:mark-fresh', err);
}
