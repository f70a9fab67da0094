import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ConfigError } from '@ots/config';
import { writeSecretFile } from '@ots/jws';
import type { Role } from './roles.js';

/**
 * The development identity provider: a per-node Ed25519 key in
 * `<dataDir>/dev-idp-key.json` (mode 0600) that stands in for the national
 * e-government login in a local federation. Only a node started with
 * DEV_IDP=on trusts it; `fedctl token` signs with the same file.
 */
export const devIssuer = (country: string): string => `urn:ots:dev-idp:${country}`;
export const nodeAudience = (country: string): string => `urn:ots:node:${country}`;

const keyPath = (dataDir: string): string => join(dataDir, 'dev-idp-key.json');

export async function openDevIdentityKey(dataDir: string, country: string, create: boolean): Promise<JWK> {
  const path = keyPath(dataDir);
  if (existsSync(path)) {
    try {
      const jwk = (JSON.parse(readFileSync(path, 'utf8')) as { privateJwk: JWK }).privateJwk;
      if (jwk?.kty !== 'OKP' || typeof jwk.d !== 'string') throw new Error('not an Ed25519 private key');
      return jwk;
    } catch (err) {
      throw new ConfigError(`${path}: development identity key is damaged (${(err as Error).message})`);
    }
  }
  if (!create) throw new ConfigError(`${path}: no development identity key; is the ${country} node started with DEV_IDP=on?`);
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk = await exportJWK(privateKey);
  writeSecretFile(path, `${JSON.stringify({ country, privateJwk }, null, 2)}\n`);
  return privateJwk;
}

/** Mints a bearer token the way a national identity provider would, for the local federation. */
export async function mintDevToken(input: {
  dataDir: string;
  country: string;
  subject: string;
  roles: Role[];
  ttlSeconds: number;
}): Promise<string> {
  const jwk = await openDevIdentityKey(input.dataDir, input.country, false);
  const key = (await importJWK(jwk, 'EdDSA')) as CryptoKey;
  return new SignJWT({ roles: input.roles })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'dev-idp' })
    .setIssuer(devIssuer(input.country))
    .setAudience(nodeAudience(input.country))
    .setSubject(input.subject)
    .setIssuedAt()
    .setExpirationTime(`${input.ttlSeconds}s`)
    .sign(key);
}
