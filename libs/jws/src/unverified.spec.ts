import { describe, expect, it } from 'vitest';
import { JwsVerificationError } from './jws.errors.js';
import { unverifiedPayload } from './unverified.js';

const part = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe(unverifiedPayload.name, () => {
  it('reads the claims of a compact JWS without its signature mattering', () => {
    expect(unverifiedPayload(`${part({ alg: 'EdDSA' })}.${part({ iss: 'KZ', exp: 5 })}.not-a-signature`)).toEqual({ iss: 'KZ', exp: 5 });
  });

  it.each([
    ['a JWE (five parts)', `${part({ alg: 'ECDH-ES+A256KW' })}..${part('iv')}.${part('c')}.${part('t')}`],
    ['two parts', `${part({ alg: 'EdDSA' })}.${part({ iss: 'KZ' })}`],
    ['a payload that is not JSON', `${part({ alg: 'EdDSA' })}.${part('{iss')}.sig`],
    ['a JSON array payload', `${part({ alg: 'EdDSA' })}.${part([1, 2])}.sig`],
    ['an empty payload', `${part({ alg: 'EdDSA' })}..sig`],
  ])('refuses %s as MALFORMED', (_, compact) => {
    expect(() => unverifiedPayload(compact)).toThrow(JwsVerificationError);
    try {
      unverifiedPayload(compact);
    } catch (err) {
      expect((err as JwsVerificationError).reason).toBe('MALFORMED');
    }
  });
});
