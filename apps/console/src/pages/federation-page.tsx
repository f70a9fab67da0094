import { useEffect, useRef } from 'react';
import { TRUST_STATUS_LABEL } from '../api/enums';
import { useFeed } from '../api/feed';
import { FederationOverviewDocument, type FederationOverviewQuery } from '../api/generated';
import { useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n, type StringKey } from '../i18n/i18n';
import { ErrorMessage, formatTime, Loading, SignedIn, TableWrap } from './components';
import { Diagnostics } from './diagnostics';

type Partner = FederationOverviewQuery['federationOverview']['partners'][number];

const REFRESH_MS = 15_000;
const MIN_GAP_MS = 5000;

export function FederationPage() {
  return (
    <SignedIn>
      <Federation />
    </SignedIn>
  );
}

function Federation() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const overview = useQuery(FederationOverviewDocument, {});
  const feed = useFeed(session?.token);
  const last = useRef(0);
  const { reload } = overview;

  // Counts follow the feed, at most once every five seconds, and at least every fifteen.
  useEffect(() => {
    const now = Date.now();
    if (feed.events.length === 0 || now - last.current < MIN_GAP_MS) return;
    last.current = now;
    reload();
  }, [feed.events, reload]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const data = overview.data?.federationOverview;
  return (
    <section aria-labelledby="federation-title">
      <h1 id="federation-title">{t('federation.title')}</h1>
      <ErrorMessage error={overview.error} />
      <Loading when={overview.loading && !data} />
      {data && (
        <>
          <div className="card" data-testid="this-node">
            <h2>{t('federation.thisNode', { country: data.country })}</h2>
            <p className="mono">{data.publicBaseUrl}</p>
            <Tally
              pending={data.outbound.pending}
              delivered={data.outbound.delivered}
              dead={data.outbound.dead}
              received={data.inboundReceived}
            />
          </div>
          {data.partners.length === 0 && <p>{t('federation.noPartners')}</p>}
          <TableWrap label={t('federation.partners')}>
            <table data-testid="partners">
              <caption>{t('federation.partners')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('federation.country')}</th>
                  <th scope="col">{t('federation.trust')}</th>
                  <th scope="col">{t('federation.reachable')}</th>
                  <th scope="col">{t('federation.lastRefresh')}</th>
                  <th scope="col">{t('federation.clock')}</th>
                  <th scope="col">{t('federation.outbound')}</th>
                  <th scope="col">{t('federation.inbound')}</th>
                </tr>
              </thead>
              <tbody>
                {data.partners.map((p) => (
                  <PartnerRow key={p.country} partner={p} lang={lang} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <Diagnostics />
      <div className="card">
        <h2>
          {t('federation.feed')}{' '}
          <span className={feed.connected ? 'badge ok' : 'badge warn'} data-testid="feed-state">
            {feed.connected ? t('federation.feedLive') : t('federation.feedOffline')}
          </span>
        </h2>
        {feed.events.length === 0 ? (
          <p>{t('federation.feedEmpty')}</p>
        ) : (
          <ol className="feed" data-testid="feed" aria-live="polite">
            {feed.events.map((e) => (
              <li key={`${e.kind}-${e.jti}`}>
                <time dateTime={e.at}>{formatTime(e.at, lang)}</time>{' '}
                <span className={`badge ${e.kind}`}>{t(`feed.${e.kind}` as StringKey)}</span> {e.kind === 'received' ? '←' : '→'}{' '}
                {e.partner} <span className="mono">{e.msgType}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function PartnerRow({ partner: p, lang }: { partner: Partner; lang: string }) {
  const { t } = useI18n();
  return (
    <tr data-country={p.country}>
      <th scope="row">
        {p.country}
        <div className="mono small">{p.baseUrl}</div>
      </th>
      <td>
        <span className={`badge ${p.trustStatus.toLowerCase()}`} data-testid={`trust-${p.country}`}>
          {t(TRUST_STATUS_LABEL[p.trustStatus])}
        </span>
      </td>
      <td>{p.reachable ? t('federation.yes') : t('federation.no')}</td>
      <td>{formatTime(p.refreshedAt, lang)}</td>
      <td>{p.clockDifferenceSeconds === null ? '—' : t('federation.seconds', { n: p.clockDifferenceSeconds })}</td>
      <td>
        <Tally pending={p.outbound.pending} delivered={p.outbound.delivered} dead={p.outbound.dead} />
      </td>
      <td>{p.inboundReceived}</td>
    </tr>
  );
}

function Tally({ pending, delivered, dead, received }: { pending: number; delivered: number; dead: number; received?: number }) {
  const { t } = useI18n();
  return (
    <ul className="tally">
      <li>{t('messages.pending', { n: pending })}</li>
      <li>{t('messages.delivered', { n: delivered })}</li>
      <li className={dead > 0 ? 'bad' : undefined}>{t('messages.dead', { n: dead })}</li>
      {received !== undefined && <li>{t('messages.received', { n: received })}</li>}
    </ul>
  );
}
