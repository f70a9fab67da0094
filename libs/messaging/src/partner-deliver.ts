import { PartnerUnreachableError } from '@ots/trust';
import { PartnerAnswerError, PartnerRefusedMessageError } from './messaging.errors.js';
import { postJson, type PartnerAnswer } from './partner-http.js';
import { isMessageRefusalCode } from './refusals.js';

const DELIVER = 'mutation Deliver($message: String!) { deliver(message: $message) }';

interface DeliverAnswer {
  data?: { deliver?: unknown } | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; reason?: unknown } }[];
}

/**
 * Calls the partner's `deliver(message)` mutation (docs/protocol section 6) and returns its answer, the receipt,
 * unverified. A refusal comes back in `workingLanguage`, the federation's language between nodes (docs/protocol
 * section 8), with its machine code and the domain's own code as `reason`: this node renders it for its readers from those.
 * Fails with `PartnerUnreachableError` when the request does not get an answer, `PartnerRefusedMessageError` when the
 * partner refused the message with a protocol refusal code, and `PartnerAnswerError` for any other answer.
 */
export async function deliverToPartner(
  partner: { country: string; graphqlEndpoint: string },
  jwe: string,
  timeoutMs: number,
  workingLanguage: string,
): Promise<string> {
  let answer: PartnerAnswer;
  try {
    answer = await postJson(partner.graphqlEndpoint, JSON.stringify({ query: DELIVER, variables: { message: jwe } }), timeoutMs, {
      'accept-language': workingLanguage,
    });
  } catch (err) {
    throw new PartnerUnreachableError(
      `${partner.country} at ${partner.graphqlEndpoint}: ${(err as Error).message}`,
      { country: partner.country, url: partner.graphqlEndpoint },
      { cause: err },
    );
  }
  const body = parseAnswer(answer.body);
  if (typeof body?.data?.deliver === 'string' && body.data.deliver.length > 0) return body.data.deliver;
  const error = body?.errors?.[0];
  const detail = typeof error?.message === 'string' ? error.message.slice(0, 500) : `answered HTTP ${answer.status}`;
  const code = error?.extensions?.code;
  const reason = error?.extensions?.reason;
  if (isMessageRefusalCode(code))
    throw new PartnerRefusedMessageError(
      code,
      detail,
      typeof reason === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(reason) ? reason : undefined,
    );
  throw new PartnerAnswerError(`${typeof code === 'string' ? `${code.slice(0, 64)} ` : ''}(HTTP ${answer.status}): ${detail}`);
}

function parseAnswer(text: string): DeliverAnswer | undefined {
  try {
    const body = JSON.parse(text) as unknown;
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    // not JSON: reported with the HTTP status
    return undefined;
  }
}
