import { Injectable } from '@nestjs/common';
import { MAX_JWS_BYTES, partnerFetch } from '@ots/jws';
import { PartnerUnreachableError } from './trust.errors.js';

const FETCH_TIMEOUT_MS = 5000;

/** Fetches a partner's `/.well-known/openid-federation`; the caller verifies it. */
@Injectable()
export class EntityConfigurationClient {
  async fetch(country: string, baseUrl: string): Promise<string> {
    const url = `${baseUrl.replace(/\/+$/, '')}/.well-known/openid-federation`;
    let response: Response;
    try {
      response = await partnerFetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (err) {
      throw new PartnerUnreachableError(`cannot reach ${url}: ${(err as Error).message}`, { country, url }, { cause: err });
    }
    if (!response.ok) throw new PartnerUnreachableError(`${url} answered ${response.status}`, { country, url });
    const body = await response.text();
    if (body.length > MAX_JWS_BYTES) throw new PartnerUnreachableError(`${url} sent ${body.length} bytes`, { country, url });
    return body.trim();
  }
}
