/**
 * Why a JWS was refused: the docs/protocol section 4 reason codes. Verifiers
 * `switch (err.reason)`; they never parse messages.
 */
export const VERIFICATION_REASONS = [
  'OK',
  'MALFORMED',
  'UNSUPPORTED_ALG',
  'BAD_TYPE',
  'UNTRUSTED_ISSUER',
  'BAD_CHAIN',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'EXPIRED',
  'NOT_YET_VALID',
  'KEY_REVOKED',
  'DOCUMENT_REVOKED',
] as const;
export type VerificationReason = (typeof VERIFICATION_REASONS)[number];
export type RejectionReason = Exclude<VerificationReason, 'OK'>;

/** A JWS that does not verify, with the protocol reason and a precise English detail for logs. */
export class JwsVerificationError extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JwsVerificationError';
  }
}
