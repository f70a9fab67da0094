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
import { CLOCK_SKEW_SECONDS, toPublicJwk, unverifiedPayload } from '@ots/jws';
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
      throw refused('MALFORMED', 'bearer token is not a JWT');
    }
    if (!issuer) throw refused('UNKNOWN_ISSUER', 'bearer token from an issuer this node does not trust');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: this.audience,
        algorithms: ['EdDSA', 'ES256', 'RS256', 'PS256'],
        requiredClaims: ['sub', 'exp'],
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (err) {
      const reason = tokenRefusalReason(err);
      throw refused(reason, `bearer token refused: ${reason}`, err);
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    return { subject: payload.sub as string, roles, issuer: issuer.issuer };
  }
}

/** Which check of a bearer token failed: a stable reason a caller may see, naming no claim value and no key. */
export type TokenRefusalReason =
  | 'MALFORMED'
  | 'UNKNOWN_ISSUER'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_AUDIENCE'
  | 'MISSING_CLAIM'
  | 'ISSUER_KEYS_UNAVAILABLE';

const CLAIM_REASONS: Record<string, TokenRefusalReason> = {
  nbf: 'NOT_YET_VALID',
  iat: 'NOT_YET_VALID',
  aud: 'WRONG_AUDIENCE',
  iss: 'UNKNOWN_ISSUER',
};

/** Maps what jose threw to the reason; the identity provider's keys being out of reach is not the token's fault. */
export function tokenRefusalReason(err: unknown): TokenRefusalReason {
  if (err instanceof joseErrors.JWTExpired) return 'EXPIRED';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    return CLAIM_REASONS[err.claim] ?? (err.reason === 'missing' ? 'MISSING_CLAIM' : 'MALFORMED');
  }
  if (
    err instanceof joseErrors.JWSSignatureVerificationFailed ||
    err instanceof joseErrors.JWKSNoMatchingKey ||
    err instanceof joseErrors.JWKSMultipleMatchingKeys ||
    err instanceof joseErrors.JOSEAlgNotAllowed
  ) {
    return 'BAD_SIGNATURE';
  }
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid || !(err instanceof joseErrors.JOSEError)) {
    return 'ISSUER_KEYS_UNAVAILABLE';
  }
  return 'MALFORMED';
}

const refused = (reason: TokenRefusalReason, message: string, cause?: unknown): UnauthenticatedError =>
  new UnauthenticatedError(message, {}, { cause, extensions: { reason } });
