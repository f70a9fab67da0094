import { useState } from 'react';
import { AuditLogDocument, AuditVerificationDocument, type AuditVerificationQuery } from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage, formatTime, Loading, SignedIn, TableWrap } from './components';
import { PageButtons, usePager } from './pager';
import type { ApiError } from '../api/client';

const PAGE = 50;

export function AuditPage() {
  return (
    <SignedIn>
      <Audit />
    </SignedIn>
  );
}

function Audit() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const pager = usePager(PAGE);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const log = useQuery(AuditLogDocument, pager.args, pager.key);
  const [verification, setVerification] = useState<AuditVerificationQuery['auditVerification'] | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const verify = async () => {
    setError(undefined);
    try {
      setVerification((await api(AuditVerificationDocument, {})).auditVerification);
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const entries = (log.data?.auditLog.edges.map((e) => e.node) ?? []).filter(
    (e) => (!action || e.action.includes(action)) && (!actor || e.actor.toLowerCase().includes(actor.toLowerCase())),
  );
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <div className="card">
        <button type="button" onClick={() => void verify()} data-testid="verify-chain">
          {t('audit.verify')}
        </button>
        {verification && (
          <p role="status" className={verification.intact ? 'ok' : 'error'} data-testid="chain-result">
            {verification.intact
              ? t('audit.intact', { n: verification.entries })
              : t('audit.broken', { seq: verification.firstBrokenSeq ?? '?', problem: verification.problem ?? '' })}
          </p>
        )}
        <ErrorMessage error={error} />
      </div>
      <div className="inline">
        <label>
          {t('audit.action')}
          <input name="action" value={action} onChange={(e) => setAction(e.target.value)} />
        </label>
        <label>
          {t('audit.actor')}
          <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={log.error} />
      <Loading when={log.loading && !log.data} />
      {log.data && (
        <TableWrap label={t('audit.title')}>
          <table data-testid="audit">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{formatTime(e.at, lang)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.action}</td>
                  <td className="mono small">{e.subject}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <PageButtons pager={pager} info={log.data?.auditLog.pageInfo} name="audit" />
    </section>
  );
}
