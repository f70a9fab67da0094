// @ts-check
// Plain JavaScript so that the signature workers can load it as it is, from the source tree in tests and from dist/.
import { verify } from 'node:crypto';

/**
 * Whether a compact JWS's signature verifies under `key`; throws when it cannot be checked (a bad encoding).
 *
 * @param {string} compact the compact JWS
 * @param {string} alg `EdDSA` or `ES256`
 * @param {import('node:crypto').KeyObject} key the signer's public key
 * @returns {boolean}
 */
export function signatureVerifies(compact, alg, key) {
  const cut = compact.lastIndexOf('.');
  const input = Buffer.from(compact.slice(0, cut), 'ascii');
  const signature = Buffer.from(compact.slice(cut + 1), 'base64url');
  return alg === 'EdDSA' ? verify(null, input, key, signature) : verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature);
}
