import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import {
  issueSignerCertificate,
  KEY_ENCRYPTION_ALGORITHM,
  PROTOCOL_VERSIONS,
  signCompact,
  signEntityConfiguration,
  thumbprint,
  toPublicJwk,
  type KeyPairJwk,
  type SigningAlgorithm,
} from '@ots/jws';
import { buildStatusBits, encodeStatusList, STATUS_LIST_TYP } from '@ots/documents';

/**
 * A node's worth of keys and certificates, outside any node: what the conformance kit acts as (fresh random keys)
 * and what the published test vectors are made from (keys derived from fixed seeds, so a rerun writes the same
 * bytes). Everything it signs is built the way docs/protocol/README.md says, with the product's own signing code.
 */
export interface ProtocolParty {
  country: string;
  root: KeyPairJwk;
  /** Certified for `doc` and `msg`: signs documents, status lists, envelopes. */
  signer: KeyPairJwk;
  /** A second certified signer, so that revoking it leaves the party able to sign (the KEY_REVOKED case). */
  spareSigner: KeyPairJwk;
  enc: KeyPairJwk;
  signerCertificate: string;
  spareSignerCertificate: string;
  encryptionCertificate: string;
}

export const CERTIFICATE_LIFETIME_SECONDS = 90 * 24 * 3600;

// PKCS #8 prefixes of a raw 32-byte private key (RFC 8410): an Ed25519 or X25519 key is just its seed.
const PKCS8_PREFIX = { Ed25519: '302e020100300506032b657004220420', X25519: '302e020100300506032b656e04220420' } as const;

async function keyPair(curve: 'Ed25519' | 'X25519', seed: Buffer): Promise<KeyPairJwk> {
  const der = Buffer.concat([Buffer.from(PKCS8_PREFIX[curve], 'hex'), seed]);
  const privateJwk = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }) as JWK;
  const kid = await thumbprint(privateJwk);
  const alg: SigningAlgorithm | typeof KEY_ENCRYPTION_ALGORITHM = curve === 'Ed25519' ? 'EdDSA' : KEY_ENCRYPTION_ALGORITHM;
  const use = curve === 'Ed25519' ? 'sig' : 'enc';
  return { kid, alg, privateJwk: { ...privateJwk, kid, alg, use }, publicJwk: { ...toPublicJwk(privateJwk), kid, alg, use } };
}

/** The seed of a named key: SHA-256 of `<label>/<country>/<role>`, or 32 random bytes when there is no label. */
const seedOf = (label: string | undefined, country: string, role: string): Buffer =>
  label === undefined ? randomBytes(32) : createHash('sha256').update(`${label}/${country}/${role}`).digest();

/**
 * Makes a party's keys and certifies its signer and encryption keys with its root, valid from `notBefore` for 90
 * days. With `seedLabel`, the keys are derived from it (test vectors); without, they are random (the kit).
 */
export async function makeParty(country: string, notBefore: number, seedLabel?: string): Promise<ProtocolParty> {
  const [root, signer, spareSigner, enc] = await Promise.all([
    keyPair('Ed25519', seedOf(seedLabel, country, 'root')),
    keyPair('Ed25519', seedOf(seedLabel, country, 'signer')),
    keyPair('Ed25519', seedOf(seedLabel, country, 'spare-signer')),
    keyPair('X25519', seedOf(seedLabel, country, 'enc')),
  ]);
  const certify = (key: KeyPairJwk, use: ('doc' | 'msg' | 'enc')[]) =>
    issueSignerCertificate({
      issuer: country,
      rootPrivateJwk: root.privateJwk,
      rootKid: root.kid,
      subjectPublicJwk: key.publicJwk,
      use,
      notBefore,
      lifetimeSeconds: CERTIFICATE_LIFETIME_SECONDS,
    });
  const [signerCertificate, spareSignerCertificate, encryptionCertificate] = await Promise.all([
    certify(signer, ['doc', 'msg']),
    certify(spareSigner, ['doc', 'msg']),
    certify(enc, ['enc']),
  ]);
  return { country, root, signer, spareSigner, enc, signerCertificate, spareSignerCertificate, encryptionCertificate };
}

/** Where a party's HTTP surface is: its base URL (entity configuration, status lists) and its GraphQL endpoint. */
export interface PartyEndpoints {
  baseUrl: string;
  graphqlEndpoint: string;
}

export const statusListEndpointOf = (endpoints: PartyEndpoints): string => `${endpoints.baseUrl}/status-lists`;

/** The party's entity configuration, signed by its root (docs/protocol/README.md section 2). */
export function partyEntityConfiguration(
  party: ProtocolParty,
  endpoints: PartyEndpoints,
  issuedAt: number,
  lifetimeSeconds: number,
  languages: string[],
): Promise<string> {
  return signEntityConfiguration({
    country: party.country,
    rootKeys: [party.root.publicJwk],
    signingRoot: party.root,
    metadata: {
      graphql_endpoint: endpoints.graphqlEndpoint,
      languages,
      status_list_endpoint: statusListEndpointOf(endpoints),
      signer_certificates: [party.signerCertificate, party.spareSignerCertificate],
      encryption_certificates: [party.encryptionCertificate],
      protocol_versions: [...PROTOCOL_VERSIONS],
    },
    issuedAt,
    lifetimeSeconds,
  });
}

/** Entries of the party's status lists: small, since a party outside a node issues only a handful of documents. */
export const PARTY_STATUS_LIST_SIZE = 1024;

/** A `statuslist+jwt` at `uri` with the given entries set, by the party's signer (docs/protocol/README.md section 5). */
export function partyStatusList(
  party: ProtocolParty,
  uri: string,
  revokedIndexes: number[],
  issuedAt: number,
  ttl: number,
): Promise<string> {
  return signCompact(
    {
      iss: party.country,
      sub: uri,
      iat: issuedAt,
      exp: issuedAt + 2 * ttl,
      ttl,
      status_list: { bits: 1, lst: encodeStatusList(buildStatusBits(PARTY_STATUS_LIST_SIZE, revokedIndexes)) },
    },
    { typ: STATUS_LIST_TYP, kid: party.signer.kid, trust_chain: [party.signerCertificate] },
    party.signer.privateJwk,
  );
}
