import { DiagnosticsDocument, type CheckStatus, type DiagnosticsQuery } from '../api/generated';
import { useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n, type StringKey } from '../i18n/i18n';
import { ErrorMessage, Loading, TableWrap } from './components';

type Check = DiagnosticsQuery['diagnostics'][number];

/**
 * What each check id says and, when it warns or fails, the fix (the same table as `fedctl doctor`'s, the same
 * words); by the first rule whose id matches, a prefix ending in `.`. A check this table lacks (a newer node) shows
 * its id and detail.
 */
const TEXTS: { id: string; text: StringKey; fix?: StringKey }[] = [
  { id: 'config', text: 'diagnostics.config' },
  { id: 'config.dev-idp', text: 'diagnostics.configDevIdp', fix: 'diagnostics.fixDevIdp' },
  { id: 'config.https', text: 'diagnostics.configHttps', fix: 'diagnostics.fixHttps' },
  { id: 'database', text: 'diagnostics.database', fix: 'diagnostics.fixDatabase' },
  { id: 'database.migrations', text: 'diagnostics.migrations', fix: 'diagnostics.fixMigrations' },
  { id: 'keys.file', text: 'diagnostics.keyFile', fix: 'diagnostics.fixKeyFile' },
  { id: 'certificate.', text: 'diagnostics.certificate', fix: 'diagnostics.fixCertificate' },
  { id: 'partner.reachable', text: 'diagnostics.partnerReachable', fix: 'diagnostics.fixPartnerReachable' },
  { id: 'partner.entity-configuration', text: 'diagnostics.partnerStatement', fix: 'diagnostics.fixPartnerStatement' },
  { id: 'partner.clock', text: 'diagnostics.partnerClock', fix: 'diagnostics.fixPartnerClock' },
  { id: 'partner.status-list', text: 'diagnostics.partnerStatusList', fix: 'diagnostics.fixPartnerStatusList' },
  { id: 'partner.certificate', text: 'diagnostics.partnerCertificate', fix: 'diagnostics.fixPartnerCertificate' },
  { id: 'outbox.backlog', text: 'diagnostics.outboxBacklog', fix: 'diagnostics.fixOutboxBacklog' },
  { id: 'outbox.dead', text: 'diagnostics.outboxDead', fix: 'diagnostics.fixOutboxDead' },
  { id: 'transparency.alarms', text: 'diagnostics.transparencyAlarms', fix: 'diagnostics.fixTransparencyAlarms' },
];

const STATUS_LABEL: Record<CheckStatus, StringKey> = { OK: 'diagnostics.ok', WARN: 'diagnostics.warn', FAIL: 'diagnostics.fail' };
const STATUS_CLASS: Record<CheckStatus, string> = { OK: 'ok', WARN: 'warn', FAIL: 'bad' };

/** The node's self-checks (the `diagnostics` query, what `fedctl doctor` prints), each with its fix when not ok. */
export function Diagnostics() {
  const { t } = useI18n();
  const { settings } = useSession();
  const checks = useQuery(DiagnosticsDocument, {});
  const list = checks.data?.diagnostics ?? [];
  const count = (status: CheckStatus) => list.filter((c) => c.status === status).length;
  return (
    <div className="card" data-testid="diagnostics">
      <h2>{t('diagnostics.title')}</h2>
      <div className="inline">
        {checks.data && (
          <p data-testid="diagnostics-summary">
            {t('diagnostics.summary', { country: settings.country, ok: count('OK'), warn: count('WARN'), fail: count('FAIL') })}
          </p>
        )}
        <button type="button" onClick={checks.reload}>
          {t('diagnostics.again')}
        </button>
      </div>
      <ErrorMessage error={checks.error} />
      <Loading when={checks.loading && !checks.data} />
      {checks.data && (
        <TableWrap label={t('diagnostics.title')}>
          <table>
            <caption className="visually-hidden">{t('diagnostics.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diagnostics.status')}</th>
                <th scope="col">{t('diagnostics.check')}</th>
                <th scope="col">{t('diagnostics.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c, i) => (
                <CheckRow key={`${c.check}-${c.subject ?? ''}-${i}`} check={c} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}

function CheckRow({ check }: { check: Check }) {
  const { t } = useI18n();
  const rule = TEXTS.find((r) => (r.id.endsWith('.') ? check.check.startsWith(r.id) : r.id === check.check));
  const params = {
    subject: check.subject ?? '',
    value: check.value ?? '',
    detail: check.detail ?? '',
    role: check.check.split('.')[1] ?? '',
  };
  const said = rule ? t(rule.text, params) : [check.check, check.subject].filter(Boolean).join(' ');
  const failing = check.status !== 'OK';
  return (
    <tr data-check={check.check} data-subject={check.subject ?? ''} data-status={check.status}>
      <td>
        <span className={`badge ${STATUS_CLASS[check.status]}`}>{t(STATUS_LABEL[check.status])}</span>
      </td>
      <td>
        {said}
        {failing && check.detail && !said.includes(check.detail) && <div className="mono small">{check.detail}</div>}
      </td>
      <td data-testid="fix">{failing && rule?.fix ? t(rule.fix, params) : '—'}</td>
    </tr>
  );
}
