#!/usr/bin/env node
// npm run i18n:status [-- --lang kk[,ru]] [--json]: the stale and missing translations of every string set, per language.
import { parseArgs } from 'node:util';
import { exitWithError, loadTranslationTooling, projectRoot } from './translation-tooling.mjs';

const { values } = parseArgs({ options: { lang: { type: 'string' }, json: { type: 'boolean', default: false } } });
const tooling = await loadTranslationTooling('i18n:status');
try {
  const languages = values.lang ? values.lang.split(',') : undefined;
  const unknown = (languages ?? []).filter((lang) => !(lang in tooling.LANGUAGE_NAMES));
  if (unknown.length > 0) {
    process.stderr.write(`i18n:status: not a federation language: ${unknown.join(', ')}\n`);
    process.exit(2);
  }
  const status = tooling.collectTranslationStatus(projectRoot, tooling.stringSets(projectRoot));
  if (values.json) {
    const keep = (finding) => !languages || languages.includes(finding.lang);
    const selected = { ...status, stale: status.stale.filter(keep), missing: status.missing.filter(keep) };
    process.stdout.write(`${JSON.stringify(selected, null, 2)}\n`);
  } else {
    process.stdout.write(`${tooling.formatTranslationStatus(status, languages)}\n`);
  }
} catch (err) {
  exitWithError('i18n:status', err);
}
