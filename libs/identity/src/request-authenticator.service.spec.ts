import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '@ots/errors';
import { bearerToken, RequestAuthenticator } from './request-authenticator.service.js';
import type { Principal } from './roles.js';
import type { TokenVerifier } from './token-verifier.service.js';

const principal: Principal = { subject: 'KZ:ADMIN:1', roles: ['admin'], issuer: 'urn:ots:dev-idp:KZ' };

/** A verifier that accepts one token and counts how often it was asked. */
function verifier(): TokenVerifier & { calls: number } {
  const fake = {
    calls: 0,
    verify(token: string): Promise<Principal> {
      fake.calls += 1;
      return token === 'good.token.sig' ? Promise.resolve(principal) : Promise.reject(new UnauthenticatedError('bad'));
    },
  };
  return fake as unknown as TokenVerifier & { calls: number };
}

const requestWith = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization }, raw: {} }) as unknown as Pick<FastifyRequest, 'headers' | 'raw'>;

describe(bearerToken.name, () => {
  it('takes the token of a Bearer header only', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('Basic dTpw')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
  });
});

describe(RequestAuthenticator.name, () => {
  it('calls a request without a header anonymous, a verified one verified and a bad one refused', async () => {
    const sut = new RequestAuthenticator(verifier());
    expect(await sut.authenticate(requestWith())).toEqual({ kind: 'anonymous' });
    expect(await sut.authenticate(requestWith('Bearer good.token.sig'))).toEqual({ kind: 'verified', principal });
    expect((await sut.authenticate(requestWith('Bearer x'))).kind).toBe('refused');
    expect((await sut.authenticate(requestWith('Basic dTpw'))).kind).toBe('refused');
  });

  it('verifies a request once, however many times it is asked', async () => {
    const tokens = verifier();
    const sut = new RequestAuthenticator(tokens);
    const request = requestWith('Bearer good.token.sig');
    await sut.authenticate(request);
    await sut.authenticate(request);
    expect(tokens.calls).toBe(1);
  });
});
