import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { KEY_SOURCE_LABEL, KEY_STATUS_LABEL, REVOCATION_REASON_LABEL, TRUST_STATUS_LABEL } from '../api/enums';
import {
  InspectPartnerDocument,
  PinPartnerDocument,
  ReactivatePartnerDocument,
  RevokePartnerDocument,
  RevokePartnerKeyDocument,
  RestrictPartnerServicesDocument,
  SuspendPartnerDocument,
  TrustAnchorsDocument,
  type InspectPartnerQuery,
  type KeyRevocationReason,
  type TrustAnchorsQuery,
} from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { compareThumbprints, comparisonCode, normalizeThumbprint, thumbprintGroups } from '../lib/thumbprint';
import { ErrorMessage, formatTime, Loading, SignedIn, TableWrap } from './components';

type Anchor = TrustAnchorsQuery['trustAnchors'][number];
type Inspection = InspectPartnerQuery['inspectPartner'];

export function TrustPage() {
  return (
    <SignedIn>
      <Trust />
    </SignedIn>
  );
}

function Trust() {
  const { t } = useI18n();
  const anchors = useQuery(TrustAnchorsDocument, {});
  return (
    <section aria-labelledby="trust-title">
      <h1 id="trust-title">{t('trust.title')}</h1>
      <Ceremony onPinned={anchors.reload} />
      <h2>{t('trust.partners')}</h2>
      <ErrorMessage error={anchors.error} />
      <Loading when={anchors.loading && !anchors.data} />
      {anchors.data?.trustAnchors.length === 0 && <p>{t('federation.noPartners')}</p>}
      {anchors.data?.trustAnchors.map((a) => (
        <AnchorCard key={a.country} anchor={a} onChange={anchors.reload} />
      ))}
    </section>
  );
}

/** Enter the partner's URL; the node fetches its statement; compare the thumbprint read out by telephone; pin. */
function Ceremony({ onPinned }: { onPinned: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [url, setUrl] = useState('');
  const [inspection, setInspection] = useState<Inspection | undefined>();
  const [received, setReceived] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [pinned, setPinned] = useState<string | undefined>();

  const inspect = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setInspection(undefined);
    setPinned(undefined);
    setReceived('');
    setBusy(true);
    try {
      setInspection((await api(InspectPartnerDocument, { baseUrl: url.trim() })).inspectPartner);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const expected = inspection?.signedBy ?? '';
  const comparison = compareThumbprints(expected, received);
  const pin = async () => {
    if (!inspection || !comparison.matches) return;
    setError(undefined);
    setBusy(true);
    try {
      const answer = await api(PinPartnerDocument, {
        input: { country: inspection.country, baseUrl: inspection.baseUrl, thumbprints: [normalizeThumbprint(received)] },
      });
      setPinned(answer.addTrustAnchor.country);
      setInspection(undefined);
      onPinned();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card" data-testid="ceremony">
      <h2>{t('trust.ceremonyTitle')}</h2>
      <p>{t('trust.ceremonyIntro')}</p>
      <form onSubmit={(e) => void inspect(e)} className="inline">
        <label>
          {t('trust.partnerUrl')}
          <input type="url" name="partner-url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://" />
        </label>
        <button type="submit" disabled={busy}>
          {t('trust.fetch')}
        </button>
      </form>
      <ErrorMessage error={error} />
      {pinned && (
        <p className="ok" role="status" data-testid="pinned">
          {t('trust.pinnedOk', { country: pinned })}
        </p>
      )}
      {inspection && (
        <div className="inspection" data-testid="inspection">
          <p>
            {t('trust.fetchedFrom', { country: inspection.country, url: inspection.baseUrl })}{' '}
            {t('trust.currently', {
              status: t(inspection.trustStatus === null ? 'trustStatus.none' : TRUST_STATUS_LABEL[inspection.trustStatus]),
            })}
          </p>
          <h3>{t('trust.fetchedThumbprint')}</h3>
          <p className="groups" data-testid="fetched-groups">
            {thumbprintGroups(expected).map((g, i) => (
              <code key={i}>{g}</code>
            ))}
          </p>
          <p>
            {t('trust.comparisonCode')}:{' '}
            <strong className="mono" data-testid="comparison-code">
              {comparisonCode(expected)}
            </strong>
          </p>
          <label>
            {t('trust.receivedThumbprint')}
            <textarea
              name="received-thumbprint"
              value={received}
              onChange={(e) => setReceived(e.target.value)}
              rows={2}
              spellCheck={false}
              autoComplete="off"
              aria-describedby="received-help"
            />
          </label>
          <p id="received-help" className="small">
            {t('trust.receivedHelp')}
          </p>
          {received.trim() !== '' && (
            <>
              <p className="groups" data-testid="received-groups">
                {comparison.groups.map((g, i) => (
                  <code key={i} className={g.same ? 'same' : 'differs'} data-differs={!g.same}>
                    {g.received || '∅'}
                  </code>
                ))}
              </p>
              <p>
                {t('trust.comparisonCodeReceived')}: <strong className="mono">{comparisonCode(received) || '—'}</strong>
              </p>
              <p role="status" className={comparison.matches ? 'ok' : 'error'} data-testid="match-state">
                {comparison.matches ? t('trust.match') : t('trust.mismatch', { n: comparison.groups.filter((g) => !g.same).length })}
              </p>
            </>
          )}
          <button type="button" className="primary" disabled={!comparison.matches || busy} onClick={() => void pin()} data-testid="pin">
            {t('trust.pin', { country: inspection.country })}
          </button>
        </div>
      )}
    </div>
  );
}

function AnchorCard({ anchor, onChange }: { anchor: Anchor; onChange: () => void }) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [error, setError] = useState<ApiError | undefined>();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [services, setServices] = useState(anchor.servicesAllowed?.join(', ') ?? '');
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      onChange();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const country = anchor.country;
  return (
    <article className="card" data-testid={`anchor-${country}`} aria-labelledby={`anchor-${country}-title`}>
      <h3 id={`anchor-${country}-title`}>
        {country}{' '}
        <span className={`badge ${anchor.status.toLowerCase()}`} data-testid="anchor-status">
          {t(TRUST_STATUS_LABEL[anchor.status])}
        </span>
      </h3>
      <p className="mono small">{anchor.baseUrl}</p>
      <p className="small">{t('trust.refreshed', { at: formatTime(anchor.refreshedAt, lang) })}</p>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          const codes = services.split(/[\s,]+/).filter(Boolean);
          void run(() => api(RestrictPartnerServicesDocument, { country, services: codes }));
        }}
      >
        <label>
          {t('trust.services')} ({anchor.servicesAllowed === null ? t('trust.allServices') : anchor.servicesAllowed.join(', ') || '—'})
          <input
            name={`services-${country}`}
            value={services}
            onChange={(e) => setServices(e.target.value)}
            placeholder={t('trust.servicesHelp')}
          />
        </label>
        <button type="submit">{t('trust.servicesSave')}</button>
        {anchor.servicesAllowed !== null && (
          <button type="button" onClick={() => void run(() => api(RestrictPartnerServicesDocument, { country, services: null }))}>
            {t('trust.servicesAll')}
          </button>
        )}
      </form>
      <div className="actions">
        {anchor.status === 'ACTIVE' && (
          <button type="button" onClick={() => void run(() => api(SuspendPartnerDocument, { country }))}>
            {t('trust.suspend')}
          </button>
        )}
        {anchor.status === 'SUSPENDED' && (
          <button type="button" onClick={() => void run(() => api(ReactivatePartnerDocument, { country }))}>
            {t('trust.reactivate')}
          </button>
        )}
        {anchor.status !== 'REVOKED' &&
          (confirmRevoke ? (
            <button type="button" className="danger" onClick={() => void run(() => api(RevokePartnerDocument, { country }))}>
              {t('trust.revokeConfirm', { country })}
            </button>
          ) : (
            <button type="button" onClick={() => setConfirmRevoke(true)}>
              {t('trust.revoke')}
            </button>
          ))}
      </div>
      <ErrorMessage error={error} />
      <TableWrap label={`${t('trust.keys')} ${country}`}>
        <table>
          <caption>{t('trust.keys')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trust.thumbprint')}</th>
              <th scope="col">{t('trust.source')}</th>
              <th scope="col">{t('trust.keyStatus')}</th>
              <th scope="col">{t('trust.revokeKey')}</th>
            </tr>
          </thead>
          <tbody>
            {anchor.keys.map((k) => (
              <KeyRow
                key={k.thumbprint}
                country={country}
                k={k}
                onRevoke={(reason) => run(() => api(RevokePartnerKeyDocument, { input: { country, thumbprint: k.thumbprint, reason } }))}
              />
            ))}
          </tbody>
        </table>
      </TableWrap>
    </article>
  );
}

function KeyRow({
  country,
  k,
  onRevoke,
}: {
  country: string;
  k: Anchor['keys'][number];
  onRevoke: (reason: KeyRevocationReason) => Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<KeyRevocationReason>('SUPERSEDED');
  return (
    <tr>
      <td className="mono small">{k.thumbprint}</td>
      <td>{t(KEY_SOURCE_LABEL[k.source])}</td>
      <td>
        {t(KEY_STATUS_LABEL[k.status])}
        {k.revocationReason ? ` (${t(REVOCATION_REASON_LABEL[k.revocationReason])})` : ''}
      </td>
      <td>
        {k.status === 'ACTIVE' && (
          <span className="inline">
            <label>
              <span className="visually-hidden">{t('trust.reason')}</span>
              <select value={reason} onChange={(e) => setReason(e.target.value as KeyRevocationReason)} name={`reason-${country}`}>
                <option value="SUPERSEDED">{t(REVOCATION_REASON_LABEL.SUPERSEDED)}</option>
                <option value="COMPROMISED">{t(REVOCATION_REASON_LABEL.COMPROMISED)}</option>
              </select>
            </label>
            <button type="button" onClick={() => void onRevoke(reason)}>
              {t('trust.revokeKey')}
            </button>
          </span>
        )}
      </td>
    </tr>
  );
}
