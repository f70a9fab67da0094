import { Injectable } from '@nestjs/common';
import { MAX_JWS_BYTES, partnerFetch } from '@ots/jws';
import { PartnerUnreachableError } from './trust.errors.js';

const FETCH_TIMEOUT_MS = 5000;

/**
 * Fetches a partner's `/.well-known/openid-federation`; the caller verifies it. Only admins' own calls
 * (trust add, trust refresh) reach this, so the failure's detail goes back to them.
 */
@Injectable()
export class EntityConfigurationClient {
  async fetch(country: string, baseUrl: string): Promise<string> {
    const url = `${baseUrl.replace(/\/+$/, '')}/.well-known/openid-federation`;
    let response: Response;
    try {
      response = await partnerFetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (err) {
      const detail = `cannot reach ${url}: ${causeOf(err)}`;
      throw new PartnerUnreachableError(detail, { country, url }, { cause: err, extensions: { detail } });
    }
    if (!response.ok) {
      const detail = `${url} answered HTTP ${response.status}`;
      throw new PartnerUnreachableError(detail, { country, url }, { extensions: { detail } });
    }
    const body = await response.text();
    if (body.length > MAX_JWS_BYTES) {
      const detail = `${url} sent ${body.length} bytes, more than an entity configuration may have`;
      throw new PartnerUnreachableError(detail, { country, url }, { extensions: { detail } });
    }
    return body.trim();
  }
}

/**
 * Fetches a partner's historical keys (OpenID Federation) from the path its entity configuration announced, under the
 * base URL the admin gave (a partner cannot point this node elsewhere). Undefined when it has none or does not answer:
 * a v1 partner publishes none, and the next refresh tries again.
 */
export async function fetchHistoricalKeys(baseUrl: string, announced: string | undefined): Promise<string | undefined> {
  if (!announced || !URL.canParse(announced)) return undefined;
  const url = `${baseUrl.replace(/\/+$/, '')}${new URL(announced).pathname}`;
  const response = await partnerFetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), maxBytes: 1024 * 1024 }).catch(() => undefined);
  return response?.ok ? (await response.text()).trim() : undefined;
}

/** fetch() says only "fetch failed"; what happened (ECONNREFUSED, a timeout) is in its cause. */
function causeOf(err: unknown): string {
  const cause = (err as Error).cause;
  return cause instanceof Error ? cause.message : (err as Error).message;
}
