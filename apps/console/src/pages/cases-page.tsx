import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CASE_STATUS_LABEL, DOC_TYPE_WIRE, languageArg, type OfficerCaseStatus } from '../api/enums';
import {
  CasesDocument,
  DecideCaseDocument,
  RequestEvidenceDocument,
  type CaseDecision,
  type CaseStatus,
  type CasesQuery,
  type DocType,
} from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorMessage, formatTime, Loading, SignedIn } from './components';
import { PageButtons, usePager } from './pager';

type Case = CasesQuery['cases']['edges'][number]['node'];
const STATUSES: OfficerCaseStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'EVIDENCE_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
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
  const [status, setStatus] = useState<OfficerCaseStatus | ''>('');
  const pager = usePager(PAGE);
  const cases = useQuery(
    CasesDocument,
    { status: status || null, ...pager.args, lang: languageArg(lang) },
    `${status}:${pager.key}:${lang}`,
  );
  const [open, setOpen] = useState<string | undefined>();
  const list = cases.data?.cases.edges.map((e) => e.node) ?? [];
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
              setStatus(e.target.value as OfficerCaseStatus | '');
              pager.reset();
            }}
          >
            <option value="">{t('messages.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(CASE_STATUS_LABEL[s])}
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
      <PageButtons pager={pager} info={cases.data?.cases.pageInfo} name="cases" />
    </section>
  );
}

const DECIDABLE: CaseStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'EVIDENCE_REQUESTED'];
/** PROTOCOL doc_types an officer may ask the home node for. */
const REQUESTABLE: DocType[] = ['CRIMINAL_RECORD_CERTIFICATE', 'INCOME_STATEMENT', 'TAX_RESIDENCE_CERTIFICATE', 'BUSINESS_REGISTRATION'];

function CaseDetail({ c, onDecided }: { c: Case; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [docType, setDocType] = useState<DocType>('CRIMINAL_RECORD_CERTIFICATE');
  const requestEvidence = async () => {
    setError(undefined);
    try {
      await api(RequestEvidenceDocument, { caseId: c.id, docType, lang: languageArg(lang) });
      onDecided();
    } catch (err) {
      setError(asApiError(err));
    }
  };
  const decide = async (event: FormEvent, decision: CaseDecision) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api(DecideCaseDocument, { id: c.id, decision, reason, lang: languageArg(lang) });
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
            <span className="mono">{DOC_TYPE_WIRE[d.docType]}</span>{' '}
            <span className={d.reason === 'OK' ? 'badge ok' : 'badge bad'} data-testid="evidence-reason">
              {d.reason === 'OK' ? t('cases.verified') : t('cases.notVerified', { reason: d.reason })}
            </span>
          </li>
        ))}
      </ul>
      {c.decisionReason && <p>{t('cases.decisionReason', { reason: c.decisionReason })}</p>}
      {DECIDABLE.includes(c.status) && (
        <form onSubmit={(e) => void decide(e, 'APPROVE')}>
          <label>
            {t('cases.reason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
          </label>
          <div className="actions">
            <button type="submit" className="primary" data-testid="approve">
              {t('cases.approve')}
            </button>
            <button type="button" className="danger" onClick={(e) => void decide(e, 'REJECT')} disabled={!reason.trim()}>
              {t('cases.reject')}
            </button>
          </div>
        </form>
      )}
      {c.status === 'UNDER_REVIEW' && (
        <div className="inline">
          <label>
            {t('cases.docType')}
            <select name="doc-type" value={docType} onChange={(e) => setDocType(e.target.value as DocType)}>
              {REQUESTABLE.map((d) => (
                <option key={d} value={d}>
                  {DOC_TYPE_WIRE[d]}
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
