import { FEDERATION_LANGUAGES, type Language } from '@ots/config';
import { CLI_MESSAGES, type CliMessageKey } from './cli-messages.js';

/**
 * The admin's language: `--lang`, else the locale of the shell (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them:
 * `tr_TR.UTF-8` is Turkish), else English. Never the node's language: the node answers in the one asked for.
 */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag && isLanguage(flag)) return flag;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const language = locale?.split(/[_.@-]/)[0]?.toLowerCase();
  return language && isLanguage(language) ? language : 'en';
}

function isLanguage(value: string): value is Language {
  return (FEDERATION_LANGUAGES as readonly string[]).includes(value);
}

let current: Language = 'en';

/** Set once, when the command line is parsed; every message after that is in this language. */
export function useCliLanguage(language: Language): void {
  current = language;
}

export function currentCliLanguage(): Language {
  return current;
}

/** The CLI's own text for `key` in the admin's language, `{name}` filled from params. */
export function cliText(key: CliMessageKey, params: Record<string, string | number> = {}): string {
  const template = CLI_MESSAGES[current][key] ?? CLI_MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
