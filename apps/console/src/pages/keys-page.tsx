import { useState } from 'react';
import type { ApiError } from '../api/client';
import { OWN_KEY_KIND_LABEL } from '../api/enums';
import {
  AddRootKeyDocument,
  KeyChangePreviewDocument,
  OwnKeysDocument,
  RetireRootKeyDocument,
  RotateSignerKeyDocument,
  type KeyChange,
  type KeyChangeBlock,
  type KeyChangePreviewQuery,
} from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n, type StringKey } from '../i18n/i18n';
import { ErrorMessage, formatTime, Loading, SignedIn, TableWrap } from './components';

/** A certificate with less than this left is shown as a warning (the node renews at 30 days). */
const WARN_DAYS = 30;

export function KeysPage() {
  return (
    <SignedIn>
      <Keys />
    </SignedIn>
  );
}

function Keys() {
  const { t, lang } = useI18n();
  const keys = useQuery(OwnKeysDocument, {});
  const current = (keys.data?.ownKeys ?? []).filter((k) => !k.retiredAt);
  const roots = current.filter((k) => k.kind === 'ROOT');
  return (
    <section aria-labelledby="keys-title">
      <h1 id="keys-title">{t('keys.title')}</h1>
      <ErrorMessage error={keys.error} />
      <Loading when={keys.loading && !keys.data} />
      {keys.data && (
        <TableWrap label={t('keys.title')}>
          <table data-testid="own-keys">
            <caption className="visually-hidden">{t('keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keys.kind')}</th>
                <th scope="col">{t('trust.thumbprint')}</th>
                <th scope="col">{t('keys.created')}</th>
                <th scope="col">{t('keys.validTo')}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((k) => (
                <tr key={k.thumbprint} data-kind={k.kind}>
                  <td>{t(OWN_KEY_KIND_LABEL[k.kind])}</td>
                  <td className="mono small">{k.thumbprint}</td>
                  <td>{formatTime(k.createdAt, lang)}</td>
                  <td>
                    {k.validTo === null ? (
                      '—'
                    ) : (
                      <>
                        {formatTime(k.validTo, lang)}{' '}
                        <span className={(k.daysLeft ?? 0) < WARN_DAYS ? 'badge warn' : 'badge ok'} data-testid="days-left">
                          {t('keys.daysLeft', { n: k.daysLeft ?? 0 })}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <KeyChangeCard change="ROTATE_SIGNER" title="keys.rotateTitle" explain="keys.rotateExplain" onDone={keys.reload} />
      <div className="card" data-testid="rollover">
        <h2>{t('keys.rolloverTitle')}</h2>
        <p>{t('keys.rolloverExplain')}</p>
        <KeyChangeCard change="ADD_ROOT" title="keys.addRootTitle" explain="keys.addRootExplain" onDone={keys.reload} nested />
        {roots.length > 1 &&
          roots.map((r) => (
            <KeyChangeCard
              key={r.thumbprint}
              change="RETIRE_ROOT"
              root={r.thumbprint}
              title="keys.retireRootTitle"
              explain="keys.retireRootExplain"
              onDone={keys.reload}
              nested
            />
          ))}
      </div>
    </section>
  );
}

const BLOCK_LABEL: Record<KeyChangeBlock, StringKey> = {
  TWO_ROOTS_ACTIVE: 'keys.blockedTwoRoots',
  ONLY_ROOT: 'keys.blockedOnlyRoot',
  NOT_AN_ACTIVE_ROOT: 'keys.blockedNotRoot',
};
const DONE_LABEL: Record<KeyChange, StringKey> = {
  ROTATE_SIGNER: 'keys.rotated',
  ADD_ROOT: 'keys.rootAdded',
  RETIRE_ROOT: 'keys.rootRetired',
};
const CONFIRM_LABEL: Record<KeyChange, StringKey> = {
  ROTATE_SIGNER: 'keys.rotateConfirm',
  ADD_ROOT: 'keys.addRootConfirm',
  RETIRE_ROOT: 'keys.retireRootConfirm',
};

/**
 * One key change: first its preview (what partners will see: keys added and retiring in the JWKS, the roots and the
 * signer of the entity configuration), then the change itself, only from the preview.
 */
function KeyChangeCard({
  change,
  root,
  title,
  explain,
  onDone,
  nested = false,
}: {
  change: KeyChange;
  root?: string;
  title: StringKey;
  explain: StringKey;
  onDone: () => void;
  nested?: boolean;
}) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [preview, setPreview] = useState<KeyChangePreviewQuery['keyChangePreview'] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const slug = change.toLowerCase().replace(/_/g, '-');
  const testId = root ? `${slug}-${root.slice(0, 8)}` : slug;
  const ask = async () => {
    setError(undefined);
    setDone(undefined);
    try {
      setPreview((await api(KeyChangePreviewDocument, { change, rootThumbprint: root ?? null })).keyChangePreview);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const run = async () => {
    setError(undefined);
    try {
      const kid =
        change === 'ROTATE_SIGNER'
          ? (await api(RotateSignerKeyDocument, {})).rotateSignerKey
          : change === 'ADD_ROOT'
            ? (await api(AddRootKeyDocument, {})).addRootKey
            : (await api(RetireRootKeyDocument, { thumbprint: root as string })).retireRootKey;
      setPreview(undefined);
      setDone(kid);
      onDone();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const Heading = nested ? 'h3' : 'h2';
  return (
    <div className={nested ? 'key-change' : 'card'} data-testid={testId}>
      <Heading>{t(title)}</Heading>
      <p>{t(explain)}</p>
      {root && <p className="mono small">{root}</p>}
      {!preview && (
        <button type="button" onClick={() => void ask()} data-testid={`${testId}-preview`}>
          {t('keys.preview')}
        </button>
      )}
      {preview && (
        <div className="preview" data-testid={`${testId}-what-partners-see`}>
          <h4>{t('keys.partnersWillSee')}</h4>
          {preview.blockedBy ? (
            <p className="error" role="alert" data-testid="blocked">
              {t(BLOCK_LABEL[preview.blockedBy])}
            </p>
          ) : (
            <dl className="fields">
              <dt>{t('keys.added')}</dt>
              <dd data-testid="added">
                {preview.added.map((k, i) => (
                  <div key={i}>
                    {t(OWN_KEY_KIND_LABEL[k.kind])} · {k.thumbprint ?? t('keys.newKey')}
                    {k.validTo && ` · ${t('keys.validFromTo', { from: formatTime(k.validFrom, lang), to: formatTime(k.validTo, lang) })}`}
                    {k.certifiedBy && ` · ${t('keys.certifiedBy', { root: k.certifiedBy.slice(0, 12) })}`}
                  </div>
                ))}
              </dd>
              <dt>{t('keys.retiring')}</dt>
              <dd data-testid="retiring">
                {preview.retiring.length === 0
                  ? '—'
                  : preview.retiring.map((k) => (
                      <div key={k.thumbprint}>
                        {t(OWN_KEY_KIND_LABEL[k.kind])} · <span className="mono small">{k.thumbprint}</span>
                      </div>
                    ))}
              </dd>
              <dt>{t('keys.rootsKept')}</dt>
              <dd className="mono small" data-testid="roots-kept">
                {preview.rootsKept.join(', ')}
              </dd>
              <dt>{t('keys.signedBy')}</dt>
              <dd className="mono small" data-testid="signed-by">
                {preview.signedBy}
              </dd>
            </dl>
          )}
          <div className="actions">
            <button
              type="button"
              className="danger"
              disabled={preview.blockedBy !== null}
              onClick={() => void run()}
              data-testid={`${testId}-confirm`}
            >
              {t(CONFIRM_LABEL[change])}
            </button>
            <button type="button" onClick={() => setPreview(undefined)}>
              {t('registry.cancel')}
            </button>
          </div>
        </div>
      )}
      {done && (
        <p role="status" className="ok" data-testid={`${testId}-done`}>
          {t(DONE_LABEL[change], { thumbprint: done })}
        </p>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
