import { signCompact, type VerificationReason } from '@ots/jws';
import { DOCUMENT_TYP, type DocumentPayload } from '@ots/documents';
import type { ProtocolParty } from './protocol-party.js';

/** One document and the verdict every verifier must reach on it (docs/protocol/README.md section 4). */
export interface DocumentCase {
  name: string;
  expected: VerificationReason;
  /** What makes it fail, for the people reading the vectors. */
  why: string;
  jws: string;
}

export interface DocumentCaseOptions {
  /** The verifier's clock, seconds. The party's certificates must be valid from at least two days before it. */
  now: number;
  /** The party's status list the documents point to. */
  statusListUri: string;
  /** The entry set in that list (DOCUMENT_REVOKED); entry 0 is never set. */
  revokedIndex: number;
  /** A country the verifier has no trust anchor for (UNTRUSTED_ISSUER). */
  untrustedCountry: string;
  /** Tells the kit's runs apart; fixed in the vectors. */
  jtiPrefix: string;
}

const DAY = 86400;
const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * One document per verification outcome, OK and every rejection reason, signed by `party` (its `spareSigner` is
 * the one a verifier must hold as revoked, `compromised`). The published vectors and `fedctl conformance` are built
 * from this one function, so what the kit checks is what the vectors show.
 */
export async function documentCases(party: ProtocolParty, options: DocumentCaseOptions): Promise<DocumentCase[]> {
  const { now } = options;
  const payload = (overrides: Partial<DocumentPayload> & { jtiSuffix: string; idx?: number }): DocumentPayload => {
    const { jtiSuffix, idx, ...rest } = overrides;
    return {
      iss: party.country,
      sub: `${party.country}:ID:CONFORMANCE-1`,
      jti: `${options.jtiPrefix}-${jtiSuffix}`,
      iat: now - 60,
      nbf: now - 60,
      exp: now + 365 * DAY,
      doc_type: 'identity-attestation',
      lang: 'en',
      claims: {
        givenName: 'Aigerim',
        familyName: 'Conformance',
        birthDate: '1990-01-01',
        citizenship: party.country,
        personId: `${party.country}:ID:CONFORMANCE-1`,
      },
      status: { status_list: { idx: idx ?? 0, uri: options.statusListUri } },
      ...rest,
    };
  };
  const header = { typ: DOCUMENT_TYP, kid: party.signer.kid, trust_chain: [party.signerCertificate] };
  const sign = (p: DocumentPayload, h: Record<string, unknown> = header, key = party.signer.privateJwk) =>
    signCompact({ ...p }, h as typeof header, key);

  const valid = await sign(payload({ jtiSuffix: 'ok' }));
  const [validHeader, , validSignature] = valid.split('.');
  return [
    { name: 'valid', expected: 'OK', why: 'well made, its status entry is not set', jws: valid },
    { name: 'four-parts', expected: 'MALFORMED', why: 'four dot-separated parts', jws: `${valid}.AAAA` },
    {
      name: 'alg-none',
      expected: 'UNSUPPORTED_ALG',
      why: 'alg none, no signature',
      jws: `${b64({ ...header, alg: 'none' })}.${b64(payload({ jtiSuffix: 'alg-none' }))}.`,
    },
    {
      name: 'typ-jwt',
      expected: 'BAD_TYPE',
      why: 'typ JWT instead of ots-doc+jwt',
      jws: await sign(payload({ jtiSuffix: 'typ' }), { ...header, typ: 'JWT' }),
    },
    {
      name: 'untrusted-issuer',
      expected: 'UNTRUSTED_ISSUER',
      why: `iss ${options.untrustedCountry}, a country the verifier has no anchor for`,
      jws: await sign(payload({ jtiSuffix: 'untrusted', iss: options.untrustedCountry })),
    },
    {
      name: 'no-trust-chain',
      expected: 'BAD_CHAIN',
      why: 'no trust_chain header',
      jws: await sign(payload({ jtiSuffix: 'no-chain' }), { typ: DOCUMENT_TYP, kid: party.signer.kid }),
    },
    {
      name: 'kid-not-certified',
      expected: 'UNKNOWN_KEY',
      why: "kid names the party's other signer, the chain certifies this one",
      jws: await sign(payload({ jtiSuffix: 'kid' }), { ...header, kid: party.spareSigner.kid }),
    },
    {
      name: 'payload-changed',
      expected: 'BAD_SIGNATURE',
      why: 'the payload of the valid document with one claim changed, its signature kept',
      jws: `${validHeader}.${b64(payload({ jtiSuffix: 'ok', claims: { givenName: 'Mallory' } }))}.${validSignature}`,
    },
    {
      name: 'expired',
      expected: 'EXPIRED',
      why: "exp one day before the verifier's clock (well past the 60 s skew)",
      jws: await sign(payload({ jtiSuffix: 'expired', iat: now - 2 * DAY, nbf: now - 2 * DAY, exp: now - DAY })),
    },
    {
      name: 'not-yet-valid',
      expected: 'NOT_YET_VALID',
      why: "nbf one day after the verifier's clock",
      jws: await sign(payload({ jtiSuffix: 'not-yet', nbf: now + DAY })),
    },
    {
      name: 'revoked-signer',
      expected: 'KEY_REVOKED',
      why: 'signed by the spare signer, which the verifier holds as revoked (compromised)',
      jws: await sign(
        payload({ jtiSuffix: 'key-revoked' }),
        { typ: DOCUMENT_TYP, kid: party.spareSigner.kid, trust_chain: [party.spareSignerCertificate] },
        party.spareSigner.privateJwk,
      ),
    },
    {
      name: 'status-set',
      expected: 'DOCUMENT_REVOKED',
      why: `its status list entry ${options.revokedIndex} is set`,
      jws: await sign(payload({ jtiSuffix: 'revoked', idx: options.revokedIndex })),
    },
  ];
}
