import { useState, type FormEvent, type ReactElement } from 'react';
import type { ApiError } from '../api/client';
import {
  AddServiceDocument,
  RetireServiceDocument,
  ServiceForEditDocument,
  ServicesDocument,
  UpdateServiceDocument,
  type Audience,
  type LifeEvent,
  type OnlineLevel,
  type ServiceCategory,
  type ServiceForEditQuery,
} from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from '../i18n/i18n';
import { languageArg } from '../api/enums';
import { refusedFields } from '../lib/refused-fields';
import { ErrorMessage, Loading, SignedIn, TableWrap } from './components';

const CATEGORIES: ServiceCategory[] = [
  'FAMILY',
  'HEALTH',
  'EDUCATION',
  'EMPLOYMENT',
  'SOCIAL_SECURITY',
  'CITIZENSHIP_MIGRATION',
  'REAL_ESTATE',
  'TAX_FINANCE',
  'BUSINESS',
  'TRANSPORT',
];
const LIFE_EVENTS: LifeEvent[] = [
  'MOVING_ABROAD',
  'STARTING_WORK',
  'STARTING_BUSINESS',
  'HAVING_A_CHILD',
  'GETTING_MARRIED',
  'STUDYING_ABROAD',
  'RETIRING',
  'BUYING_PROPERTY',
  'OWNING_A_VEHICLE',
  'PAYING_TAXES',
  'FALLING_ILL',
];
const AUDIENCES: Audience[] = ['CITIZEN', 'FOREIGN_CITIZEN', 'BUSINESS'];
const ONLINE_LEVELS: OnlineLevel[] = ['INFORMATION', 'INTERACTIVE', 'TRANSACTION', 'PROACTIVE'];

/** The schema's enum names back to the catalog file's wire values (closedSetEnum: `tax-finance` is TAX_FINANCE). */
const wire = (name: string): string => name.toLowerCase().replace(/_/g, '-');

type Edited = ServiceForEditQuery['service'];

interface Draft {
  code: string;
  category: ServiceCategory;
  lifeEvents: LifeEvent[];
  audiences: Audience[];
  onlineLevel: OnlineLevel;
  crossBorder: string;
  feeAmount: string;
  feeCurrency: string;
  processingDays: string;
  legalBasis: string;
  responsibleAuthority: string;
  texts: Record<Language, { name: string; description: string }>;
  /** What the form does not edit (required evidence, the application form): kept as the service has it. */
  kept: { requiredEvidence: string[]; form?: unknown };
}

const emptyTexts = (): Draft['texts'] => Object.fromEntries(LANGUAGES.map((l) => [l, { name: '', description: '' }])) as Draft['texts'];

const blank = (country: string): Draft => ({
  code: `${country}-`,
  category: 'EMPLOYMENT',
  lifeEvents: ['STARTING_WORK'],
  audiences: ['FOREIGN_CITIZEN'],
  onlineLevel: 'TRANSACTION',
  crossBorder: '',
  feeAmount: '0',
  feeCurrency: '',
  processingDays: '10',
  legalBasis: '',
  responsibleAuthority: '',
  texts: emptyTexts(),
  kept: { requiredEvidence: [] },
});

const fromService = (s: Edited): Draft => {
  const texts = emptyTexts();
  for (const t of s.translations) {
    const lang = t.language.toLowerCase();
    if (lang in texts) texts[lang as Language] = { name: t.name, description: t.description };
  }
  return {
    code: s.code,
    category: s.category,
    lifeEvents: s.lifeEvents,
    audiences: s.audiences,
    onlineLevel: s.onlineLevel,
    crossBorder: s.crossBorder.join(', '),
    feeAmount: String(s.fee.amount),
    feeCurrency: s.fee.currency,
    processingDays: String(s.processingDays),
    legalBasis: s.legalBasis,
    responsibleAuthority: s.responsibleAuthority,
    texts,
    kept: { requiredEvidence: s.requiredEvidence.map(wire), ...(s.form ? { form: s.form } : {}) },
  };
};

/**
 * The definition and every language's texts as the node's addService takes them. Every language is sent, empty
 * ones too: the node refuses an empty name or description, so a missing translation is its refusal, at its field.
 */
const toInput = (d: Draft): { definition: unknown; texts: unknown } => ({
  definition: {
    code: d.code.trim(),
    category: wire(d.category),
    lifeEvents: d.lifeEvents.map(wire),
    audiences: d.audiences.map(wire),
    crossBorder: d.crossBorder
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase()),
    requiredEvidence: d.kept.requiredEvidence,
    fee: { amount: Number(d.feeAmount), currency: d.feeCurrency.trim() },
    processingDays: Number(d.processingDays),
    legalBasis: d.legalBasis,
    onlineLevel: wire(d.onlineLevel),
    responsibleAuthority: d.responsibleAuthority,
    ...(d.kept.form ? { form: d.kept.form } : {}),
  },
  texts: d.texts,
});

export function RegistryPage() {
  return (
    <SignedIn>
      <Registry />
    </SignedIn>
  );
}

function Registry() {
  const { t, lang } = useI18n();
  const { api, settings } = useSession();
  const services = useQuery(ServicesDocument, { first: 50, lang: languageArg(lang) }, lang);
  const [draft, setDraft] = useState<{ draft: Draft; editing: string | null } | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const edit = async (code: string) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const { service } = await api(ServiceForEditDocument, { code });
      setDraft({ draft: fromService(service), editing: code });
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const retire = async (code: string) => {
    setError(undefined);
    try {
      await api(RetireServiceDocument, { code });
      setSaved(t('registry.retired', { code }));
      services.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <section aria-labelledby="registry-title">
      <h1 id="registry-title">{t('registry.title')}</h1>
      <p>{t('registry.intro')}</p>
      <ErrorMessage error={services.error ?? (draft ? undefined : error)} />
      {saved && (
        <p role="status" className="ok" data-testid="registry-saved">
          {saved}
        </p>
      )}
      {!draft && (
        <button
          type="button"
          className="primary"
          onClick={() => {
            setSaved(undefined);
            setError(undefined);
            setDraft({ draft: blank(settings.country), editing: null });
          }}
          data-testid="add-service"
        >
          {t('registry.add')}
        </button>
      )}
      {draft && (
        <ServiceForm
          initial={draft.draft}
          editing={draft.editing}
          onCancel={() => setDraft(undefined)}
          onSaved={(code) => {
            setSaved(t('registry.saved', { code }));
            setDraft(undefined);
            services.reload();
          }}
        />
      )}
      <Loading when={services.loading && !services.data} />
      {services.data && (
        <TableWrap label={t('registry.services')}>
          <table data-testid="services">
            <caption>{t('registry.services')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.code')}</th>
                <th scope="col">{t('registry.name')}</th>
                <th scope="col">{t('registry.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {services.data.services.edges.map(({ node: s }) => (
                <tr key={s.code} data-code={s.code}>
                  <td className="mono">{s.code}</td>
                  <td>{s.name}</td>
                  <td>
                    <div className="actions">
                      <button type="button" onClick={() => void edit(s.code)}>
                        {t('registry.edit')}
                      </button>
                      <button type="button" className="danger" onClick={() => void retire(s.code)}>
                        {t('registry.retire')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function ServiceForm({
  initial,
  editing,
  onCancel,
  onSaved,
}: {
  initial: Draft;
  editing: string | null;
  onCancel: () => void;
  onSaved: (code: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [d, setD] = useState(initial);
  const [error, setError] = useState<ApiError | undefined>();
  const refused = error?.code === 'INVALID_SERVICE' ? refusedFields(error.detail) : new Map<string, string>();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((current) => ({ ...current, [key]: value }));
  const setText = (lang: Language, field: 'name' | 'description', value: string) =>
    setD((current) => ({ ...current, texts: { ...current.texts, [lang]: { ...current.texts[lang], [field]: value } } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const { definition, texts } = toInput(d);
    try {
      const code = editing
        ? (await api(UpdateServiceDocument, { code: editing, definition, texts })).updateService.code
        : (await api(AddServiceDocument, { definition, texts })).addService.code;
      onSaved(code);
    } catch (err) {
      setError(asApiError(err));
    }
  };

  /** Attributes and the message that mark a field the node refused. */
  const mark = (path: string, message: string) => {
    const wrong = refused.has(path) || (path.startsWith('texts.') && refused.has(path.split('.').slice(0, 2).join('.')));
    return {
      props: { 'aria-invalid': wrong || undefined, 'aria-describedby': wrong ? `err-${path}` : undefined },
      message: wrong ? (
        <span className="error field-error" id={`err-${path}`} data-testid={`field-error-${path}`}>
          {message}
        </span>
      ) : null,
    };
  };
  const field = (path: keyof Draft, label: string, input: (props: object) => ReactElement) => {
    const m = mark(path, t('registry.fieldRefused', { reason: refused.get(path) ?? '' }));
    return (
      <label>
        {label}
        {input({ ...m.props, name: path })}
        {m.message}
      </label>
    );
  };

  return (
    <form className="card service-form" onSubmit={(e) => void submit(e)} data-testid="service-form" noValidate>
      <h2>{editing ? t('registry.editTitle', { code: editing }) : t('registry.addTitle')}</h2>
      <ErrorMessage error={error} />
      <div className="form-grid">
        {field('code', t('registry.code'), (p) => (
          <input {...p} value={d.code} onChange={(e) => set('code', e.target.value)} readOnly={editing !== null} />
        ))}
        {field('category', t('registry.category'), (p) => (
          <select {...p} value={d.category} onChange={(e) => set('category', e.target.value as ServiceCategory)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {wire(c)}
              </option>
            ))}
          </select>
        ))}
        {field('lifeEvents', t('registry.lifeEvents'), (p) => (
          <select
            {...p}
            multiple
            value={d.lifeEvents}
            onChange={(e) =>
              set(
                'lifeEvents',
                [...e.target.selectedOptions].map((o) => o.value as LifeEvent),
              )
            }
          >
            {LIFE_EVENTS.map((c) => (
              <option key={c} value={c}>
                {wire(c)}
              </option>
            ))}
          </select>
        ))}
        {field('audiences', t('registry.audiences'), (p) => (
          <select
            {...p}
            multiple
            value={d.audiences}
            onChange={(e) =>
              set(
                'audiences',
                [...e.target.selectedOptions].map((o) => o.value as Audience),
              )
            }
          >
            {AUDIENCES.map((c) => (
              <option key={c} value={c}>
                {wire(c)}
              </option>
            ))}
          </select>
        ))}
        {field('onlineLevel', t('registry.onlineLevel'), (p) => (
          <select {...p} value={d.onlineLevel} onChange={(e) => set('onlineLevel', e.target.value as OnlineLevel)}>
            {ONLINE_LEVELS.map((c) => (
              <option key={c} value={c}>
                {wire(c)}
              </option>
            ))}
          </select>
        ))}
        {field('crossBorder', t('registry.crossBorder'), (p) => (
          <input {...p} value={d.crossBorder} onChange={(e) => set('crossBorder', e.target.value)} placeholder="TR, KG" />
        ))}
        {field('processingDays', t('registry.processingDays'), (p) => (
          <input {...p} type="number" value={d.processingDays} onChange={(e) => set('processingDays', e.target.value)} />
        ))}
        {(['fee.amount', 'fee.currency'] as const).map((path) => {
          const m = mark(path, t('registry.fieldRefused', { reason: refused.get(path) ?? '' }));
          const key = path === 'fee.amount' ? 'feeAmount' : 'feeCurrency';
          return (
            <label key={path}>
              {t(path === 'fee.amount' ? 'registry.feeAmount' : 'registry.feeCurrency')}
              <input
                {...m.props}
                name={path}
                type={path === 'fee.amount' ? 'number' : 'text'}
                value={d[key]}
                onChange={(e) => set(key, e.target.value)}
              />
              {m.message}
            </label>
          );
        })}
        {field('legalBasis', t('registry.legalBasis'), (p) => (
          <input {...p} value={d.legalBasis} onChange={(e) => set('legalBasis', e.target.value)} />
        ))}
        {field('responsibleAuthority', t('registry.authority'), (p) => (
          <input {...p} value={d.responsibleAuthority} onChange={(e) => set('responsibleAuthority', e.target.value)} />
        ))}
      </div>
      <h3>{t('registry.texts')}</h3>
      <div className="languages" data-testid="languages">
        {LANGUAGES.map((l) => (
          <fieldset key={l} lang={l} data-lang={l}>
            <legend>{LANGUAGE_NAMES[l]}</legend>
            {(['name', 'description'] as const).map((f) => {
              const path = `texts.${l}.${f}`;
              const m = mark(path, t('registry.translationMissing', { language: LANGUAGE_NAMES[l] }));
              return (
                <label key={f}>
                  {t(f === 'name' ? 'registry.name' : 'registry.description')}
                  {f === 'name' ? (
                    <input {...m.props} name={path} value={d.texts[l].name} onChange={(e) => setText(l, f, e.target.value)} />
                  ) : (
                    <textarea
                      {...m.props}
                      name={path}
                      rows={3}
                      value={d.texts[l].description}
                      onChange={(e) => setText(l, f, e.target.value)}
                    />
                  )}
                  {m.message}
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-testid="save-service">
          {t('registry.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('registry.cancel')}
        </button>
      </div>
    </form>
  );
}
