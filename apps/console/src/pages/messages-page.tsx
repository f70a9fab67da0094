import { useState } from 'react';
import { ApiError } from '../api/client';
import { MESSAGE_STATUS_LABEL, MESSAGE_TYPE_WIRE } from '../api/enums';
import { InboxDocument, OutboxDocument, RetryMessageDocument, type MessageStatus, type OutboxQuery } from '../api/generated';
import { asApiError, useQuery } from '../api/use-api';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { describeJws } from '../lib/jws';
import { ErrorMessage, formatTime, Loading, SignedIn, TableWrap } from './components';
import { PageButtons, usePager } from './pager';

const STATUSES: MessageStatus[] = ['PENDING', 'DELIVERED', 'DEAD'];
const PAGE = 50;

export function MessagesPage() {
  return (
    <SignedIn>
      <Messages />
    </SignedIn>
  );
}

function Messages() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const outboxPages = usePager(PAGE);
  const inboxPages = usePager(PAGE);
  const outbox = useQuery(OutboxDocument, { status: status || null, ...outboxPages.args }, `${status}:${outboxPages.key}`);
  const inbox = useQuery(InboxDocument, inboxPages.args, inboxPages.key);
  const [error, setError] = useState<ApiError | undefined>();
  const [retried, setRetried] = useState<string | undefined>();

  const retry = async (id: string) => {
    setError(undefined);
    try {
      await api(RetryMessageDocument, { id });
      setRetried(id);
      outbox.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  };

  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">{t('messages.title')}</h1>
      <h2>{t('messages.outbox')}</h2>
      <div className="inline">
        <label>
          {t('messages.filterStatus')}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MessageStatus | '');
              outboxPages.reset();
            }}
            name="status"
          >
            <option value="">{t('messages.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(MESSAGE_STATUS_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={outbox.reload}>
          {t('app.refresh')}
        </button>
      </div>
      <ErrorMessage error={outbox.error ?? error} />
      {retried && (
        <p role="status" className="ok">
          {t('messages.retried')}
        </p>
      )}
      <Loading when={outbox.loading && !outbox.data} />
      {outbox.data && (
        <TableWrap label={t('messages.outbox')}>
          <table data-testid="outbox">
            <caption className="visually-hidden">{t('messages.outbox')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('messages.created')}</th>
                <th scope="col">{t('messages.to')}</th>
                <th scope="col">{t('messages.type')}</th>
                <th scope="col">{t('messages.state')}</th>
                <th scope="col">{t('messages.attempts')}</th>
                <th scope="col">{t('messages.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.outbox.edges.map(({ node: m }) => (
                <tr key={m.id} data-status={m.status} data-testid={`message-${m.jti}`}>
                  <td>{formatTime(m.createdAt, lang)}</td>
                  <td>{m.recipient}</td>
                  <td className="mono">{MESSAGE_TYPE_WIRE[m.msgType]}</td>
                  <td>
                    <span className={`badge ${m.status.toLowerCase()}`}>{t(MESSAGE_STATUS_LABEL[m.status])}</span>
                  </td>
                  <td>{m.attempts}</td>
                  <td>
                    {m.status === 'DELIVERED' && t('messages.deliveredAt', { at: formatTime(m.deliveredAt, lang) })}
                    {m.envelopeHeader && (
                      <details data-testid="envelope">
                        <summary>{t('messages.envelope')}</summary>
                        <Fields
                          fields={[
                            ['typ', m.envelopeHeader.typ],
                            ['alg', m.envelopeHeader.alg],
                            ['kid', m.envelopeHeader.kid],
                            ['iss', m.envelopeHeader.iss],
                            ['aud', m.envelopeHeader.aud],
                            ['jti', m.envelopeHeader.jti],
                            ['iat', formatTime(m.envelopeHeader.issuedAt, lang)],
                            ['exp', formatTime(m.envelopeHeader.expiresAt, lang)],
                            ['msg_type', MESSAGE_TYPE_WIRE[m.envelopeHeader.msgType]],
                          ]}
                        />
                      </details>
                    )}
                    {m.receiptClaims && m.receipt && <ReceiptDetails receipt={m.receiptClaims} compact={m.receipt} />}
                    {m.status !== 'DELIVERED' && m.lastError && (
                      <span className="refusal" data-testid="refusal">
                        {t('messages.refusal')}: {m.lastError}
                      </span>
                    )}
                    {m.status === 'PENDING' && (
                      <div className="small">{t('messages.nextAttempt', { at: formatTime(m.nextAttemptAt, lang) })}</div>
                    )}
                    {m.status === 'DEAD' && (
                      <button type="button" onClick={() => void retry(m.id)} data-testid="retry">
                        {t('messages.retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <PageButtons pager={outboxPages} info={outbox.data?.outbox.pageInfo} name="outbox" />
      <h2>{t('messages.inbox')}</h2>
      <ErrorMessage error={inbox.error} />
      {inbox.data && (
        <TableWrap label={t('messages.inbox')}>
          <table data-testid="inbox">
            <caption className="visually-hidden">{t('messages.inbox')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('messages.receivedColumn')}</th>
                <th scope="col">{t('messages.from')}</th>
                <th scope="col">{t('messages.type')}</th>
                <th scope="col">jti</th>
                <th scope="col">{t('messages.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {inbox.data.inbox.edges.map(({ node: m }) => (
                <tr key={`${m.sender}-${m.jti}`}>
                  <td>{formatTime(m.receivedAt, lang)}</td>
                  <td>{m.sender}</td>
                  <td className="mono">{MESSAGE_TYPE_WIRE[m.msgType]}</td>
                  <td className="mono small">{m.jti}</td>
                  <td>
                    <ReceiptDetails receipt={m.receiptClaims} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <PageButtons pager={inboxPages} info={inbox.data?.inbox.pageInfo} name="inbox" />
    </section>
  );
}

type Receipt = NonNullable<OutboxQuery['outbox']['edges'][number]['node']['receiptClaims']>;

/** Named fields of a signed header, in the protocol's own names (docs/protocol section 6). */
function Fields({ fields }: { fields: [string, string][] }) {
  return (
    <dl className="fields">
      {fields.map(([name, value]) => (
        <div key={name} className="field-row" data-field={name}>
          <dt className="mono">{name}</dt>
          <dd className="mono small">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A receipt's claims: who received which envelope (its jti and SHA-256), signed by which key; the compact form for proof. */
function ReceiptDetails({ receipt, compact }: { receipt: Receipt; compact?: string }) {
  const { t, lang } = useI18n();
  return (
    <details data-testid="receipt">
      <summary>{t('messages.receipt')}</summary>
      <Fields
        fields={[
          ['typ', receipt.typ],
          ['kid', receipt.kid],
          ['iss', receipt.iss],
          ['aud', receipt.aud],
          ['jti', receipt.jti],
          ['iat', formatTime(receipt.issuedAt, lang)],
          ['msg_jti', receipt.msgJti],
          ['msg_sha256', receipt.msgSha256],
        ]}
      />
      {compact && <pre className="mono small">{describeJws(compact)}</pre>}
    </details>
  );
}
