import { createPrivateKey, sign } from 'node:crypto';
import { CompactSign, importJWK, type CryptoKey, type JWK } from 'jose';
import {
  generateRootKey,
  generateSignerKey,
  issueSignerCertificate,
  JwsVerificationError,
  signEntityConfiguration,
  type IssuerTrust,
  type KeyPairJwk,
  type KeyRevocation,
  type TrustView,
} from '@ots/jws';
import { verifyDocumentChain } from '../../libs/documents/src/document-verifier.js';

/**
 * A made-up issuing country for verifier tests: a root key, a signer key and
 * the certificate binding them, and helpers to build documents, valid or
 * hostile, byte by byte. Not a copy of the node's issuer: tests that use it
 * check the verifier against the protocol text, not against our own code.
 */
export interface TestIssuer {
  country: string;
  root: KeyPairJwk;
  signer: KeyPairJwk;
  certificate: string;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export async function makeIssuer(
  country = 'KZ',
  options: { certificateNotBefore?: number; certificateLifetime?: number; certificateIssuer?: string } = {},
): Promise<TestIssuer> {
  const root = await generateRootKey();
  const signer = await generateSignerKey('EdDSA');
  const certificate = await issueSignerCertificate({
    issuer: options.certificateIssuer ?? country,
    rootPrivateJwk: root.privateJwk,
    rootKid: root.kid,
    subjectPublicJwk: signer.publicJwk,
    use: ['doc', 'msg'],
    notBefore: options.certificateNotBefore ?? nowSeconds() - 60,
    lifetimeSeconds: options.certificateLifetime ?? 30 * 86400,
  });
  return { country, root, signer, certificate };
}

export function trustViewOf(
  issuers: TestIssuer[],
  options: { status?: IssuerTrust['status']; revoked?: Record<string, KeyRevocation>; extraRoots?: Record<string, JWK[]> } = {},
): TrustView {
  const map = new Map<string, IssuerTrust>(
    issuers.map((issuer) => [
      issuer.country,
      {
        country: issuer.country,
        status: options.status ?? 'active',
        rootKeys: new Map([
          [issuer.root.kid, issuer.root.publicJwk],
          ...(options.extraRoots?.[issuer.country] ?? []).map((k) => [k.kid as string, k] as [string, JWK]),
        ]),
        revokedKeys: new Map(Object.entries(options.revoked ?? {})),
        statusListEndpoint: `http://127.0.0.1:1/status-lists`,
      },
    ]),
  );
  return { issuer: (country) => map.get(country) };
}

export function documentPayload(issuer: TestIssuer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const iat = nowSeconds() - 10;
  return {
    iss: issuer.country,
    sub: 'KZ:IIN:900101300123',
    jti: `doc-${Math.random().toString(36).slice(2)}`,
    iat,
    nbf: iat,
    exp: iat + 3600,
    doc_type: 'identity-attestation',
    lang: 'kk',
    claims: { givenName: 'Aigerim', familyName: 'Serikqyzy' },
    status: { status_list: { idx: 7, uri: 'http://127.0.0.1:1/status-lists/1' } },
    ...overrides,
  };
}

export async function signWith(payload: Record<string, unknown>, header: Record<string, unknown>, privateJwk: JWK): Promise<string> {
  const alg = (header.alg as string) ?? 'EdDSA';
  const key = (await importJWK(privateJwk, alg)) as CryptoKey;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg, ...header }).sign(key);
}

/** Signs any header and payload with an Ed25519 key, bypassing jose's own refusals (for `crit`, `b64`, ...). */
export function signRawEd25519(header: Record<string, unknown>, payload: Record<string, unknown>, privateJwk: JWK): string {
  const input = `${b64({ alg: 'EdDSA', ...header })}.${b64(payload)}`;
  const key = createPrivateKey({ key: privateJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

/** A correctly made document of `issuer`. */
export function validDocument(
  issuer: TestIssuer,
  payload: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  return signWith(
    documentPayload(issuer, payload),
    { typ: 'ots-doc+jwt', kid: issuer.signer.kid, trust_chain: [issuer.certificate], ...header },
    issuer.signer.privateJwk,
  );
}

export const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** An entity configuration of `issuer`, for the "wrong kind of JWS" cases. */
export function entityConfigurationOf(issuer: TestIssuer): Promise<string> {
  return signEntityConfiguration({
    country: issuer.country,
    rootKeys: [issuer.root.publicJwk],
    signingRoot: { kid: issuer.root.kid, privateJwk: issuer.root.privateJwk },
    metadata: {
      graphql_endpoint: 'http://x/graphql',
      languages: ['kk'],
      status_list_endpoint: 'http://x/status-lists',
      signer_certificates: [issuer.certificate],
      encryption_certificates: [],
    },
    issuedAt: nowSeconds(),
    lifetimeSeconds: 3600,
  });
}

/** The PROTOCOL reason a verifier gives for `jws` (`OK` when it verifies); any other failure is a bug and throws. */
export async function reasonOf(jws: unknown, view: TrustView, now = nowSeconds()): Promise<string> {
  try {
    await verifyDocumentChain(jws, view, now);
    return 'OK';
  } catch (err) {
    if (err instanceof JwsVerificationError) return err.reason;
    throw err;
  }
}
