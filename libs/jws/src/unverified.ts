import { decodeJwt } from 'jose';
import { JwsVerificationError } from './jws.errors.js';

/**
 * The payload of a compact JWS, decoded without verifying anything: to pick the issuer whose keys verify it,
 * or to read back what this node (or the trust store, after verifying) already holds. The one place the
 * project decodes a payload unverified; a value that is not a JWS with a JSON object payload is MALFORMED.
 * Its members are as claimed: a caller checks each one it reads.
 */
export function unverifiedPayload<T extends object = Record<string, unknown>>(compact: string): Partial<T> {
  try {
    return decodeJwt(compact);
  } catch (err) {
    throw new JwsVerificationError('MALFORMED', 'not a compact JWS with a JSON object payload', { cause: err });
  }
}
