import { partnerExchange } from '@ots/jws';

/** A receipt answer is a few kilobytes; anything far larger is not one. */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface PartnerAnswer {
  status: number;
  body: string;
  /** The answer's media type, as the partner labelled it ('' when it did not). */
  contentType: string;
  /** The partner's clock when it answered (its HTTP `Date`), when it sent a readable one. */
  date?: Date;
}

/** POSTs JSON to a partner node and reads its answer, over the partner transport (kept-alive, PARTNER_CA_FILE). */
export async function postJson(
  endpoint: string,
  body: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<PartnerAnswer> {
  const answer = await partnerExchange(endpoint, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
    maxBytes: MAX_ANSWER_BYTES,
  });
  const date = answer.headers.date ? new Date(answer.headers.date) : undefined;
  return {
    status: answer.status,
    body: answer.body.toString('utf8'),
    contentType: (answer.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '',
    ...(date && !Number.isNaN(date.getTime()) ? { date } : {}),
  };
}
