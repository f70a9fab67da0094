import type { JWK } from 'jose';
import { z } from 'zod';
import { parseCompactJws, signCompact, verifySignature } from './compact-jws.js';
import { JwsVerificationError } from './jws.errors.js';
import type { SigningKey } from './signing-key.js';
import { KEY_REVOCATION_REASONS, type KeyRevocationReason } from './trust-view.js';

/** OpenID Federation 1.0, section 8.7: the historical keys of an entity, a JWT of this type. */
export const HISTORICAL_KEYS_TYP = 'jwk-set+jwt';

/** A retired key as OpenID Federation lists it: the public JWK, until when it was in use, and why it was revoked. */
export type HistoricalKey = JWK & { kid: string; exp: number; revoked: { revoked_at: number; reason: KeyRevocationReason } };

const historicalKeysPayload = z.object({
  iss: z.string(),
  iat: z.number().int(),
  keys: z
    .array(
      z
        .object({
          kty: z.string(),
          kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
          exp: z.number().int(),
          revoked: z.object({ revoked_at: z.number().int(), reason: z.enum(KEY_REVOCATION_REASONS) }),
        })
        .passthrough(),
    )
    .max(10_000),
});

/**
 * Signs the historical keys with one of the node's root keys (the entity's federation key).
 *
 * @example
 * const jwt = await signHistoricalKeys({ country: 'KZ', keys, signingRoot: keys.signingRoot(), issuedAt: now });
 */
export function signHistoricalKeys(input: {
  country: string;
  keys: HistoricalKey[];
  signingRoot: { kid: string; privateJwk: JWK | SigningKey };
  issuedAt: number;
}): Promise<string> {
  return signCompact(
    { iss: input.country, iat: input.issuedAt, keys: input.keys },
    { typ: HISTORICAL_KEYS_TYP, kid: input.signingRoot.kid },
    input.signingRoot.privateJwk,
  );
}

/** A partner's historical keys, accepted only when signed by one of the roots trusted for it and issued by it. */
export async function verifyHistoricalKeys(
  jws: unknown,
  country: string,
  trustedRoots: ReadonlyMap<string, JWK>,
): Promise<HistoricalKey[]> {
  const parsed = parseCompactJws(jws, HISTORICAL_KEYS_TYP, 1024 * 1024);
  const root = typeof parsed.header.kid === 'string' ? trustedRoots.get(parsed.header.kid) : undefined;
  if (!root) throw new JwsVerificationError('UNKNOWN_KEY', 'historical keys are not signed by a trusted root key');
  await verifySignature(parsed, root);
  const payload = historicalKeysPayload.safeParse(parsed.payload);
  if (!payload.success) throw new JwsVerificationError('MALFORMED', 'historical keys payload is not a key list');
  if (payload.data.iss !== country)
    throw new JwsVerificationError('UNTRUSTED_ISSUER', `historical keys of ${payload.data.iss}, not ${country}`);
  return payload.data.keys as HistoricalKey[];
}
