import { useState } from 'react';
import type { ApiError } from '../api/client';
import { OWN_KEY_KIND_LABEL } from '../api/enums';
import { OwnKeysDocument, RotateSignerKeyDocument } from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
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
  const { api } = useSession();
  const keys = useQuery(OwnKeysDocument, {});
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [rotated, setRotated] = useState<string | undefined>();
  const rotate = async () => {
    setError(undefined);
    setConfirm(false);
    try {
      setRotated((await api(RotateSignerKeyDocument, {})).rotateSignerKey);
      keys.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const current = (keys.data?.ownKeys ?? []).filter((k) => !k.retiredAt);
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
      <div className="card">
        <h2>{t('keys.rotateTitle')}</h2>
        <p>{t('keys.rotateExplain')}</p>
        {confirm ? (
          <button type="button" className="danger" onClick={() => void rotate()} data-testid="rotate-confirm">
            {t('keys.rotateConfirm')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirm(true)} data-testid="rotate">
            {t('keys.rotate')}
          </button>
        )}
        {rotated && (
          <p role="status" className="ok" data-testid="rotated">
            {t('keys.rotated', { thumbprint: rotated })}
          </p>
        )}
        <ErrorMessage error={error} />
      </div>
    </section>
  );
}
