import { Injectable } from '@nestjs/common';
import i18next, { type i18n } from 'i18next';
import { FederationConfig, FEDERATION_LANGUAGES, NodeConfig, type Language } from '@ots/config';
import { UnsupportedLanguageError } from './i18n.errors.js';
import { negotiateLanguage } from './language-negotiation.js';
import { MESSAGES, type MessageKey } from './messages/index.js';

/**
 * i18next, set up once per node: the error messages of every language, with
 * the fallback chains of federation-config (ky -> ru -> en, ...).
 */
@Injectable()
export class I18nService {
  private readonly i18n: i18n;

  constructor(
    private readonly federation: FederationConfig,
    private readonly config: NodeConfig,
  ) {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initAsync: false,
      resources: Object.fromEntries(FEDERATION_LANGUAGES.map((lang) => [lang, { errors: MESSAGES[lang] }])),
      ns: ['errors'],
      defaultNS: 'errors',
      fallbackLng: (code: string) =>
        federation
          .fallbackChain(code as Language)
          .slice(1)
          .concat('en'),
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  get defaultLanguage(): Language {
    return this.config.defaultLanguage;
  }

  /** The request's language: `lang` argument, else Accept-Language, else the node default. Unknown `lang` is refused. */
  resolve(explicit: string | null | undefined, acceptLanguage: string | null | undefined): Language {
    const lang = negotiateLanguage({ explicit, acceptLanguage, supported: this.federation.languages, fallback: this.defaultLanguage });
    if (!lang) {
      throw new UnsupportedLanguageError(`unsupported language ${String(explicit)}`, {
        lang: String(explicit).slice(0, 16),
        supported: this.federation.languages.join(', '),
      });
    }
    return lang;
  }

  /** Like resolve, but never throws: used when an error message itself must be written. */
  resolveLeniently(explicit: string | null | undefined, acceptLanguage: string | null | undefined): Language {
    return (
      negotiateLanguage({
        explicit: undefined,
        acceptLanguage: explicit ?? acceptLanguage,
        supported: this.federation.languages,
        fallback: this.defaultLanguage,
      }) ?? this.defaultLanguage
    );
  }

  /** A translated text by key (case statuses and the like), falling back along the chain. */
  text(key: MessageKey, lang: Language, params: Record<string, string | number> = {}): string {
    return this.i18n.t(key, { ...params, lng: lang });
  }

  /** Whether `code` has a message of its own (errorMessage falls back to INTERNAL's for one that has not). */
  knows(code: string): boolean {
    return code in MESSAGES.en;
  }

  errorMessage(code: string, params: Record<string, string | number>, lang: Language): string {
    const key = (code in MESSAGES.en ? code : 'INTERNAL') as MessageKey;
    return this.i18n.t(key, { ...params, lng: lang });
  }
}
