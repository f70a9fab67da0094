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

/** fetch() says only "fetch failed"; what happened (ECONNREFUSED, a timeout) is in its cause. */
function causeOf(err: unknown): string {
  const cause = (err as Error).cause;
  return cause instanceof Error ? cause.message : (err as Error).message;
}
