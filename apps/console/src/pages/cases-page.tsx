import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CasesDocument, DecideCaseDocument, RequestEvidenceDocument, type CasesQuery } from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n, type StringKey } from '../i18n/i18n';
import { ErrorMessage, formatTime, Loading, SignedIn } from './components';

type Case = CasesQuery['cases'][number];
const STATUSES = ['', 'submitted', 'under-review', 'evidence-requested', 'approved', 'rejected', 'withdrawn'];
const PAGE = 20;

export function CasesPage() {
  return (
    <SignedIn>
      <Cases />
    </SignedIn>
  );
}

function Cases() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('');
  // The cursor of each page seen so far: "previous" pops one.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const cases = useQuery(CasesDocument, { status: status || null, first: PAGE, after, lang }, `${status}:${after}:${lang}`);
  const [open, setOpen] = useState<string | undefined>();
  const list = cases.data?.cases ?? [];
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <div className="inline">
        <label>
          {t('cases.filterStatus')}
          <select
            name="case-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setCursors([null]);
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s ? t(`caseStatus.${s}` as StringKey) : t('messages.all')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={cases.error} />
      <Loading when={cases.loading && !cases.data} />
      {cases.data && list.length === 0 && <p>{t('cases.none')}</p>}
      <ul className="cases" data-testid="cases">
        {list.map((c) => (
          <li key={c.id} className="card" data-testid={`case-${c.id}`}>
            <button type="button" className="link" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? undefined : c.id)}>
              <span className="mono">{c.serviceCode}</span> · {c.homeCountry} · {c.applicant} ·{' '}
              <span className="badge" data-testid="case-status">
                {c.statusLabel}
              </span>{' '}
              · {formatTime(c.createdAt, lang)}
            </button>
            {open === c.id && <CaseDetail c={c} onDecided={cases.reload} />}
          </li>
        ))}
      </ul>
      <div className="inline">
        {cursors.length > 1 && (
          <button type="button" onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('app.previous')}
          </button>
        )}
        {list.length === PAGE && (
          <button type="button" onClick={() => setCursors([...cursors, list[list.length - 1]?.id ?? null])}>
            {t('app.next')}
          </button>
        )}
      </div>
    </section>
  );
}

const DECIDABLE = ['submitted', 'under-review', 'evidence-requested'];
/** PROTOCOL doc_types an officer may ask the home node for. */
const REQUESTABLE = ['criminal-record-certificate', 'income-statement', 'tax-residence-certificate', 'business-registration'];

function CaseDetail({ c, onDecided }: { c: Case; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [docType, setDocType] = useState(REQUESTABLE[0] as string);
  const requestEvidence = async () => {
    setError(undefined);
    try {
      await api(RequestEvidenceDocument, { caseId: c.id, docType, lang });
      onDecided();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const decide = async (event: FormEvent, decision: 'approve' | 'reject') => {
    event.preventDefault();
    setError(undefined);
    try {
      await api(DecideCaseDocument, { id: c.id, decision, reason, lang });
      onDecided();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  return (
    <div className="case-detail">
      <h3>{t('cases.evidence')}</h3>
      <ul data-testid="evidence">
        {c.documents.map((d) => (
          <li key={d.jti}>
            <span className="mono">{d.docType}</span>{' '}
            <span className={d.reason === 'OK' ? 'badge ok' : 'badge bad'} data-testid="evidence-reason">
              {d.reason === 'OK' ? t('cases.verified') : t('cases.notVerified', { reason: d.reason })}
            </span>
          </li>
        ))}
      </ul>
      {c.decisionReason && <p>{t('cases.decisionReason', { reason: c.decisionReason })}</p>}
      {DECIDABLE.includes(c.status) && (
        <form onSubmit={(e) => void decide(e, 'approve')}>
          <label>
            {t('cases.reason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
          </label>
          <div className="actions">
            <button type="submit" className="primary" data-testid="approve">
              {t('cases.approve')}
            </button>
            <button type="button" className="danger" onClick={(e) => void decide(e, 'reject')} disabled={!reason.trim()}>
              {t('cases.reject')}
            </button>
          </div>
        </form>
      )}
      {c.status === 'under-review' && (
        <div className="inline">
          <label>
            {t('cases.docType')}
            <select name="doc-type" value={docType} onChange={(e) => setDocType(e.target.value)}>
              {REQUESTABLE.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void requestEvidence()} data-testid="request-evidence">
            {t('cases.requestEvidence')}
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
