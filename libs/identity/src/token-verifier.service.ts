import { Injectable } from '@nestjs/common';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { NodeConfig } from '@ots/config';
import { UnauthenticatedError } from '@ots/errors';
import { toPublicJwk, unverifiedPayload } from '@ots/jws';
import { devIssuer, nodeAudience } from './dev-identity-provider.js';
import { isRole, type Principal } from './roles.js';

interface TrustedIssuer {
  issuer: string;
  keys: JWTVerifyGetKey;
}

/**
 * Verifies bearer JWTs from the identity providers this node trusts: the
 * country's OIDC issuer (JWKS fetched and cached by jose) and, in a local
 * federation only, the development provider. Roles come from the `roles`
 * claim.
 */
@Injectable()
export class TokenVerifier {
  private readonly issuers: TrustedIssuer[] = [];
  private readonly audience: string;

  constructor(config: NodeConfig) {
    this.audience = nodeAudience(config.countryCode);
    if (config.oidc) this.issuers.push({ issuer: config.oidc.issuer, keys: createRemoteJWKSet(new URL(config.oidc.jwksUrl)) });
  }

  trustDevelopmentProvider(country: string, privateJwk: JWK): void {
    this.issuers.push({
      issuer: devIssuer(country),
      keys: createLocalJWKSet({ keys: [{ ...toPublicJwk(privateJwk), kid: 'dev-idp', alg: 'EdDSA' }] }),
    });
  }

  async verify(token: string): Promise<Principal> {
    let issuer: TrustedIssuer | undefined;
    try {
      const claimedIssuer = unverifiedPayload<JWTPayload>(token).iss;
      issuer = this.issuers.find((i) => i.issuer === claimedIssuer);
    } catch {
      throw new UnauthenticatedError('bearer token is not a JWT');
    }
    if (!issuer) throw new UnauthenticatedError('bearer token from an issuer this node does not trust');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: this.audience,
        algorithms: ['EdDSA', 'ES256', 'RS256', 'PS256'],
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 60,
      }));
    } catch (err) {
      const reason = err instanceof joseErrors.JWTExpired ? 'expired' : err instanceof joseErrors.JOSEError ? err.code : 'invalid';
      throw new UnauthenticatedError(`bearer token refused: ${reason}`);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    return { subject: payload.sub as string, roles, issuer: issuer.issuer };
  }
}
