import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { TaxpayerChecksDocument, VerifyTaxpayerDocument, type VerifyTaxpayerMutation } from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage, Loading, SignedIn, TableWrap } from './components';
import { PageButtons, usePager } from './pager';

const PAGE = 20;
type Check = VerifyTaxpayerMutation['verifyTaxpayer'];

export function TaxpayersPage() {
  return (
    <SignedIn>
      <Taxpayers />
    </SignedIn>
  );
}

/**
 * An officer asks a partner whether a taxpayer number is valid and resident (`tax.tin-verification`: nothing else
 * comes back), and sees the checks asked before with their answers.
 */
function Taxpayers() {
  const { t } = useI18n();
  const { api } = useSession();
  const pager = usePager(PAGE);
  const checks = useQuery(TaxpayerChecksDocument, pager.args, pager.key);
  const [country, setCountry] = useState('');
  const [tin, setTin] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [answer, setAnswer] = useState<Check | undefined>();
  const ask = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer((await api(VerifyTaxpayerDocument, { country: country.trim().toUpperCase(), tin: tin.trim() })).verifyTaxpayer);
      checks.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <section aria-labelledby="taxpayers-title">
      <h1 id="taxpayers-title">{t('taxpayers.title')}</h1>
      <form className="card" onSubmit={(e) => void ask(e)} data-testid="verify-taxpayer">
        <p>{t('taxpayers.intro')}</p>
        <div className="inline">
          <label>
            {t('taxpayers.country')}
            <input name="country" value={country} onChange={(e) => setCountry(e.target.value)} required maxLength={2} size={4} />
          </label>
          <label>
            {t('taxpayers.tin')}
            <input name="tin" value={tin} onChange={(e) => setTin(e.target.value)} required />
          </label>
          <button type="submit" className="primary">
            {t('taxpayers.ask')}
          </button>
        </div>
        <ErrorMessage error={error} />
        {answer && (
          <p role="status" data-testid="taxpayer-answer">
            <Verdict check={answer} />
          </p>
        )}
      </form>
      <div className="inline">
        <h2>{t('taxpayers.asked')}</h2>
        <button type="button" onClick={checks.reload}>
          {t('app.refresh')}
        </button>
      </div>
      <ErrorMessage error={checks.error} />
      <Loading when={checks.loading && !checks.data} />
      {checks.data && (
        <TableWrap label={t('taxpayers.asked')}>
          <table data-testid="taxpayer-checks">
            <caption className="visually-hidden">{t('taxpayers.asked')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('taxpayers.country')}</th>
                <th scope="col">{t('taxpayers.request')}</th>
                <th scope="col">{t('taxpayers.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {checks.data.taxpayerChecks.edges.map(({ node: c }) => (
                <tr key={c.requestId} data-request={c.requestId} data-status={c.status}>
                  <td>{c.country}</td>
                  <td className="mono small">{c.requestId}</td>
                  <td>
                    <Verdict check={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <PageButtons pager={pager} info={checks.data?.taxpayerChecks.pageInfo} name="taxpayers" />
    </section>
  );
}

function Verdict({ check }: { check: Check }) {
  const { t } = useI18n();
  if (check.status === 'PENDING') return <span className="badge pending">{t('taxpayers.pending')}</span>;
  return (
    <span className={check.valid ? 'badge ok' : 'badge bad'} data-testid="verdict">
      {check.valid ? t('taxpayers.valid') : t('taxpayers.invalid')} ·{' '}
      {check.resident ? t('taxpayers.resident') : t('taxpayers.notResident')}
    </span>
  );
}
