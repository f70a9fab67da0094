import { CLOCK_SKEW_SECONDS } from '@ots/jws';
import { PartnerUnreachableError } from '@ots/trust';
import { PartnerAnswerError, PartnerRefusedMessageError } from './messaging.errors.js';
import { postJson, type PartnerAnswer } from './partner-http.js';
import { isMessageRefusalCode } from './refusals.js';

const DELIVER = 'mutation Deliver($message: String!) { deliver(message: $message) }';

interface DeliverAnswer {
  data?: { deliver?: unknown } | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; reason?: unknown } }[];
}

/** The receipt a partner answered with, unverified, and what its clock said if it is off. */
export interface DeliverResult {
  receipt: string;
  /** '' or a note for the admin, e.g. " (the partner's clock is 600 s ahead of this node's)". */
  clockNote: string;
}

/**
 * Calls the partner's `deliver(message)` mutation (docs/protocol section 6) and returns its answer, the receipt,
 * unverified. A refusal comes back in `workingLanguage`, the federation's language between nodes (docs/protocol
 * section 8), with its machine code and the domain's own code as `reason`: this node renders it for its readers from those.
 * Fails with `PartnerUnreachableError` when the request does not get an answer within `timeoutMs` (answer included),
 * `PartnerRefusedMessageError` when the partner refused the message with a protocol refusal code, and
 * `PartnerAnswerError` for any other answer. A partner's clock off by more than the protocol's skew is named in the
 * error, as it is the likely cause of an `EXPIRED` refusal or a bad receipt.
 */
export async function deliverToPartner(
  partner: { country: string; graphqlEndpoint: string },
  jwe: string,
  timeoutMs: number,
  workingLanguage: string,
  /** The send's W3C traceparent, so that the partner's log lines of this message are in the same trace. */
  traceparent?: string,
): Promise<DeliverResult> {
  let answer: PartnerAnswer;
  const started = Date.now();
  try {
    answer = await postJson(partner.graphqlEndpoint, JSON.stringify({ query: DELIVER, variables: { message: jwe } }), timeoutMs, {
      'accept-language': workingLanguage,
      ...(traceparent ? { traceparent } : {}),
    });
  } catch (err) {
    const reason = (err as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err as Error).message;
    throw new PartnerUnreachableError(
      `${partner.country} at ${partner.graphqlEndpoint}: ${reason} (after ${Date.now() - started} ms)`,
      { country: partner.country, url: partner.graphqlEndpoint },
      { cause: err },
    );
  }
  const clockNote = partnerClockNote(answer.date, new Date());
  const body = parseAnswer(answer.body);
  if (typeof body?.data?.deliver === 'string' && body.data.deliver.length > 0) return { receipt: body.data.deliver, clockNote };
  const error = body?.errors?.[0];
  const detail =
    typeof error?.message === 'string'
      ? error.message.slice(0, 500)
      : body
        ? `answered HTTP ${answer.status} with neither a receipt nor an error`
        : `answered HTTP ${answer.status} ${answer.contentType || 'with no media type'}, not a GraphQL answer`;
  const code = error?.extensions?.code;
  const reason = error?.extensions?.reason;
  if (isMessageRefusalCode(code))
    throw new PartnerRefusedMessageError(
      code,
      `${detail}${clockNote}`,
      typeof reason === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(reason) ? reason : undefined,
    );
  throw new PartnerAnswerError(`${typeof code === 'string' ? `${code.slice(0, 64)} ` : ''}(HTTP ${answer.status}): ${detail}${clockNote}`);
}

/**
 * '' when the partner's `Date` is within the protocol's clock skew of `now` (or absent), else a note saying by how
 * much its clock is ahead or behind. `Date` has whole seconds, so a second of difference is never reported.
 */
export function partnerClockNote(partnerDate: Date | undefined, now: Date): string {
  if (!partnerDate) return '';
  const seconds = Math.round((partnerDate.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) <= CLOCK_SKEW_SECONDS) return '';
  return ` (the partner's clock is ${Math.abs(seconds)} s ${seconds > 0 ? 'ahead of' : 'behind'} this node's)`;
}

function parseAnswer(text: string): DeliverAnswer | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    // not JSON: reported with the HTTP status and media type
    return undefined;
  }
}
