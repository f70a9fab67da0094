import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyEntityConfiguration } from './entity-configuration.js';
import { JwsVerificationError } from './jws.errors.js';
import { thumbprint } from './keys.js';
import { verifySignerCertificate } from './signer-certificate.js';

/** The published vectors of keys, the signer certificate and the entity configuration (docs/protocol/vectors). */
const vector = (file: string) => JSON.parse(readFileSync(new URL(`../../../docs/protocol/vectors/${file}`, import.meta.url), 'utf8'));

const outcome = async (check: () => Promise<unknown>): Promise<string> => {
  try {
    await check();
    return 'OK';
  } catch (err) {
    if (err instanceof JwsVerificationError) return err.reason;
    throw err;
  }
};

describe('docs/protocol/vectors', () => {
  it('names every key by its RFC 7638 thumbprint', async () => {
    const { parties } = vector('keys.json');
    for (const keys of Object.values(parties) as Record<string, { kid: string }>[]) {
      for (const jwk of Object.values(keys)) expect(await thumbprint(jwk)).toBe(jwk.kid);
    }
  });

  const certificate = vector('signer-certificate.json');
  it.each(certificate.cases as { name: string; verifyAt: number; expected: string }[])(
    'signer certificate, $name: $expected',
    async ({ verifyAt, expected }) => {
      const roots = new Map([[certificate.trustedRootThumbprint as string, certificate.trustedRootJwk]]);
      expect(await outcome(() => verifySignerCertificate(certificate.certificate, roots, 'KZ', verifyAt))).toBe(expected);
    },
  );

  const statement = vector('entity-configuration.json');
  it.each(statement.cases as { name: string; expectedCountry: string; pinnedThumbprints: string[]; verifyAt: number; expected: string }[])(
    'entity configuration, $name: $expected',
    async ({ expectedCountry, pinnedThumbprints, verifyAt, expected }) => {
      expect(await outcome(() => verifyEntityConfiguration(statement.jws, expectedCountry, pinnedThumbprints, verifyAt))).toBe(expected);
    },
  );

  it('announces the protocol versions in the entity configuration', () => {
    expect(statement.payload.metadata.ots_node.protocol_versions).toEqual(['1.0']);
  });
});
